// Which sections a document must have now, and in what order: shared by the section rules.

import type { OutlineSection } from '../../markdown/outline.js';
import { isSection } from '../../sections.js';
import type { DocRecord, IncidentStatus } from '../../model/types.js';
import type { Config, SectionKind } from '../../policy.js';
import { sectionStages, STATUSES, type Required } from '../../requirements.js';

export interface SectionPlan {
  /** Every section the kind lists, in order, with the status it is required from (if any). */
  listed: Required[];
  /** The document's status (incidents and exercises), when it is a known one. */
  status?: IncidentStatus;
  /** Whether a listed section is required now. */
  requiredNow(section: Required): boolean;
}

/** The section plan of a document, or undefined when its kind lists no sections. */
export function sectionPlan(doc: DocRecord, config: Config): SectionPlan | undefined {
  if (!doc.kind || !doc.outline) return undefined;
  const kind = doc.kind as SectionKind;
  const names = config.sections[kind] ?? [];
  if (names.length === 0) return undefined;
  if (doc.kind !== 'incident' && doc.kind !== 'exercise') {
    return { listed: names.map((name) => ({ name, since: 'open' as const })), requiredNow: () => true };
  }
  const raw = doc.data?.status;
  const status = STATUSES.includes(raw as IncidentStatus) ? (raw as IncidentStatus) : 'open';
  const rank = STATUSES.indexOf(status);
  return { listed: sectionStages(config.requirements, doc.kind, names), status, requiredNow: (s) => STATUSES.indexOf(s.since) <= rank };
}

/** The heading of a listed section in the outline, if present (by its name or an alias). */
export function findHeading(headings: readonly OutlineSection[], name: string, aliases?: Readonly<Record<string, readonly string[]>>): number {
  return headings.findIndex((h) => isSection(h.text, name, aliases));
}
