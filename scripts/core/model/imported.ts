// Imported post-mortems, until someone finishes them: what the import could not know (owners,
// statuses, milestones, sections the status requires) and what the source wrote unusually are
// work to finish, reported as warnings, so a repository adopts its history on day one and then
// tightens document by document (`imported.finished`). Safety and validity never soften.

import type { Diagnostic } from '../diagnostic.js';
import type { Config } from '../policy.js';
import { quickSections } from '../brief/sections.js';
import { outstanding, statusRank } from '../requirements.js';
import { MILESTONES, type DocRecord, type IncidentDoc, type Model } from './types.js';

/** Rules whose errors, in an unfinished import, are work to finish. */
export const TO_FINISH: ReadonlySet<string> = new Set([
  'incident/status-requirements', 'incident/placeholder', 'incident/closed-with-open-lessons', 'incident/lesson-incomplete',
  'incident/lesson-overdue', 'incident/review-late', 'incident/notification-overdue', 'incident/milestones-out-of-order',
  'incident/bug-not-searched', 'incident/recurrence-lessons', 'incident/lesson-target-unchanged', 'incident/lesson-exercise',
  'md/required-sections', 'md/empty-section', 'md/broken-link', 'md/no-undefined-references', 'md/timeline-item', 'md/timeline-milestones',
  'md/timeline-order', 'md/timeline-outside-incident', 'md/timeline-zone', 'md/unknown-mention',
  'notify/missed', 'notify/late', 'notify/due', 'notify/unknown', 'notify/which-duty', 'notify/no-clock',
]);

/** An incident imported by `firebreak import` that nobody has marked finished. */
export function isUnfinishedImport(doc: DocRecord): boolean {
  const imported = (doc.data as { imported?: { finished?: unknown } } | undefined)?.imported;
  return (doc.kind === 'incident' || doc.kind === 'exercise') && doc.valid && imported !== undefined && imported.finished === undefined;
}

/** What `incident/import-unfinished` lists in its one finding: missing fields and sections, lessons without owner or status. */
const SUMMARISED: ReadonlySet<string> = new Set(['incident/status-requirements', 'md/required-sections', 'md/empty-section']);

/**
 * In unfinished imports: errors of the `TO_FINISH` rules become warnings that say so, and what
 * the document's `incident/import-unfinished` finding already lists is folded into it (one line
 * per document, not one per missing section).
 */
export function finishLater(diagnostics: readonly Diagnostic[], model: Model): Diagnostic[] {
  const files = new Set(model.docs.filter(isUnfinishedImport).map((d) => d.file));
  if (files.size === 0) return [...diagnostics];
  const listed = new Set(diagnostics.filter((d) => d.ruleId === 'incident/import-unfinished').map((d) => d.file));
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!files.has(d.file)) out.push(d);
    else if (listed.has(d.file) && (SUMMARISED.has(d.ruleId) || (d.ruleId === 'incident/lesson-incomplete' && d.severity === 'warning'))) continue;
    else if (d.severity === 'error' && TO_FINISH.has(d.ruleId)) out.push({ ...d, severity: 'warning', message: `${d.message} (imported: to finish)` });
    else out.push(d);
  }
  return out;
}

/** What an unfinished import still lacks: facts written as unknown, lessons without owner or status, what its status requires. */
export interface ImportToDo {
  unknown: string[];
  ownerless: number;
  statusless: number;
  toWrite: string[];
}

export function importToDo(doc: IncidentDoc, config: Config): ImportToDo {
  const x = doc.data;
  const lessons = x.lessons ?? [];
  return {
    unknown: [
      ...(x.severity === 'unknown' ? ['severity'] : []),
      ...(x.commander === 'unknown' ? ['commander'] : []),
      ...MILESTONES.filter((m) => x[m] === 'unknown'),
      ...(x.impact?.personal_data === 'unknown' ? ['impact.personal_data'] : []),
    ],
    ownerless: lessons.filter((l) => l.owner === undefined && l.status !== 'verified' && l.status !== 'wont-fix').length,
    statusless: lessons.filter((l) => l.status === 'unknown').length,
    toWrite: outstanding(x, doc.outline?.sections ?? quickSections(doc.body), x.kind, config.requirements, config.sections[x.kind], config.sectionAliases)
      .filter((o) => statusRank(o.since) <= statusRank(x.status))
      .map((o) => (o.what === 'section' ? `section ${o.name}` : o.name)),
  };
}

/** The to-do as one line: "unknown severity, commander; 3 lessons without an owner; to write: …". */
export function formatToDo(t: ImportToDo): string {
  const n = (k: number, what: string) => `${k} lesson${k === 1 ? '' : 's'} ${what}`;
  return [
    ...(t.unknown.length ? [`unknown ${t.unknown.join(', ')}`] : []),
    ...(t.ownerless ? [n(t.ownerless, 'without an owner')] : []),
    ...(t.statusless ? [n(t.statusless, 'with an unknown status')] : []),
    ...(t.toWrite.length ? [`to write: ${t.toWrite.join(', ')}`] : []),
  ].join('; ');
}
