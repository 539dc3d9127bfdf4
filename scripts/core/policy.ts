// Thresholds every time-based rule reads; defaults here, overridden per repository in firebreak.yml.

import { DEFAULT_REQUIREMENTS, type Requirements } from './requirements.js';
import type { Regime } from './regimes/types.js';
import { mergeAliases } from './sections.js';

export interface Policy {
  contact_review_days: number;
  contact_due_soon_days: number;
  plan_review_days: number;
  plan_exercise_days: number;
  plan_due_soon_days: number;
  review_within_days: number;
  /** How far back a possible recurrence is looked for, in days. */
  recurrence_window_days: number;
  lesson_due_soon_days: number;
  /** What "without undue delay" means here, in hours (GDPR Art. 34): a documented policy number. */
  undue_delay_hours: number;
  /** Tolerance of an approximate time written without one (`~18:00`), in minutes. */
  approximate_minutes: number;
  max_file_bytes: number;
  max_front_matter_bytes: number;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  contact_review_days: 90,
  contact_due_soon_days: 14,
  plan_review_days: 365,
  plan_exercise_days: 180,
  plan_due_soon_days: 30,
  review_within_days: 14,
  recurrence_window_days: 365,
  lesson_due_soon_days: 7,
  undue_delay_hours: 72,
  approximate_minutes: 30,
  max_file_bytes: 256 * 1024,
  max_front_matter_bytes: 64 * 1024,
});

export type RuleSetting = 'error' | 'warning' | 'off';

export type SectionKind = 'incident' | 'exercise' | 'plan' | 'contact';

/** Required body sections per kind, in order (matched by heading text, any case). */
export const DEFAULT_SECTIONS: Readonly<Record<SectionKind, readonly string[]>> = Object.freeze({
  incident: ['Summary', 'Timeline', 'Detection', 'Response', 'Root cause', 'What went well', 'What went poorly', 'Lessons'],
  exercise: ['Summary', 'Timeline', 'What went well', 'What went poorly', 'Lessons'],
  plan: ['Preparation', 'Detection and analysis', 'Containment, eradication and recovery', 'Post-incident activity'],
  contact: [],
});

export interface Config {
  policy: Policy;
  rules: Record<string, RuleSetting>;
  sections: Record<SectionKind, readonly string[]>;
  requirements: Requirements;
  /** Notification regimes declared for the repository's incidents (ids). */
  regimes: readonly string[];
  /** Regimes the repository defines itself. */
  regimeDefinitions: readonly Regime[];
  /** The published site: its origin and publisher, for the feed. */
  site: { origin?: string; author?: string };
  /** Other names of each section (the kit's families, and the repository's own). */
  sectionAliases: Record<string, readonly string[]>;
}

export function defaultConfig(): Config {
  return {
    policy: { ...DEFAULT_POLICY },
    rules: {},
    sections: { ...DEFAULT_SECTIONS },
    requirements: { incident: { ...DEFAULT_REQUIREMENTS.incident }, exercise: { ...DEFAULT_REQUIREMENTS.exercise } },
    regimes: [],
    regimeDefinitions: [],
    site: {},
    sectionAliases: mergeAliases(undefined),
  };
}
