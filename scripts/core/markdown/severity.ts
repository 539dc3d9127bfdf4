// One map of Markdown rule severities: remark-lint's recommended preset warns, the kit's own
// rules are errors. firebreak.yml `rules:` overrides either by id (`md/<rule>`).

import type { Severity } from '../diagnostic.js';

export const KIT_MD_RULES: Readonly<Record<string, { severity: Severity; description: string }>> = {
  'md/too-complex': { severity: 'error', description: 'A body has a shape that would take the Markdown parser too long (thousands of emphasis markers or brackets in one paragraph, deep nesting, a huge table row): it is not parsed.' },
  'md/timeline-zone': { severity: 'warning', description: 'A timeline time in a zone abbreviation that disagrees with the daylight saving of its day (PST in July): read as written.' },
  'md/timeline-item': { severity: 'error', description: 'A timeline item does not start with a time the kit can read without guessing (docs/time.md), or names an unknown phase.' },
};

/** The severity of a Markdown rule by its id. */
export function markdownSeverity(ruleId: string): Severity {
  return KIT_MD_RULES[ruleId]?.severity ?? 'warning';
}
