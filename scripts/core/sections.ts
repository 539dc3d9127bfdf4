// Section names as teams write them: each of the kit's sections has aliases (the families real
// post-mortems use), and a repository adds its own in firebreak.yml `section_aliases:`. One
// matcher, used by the section rules, the status table, the report and the site.

export const DEFAULT_SECTION_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'Summary': ['Issue Summary', 'Incident Summary', 'Executive Summary', 'Overview', 'Description', 'What happened'],
  'Timeline': ['Timeline of events', 'Timeline of Events', 'Chronology'],
  'Detection': ['How it was detected', 'Identified', 'Discovery'],
  'Response': ['Resolution', 'Resolution and recovery', 'Resolution and Recovery', 'Mitigation', 'Recovery', 'Response and recovery'],
  'Root cause': ['Root Causes', 'Root Cause Analysis', 'Cause', 'Causes', 'Contributing Factors', 'How did this happen', 'Why it happened'],
  'What went well': ['Went well', 'Things that went well'],
  'What went poorly': ['What went wrong', 'Went wrong', 'What didn\'t go well', 'What did not go well', 'Things that went wrong', 'Where we got lucky'],
  'Lessons': ['Lessons Learned', 'Lessons learned', 'Lessons learnt', 'Action Items', 'Action items', 'Actions', 'Corrective and Preventative Measures', 'Corrective Actions', 'Remediation', 'Remediations', 'Follow-ups', 'Follow-up actions', 'Follow ups', 'Takeaways', 'Next steps'],
});

export function normaliseName(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    n = text.trim().replace(/^[\d.]+\s+/, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').toLowerCase();
    // Headings repeat across documents (every post-mortem has a Timeline): each is read once.
    if (normalised.size > 50_000) normalised.clear();
    normalised.set(text, n);
  }
  return n;
}
const normalised = new Map<string, string>();

/** Whether a heading is the section `name` (or one of its aliases): `Timeline (UTC)` and `Owner: @x` count by their start. */
export function isSection(heading: string, name: string, aliases: Readonly<Record<string, readonly string[]>> = DEFAULT_SECTION_ALIASES): boolean {
  const h = normaliseName(heading);
  for (const n of [name, ...(aliases[name] ?? [])]) {
    const want = normaliseName(n);
    if (h === want || h.startsWith(`${want} (`) || h.startsWith(`${want}:`) || h.startsWith(`${want} -`)) return true;
  }
  return false;
}

/** The kit's aliases with a repository's added. */
export function mergeAliases(extra: Record<string, readonly string[]> | undefined): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = { ...DEFAULT_SECTION_ALIASES };
  for (const [k, v] of Object.entries(extra ?? {})) out[k] = [...(out[k] ?? []), ...v];
  return out;
}
