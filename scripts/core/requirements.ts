// What an incident or exercise must hold at each status: one table, read by the status rules,
// the section rules, the scaffold, the report and the site. Defaults here; firebreak.yml
// `requirements:` replaces the entry of any status.

import { isSection } from './sections.js';
import type { IncidentStatus } from './model/types.js';

export const STATUSES: readonly IncidentStatus[] = ['open', 'contained', 'resolved', 'reviewed', 'closed'];

export interface StageRequirement {
  /** Front-matter fields (dotted paths) that must hold a value, not a placeholder. */
  fields: readonly string[];
  /** Body sections that must be present and written (names from `sections:`). */
  sections: readonly string[];
}

export type RequirementKind = 'incident' | 'exercise';
export type Requirements = Record<RequirementKind, Record<IncidentStatus, StageRequirement>>;

/**
 * How teams work: an open incident holds what a responder knows in the first minutes; how it
 * was contained is known once it is; the effects and how it was detected by the time it is
 * resolved; the root cause, what went well and poorly and the lessons come from the review.
 */
export const DEFAULT_REQUIREMENTS: Readonly<Requirements> = Object.freeze({
  incident: {
    open: { fields: ['title', 'severity', 'commander', 'visibility', 'detected'], sections: ['Summary', 'Timeline'] },
    contained: { fields: ['contained'], sections: ['Response'] },
    resolved: { fields: ['resolved', 'detection.source', 'impact.summary', 'impact.personal_data'], sections: ['Detection'] },
    reviewed: { fields: ['reviewed', 'root_cause.summary', 'lessons'], sections: ['Root cause', 'What went well', 'What went poorly', 'Lessons'] },
    closed: { fields: ['closed'], sections: [] },
  },
  exercise: {
    open: { fields: ['title', 'severity', 'commander', 'visibility', 'detected', 'exercise.format'], sections: ['Summary'] },
    contained: { fields: [], sections: [] },
    resolved: { fields: ['resolved', 'exercise.scenario'], sections: ['Timeline', 'What went well', 'What went poorly'] },
    reviewed: { fields: ['reviewed', 'lessons'], sections: ['Lessons'] },
    closed: { fields: ['closed'], sections: [] },
  },
});

/** Fields the table may name: the incident schema's, as dotted paths. */
export const REQUIRABLE_FIELDS: readonly string[] = [
  'title', 'severity', 'category', 'plan', 'commander', 'participants', 'systems', 'visibility',
  'started', 'detected', 'declared', 'contained', 'recovered', 'resolved', 'reviewed', 'closed',
  'detection.source', 'detection.method', 'detection.could_be_earlier', 'engagements', 'gaps', 'accelerators',
  'impact.summary', 'impact.personal_data', 'impact.records', 'impact.customers_affected', 'impact.downtime_minutes',
  'notifications', 'root_cause.summary', 'root_cause.type', 'lessons',
  'exercise.format', 'exercise.scenario', 'exercise.facilitator',
];

export interface Required {
  name: string;
  /** The status from which it is required. */
  since: IncidentStatus;
}

/** What a document of `kind` at `status` must hold, with the status each item comes from. */
export function requiredAt(requirements: Requirements, kind: RequirementKind, status: IncidentStatus, sections: readonly string[]): { fields: Required[]; sections: Required[] } {
  const fields: Required[] = [];
  const rank = STATUSES.indexOf(status);
  for (const s of STATUSES.slice(0, rank + 1)) for (const f of requirements[kind][s].fields) fields.push({ name: f, since: s });
  return { fields, sections: sectionStages(requirements, kind, sections).filter((r) => STATUSES.indexOf(r.since) <= rank) };
}

/**
 * Every section the kind lists, with the status from which it is required. Sections the table
 * does not name are required from `reviewed`, when the record is complete; the table's
 * sections that the repository does not list are not required.
 */
export function sectionStages(requirements: Requirements, kind: RequirementKind, sections: readonly string[]): Required[] {
  const since = new Map<string, IncidentStatus>();
  for (const s of STATUSES) for (const name of requirements[kind][s].sections) if (!since.has(key(name))) since.set(key(name), s);
  return sections.map((name) => ({ name, since: since.get(key(name)) ?? 'reviewed' }));
}

/** The status from which a field is required, if any. */
export function fieldSince(requirements: Requirements, kind: RequirementKind, field: string): IncidentStatus | undefined {
  return STATUSES.find((s) => requirements[kind][s].fields.includes(field));
}

/** Why something is required now, for messages: "for status `contained`" or "(required from status `resolved`; now `closed`)". */
export function becauseOf(since: IncidentStatus, status: IncidentStatus): string {
  return since === status ? `for status \`${status}\`` : `(required from status \`${since}\`; the status is \`${status}\`)`;
}

export function statusRank(status: IncidentStatus): number {
  return STATUSES.indexOf(status);
}

function key(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface Outstanding {
  /** A dotted field or a section name. */
  name: string;
  what: 'field' | 'section';
  since: IncidentStatus;
}

/**
 * What the record still lacks, now or for a later status: fields not written (missing or a
 * prompt) and listed sections absent or empty, in the order of the statuses that need them.
 */
export function outstanding(data: Record<string, unknown>, headings: readonly { text: string; empty: boolean }[] | undefined, kind: RequirementKind, requirements: Requirements, sections: readonly string[], aliases?: Readonly<Record<string, readonly string[]>>): Outstanding[] {
  const out: Outstanding[] = [];
  for (const s of STATUSES) for (const name of requirements[kind][s].fields) if (!isWritten(valueAt(data, name))) out.push({ name, what: 'field', since: s });
  // Without the body's outline (a caller that did not read Markdown) sections are not judged.
  if (headings) for (const r of sectionStages(requirements, kind, sections)) {
    const h = headings.find((x) => isSection(x.text, r.name, aliases));
    if (!h || h.empty) out.push({ name: r.name, what: 'section', since: r.since });
  }
  return out.sort((a, b) => STATUSES.indexOf(a.since) - STATUSES.indexOf(b.since));
}

/** Text the scaffold writes for a person to replace: `TODO …`. Never a fact. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /^\s*TODO\b/.test(value);
}

/** A value as a fact: undefined when it is still a placeholder. */
export function written<T>(value: T | undefined): T | undefined {
  return isPlaceholder(value) ? undefined : value;
}

/** The value at a dotted path of front matter. */
export function valueAt(data: Record<string, unknown>, path: string): unknown {
  let v: unknown = data;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** Whether a field holds something written (a placeholder or an empty list does not count). */
export function isWritten(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (isPlaceholder(value)) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}
