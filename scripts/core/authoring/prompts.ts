// What each section of a new document should hold: the questions a good post-incident record
// answers. The scaffold writes them as `TODO:` prompts, which check reports until replaced.

export const SECTION_PROMPTS: Record<string, string> = {
  'Summary': 'TODO: What happened, in two or three sentences a manager can read: what, since when, how bad, and where it stands now.',
  'Timeline': 'TODO: One item per event, starting with when it happened, e.g. `- 2026-03-14T01:10Z [detection] EDR alert on the file server @secops`.',
  'Detection': 'TODO: How was it detected? Could it have been detected earlier or more easily, and by what (a log source, an alert, a sensor)? How could similar attacks show up?',
  'Response': 'TODO: What was done to contain, eradicate and recover. Who was hard to reach, and for how long? What access or visibility was missing (logs, packet capture, a console)?',
  'Root cause': 'TODO: The cause beneath the trigger. If it was a bug or a misconfiguration, where else could the same one be, and was it looked for?',
  'What went well': 'TODO: What accelerated the response or eased it (without blame): tools, people, preparation that paid off.',
  'What went poorly': 'TODO: What impeded it (without blame): communication that broke down, missing access, vendors, unclear authority.',
  'Lessons': 'TODO: What will change, who owns each change, and how it will be tested. Record each as a lesson in the front matter.',
  'Scenario': 'TODO: The scenario played and the injects.',
  'Preparation': 'TODO: What must be in place before an incident of this kind: tools, access, contacts, backups.',
  'Detection and analysis': 'TODO: How this kind of incident is recognised, confirmed and scoped.',
  'Containment, eradication and recovery': 'TODO: The steps to stop the damage, remove the cause and return to normal service.',
  'Post-incident activity': 'TODO: The review, the report for senior staff, and the lessons.',
};

export function prompt(section: string): string {
  return SECTION_PROMPTS[section] ?? `TODO: ${section}.`;
}
