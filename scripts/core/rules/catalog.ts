// Every rule the kit can report, with its default severity and description: the rules over the
// model, the loader's, and the Markdown rules. The rule reference and SARIF are made from this.

import type { Severity } from '../diagnostic.js';
import { KIT_MD_RULES } from '../markdown/severity.js';
import { LOAD_RULES, RULES } from './index.js';
import { SECRET_RULES } from '../secrets.js';

export interface CatalogEntry {
  id: string;
  family: string;
  severity: Severity;
  description: string;
  /** Time alone brings it (the freshness check's, not a pull request's). */
  freshness?: boolean;
  /** A change to another document can cause it. */
  crossDocument?: boolean;
}

/** The anchor of a rule's section in docs/rules.md (GitHub's slug of the heading). */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

/** remark-lint's recommended preset, as the kit reports it (warnings by default). */
export const PRESET_RULES: readonly string[] = [
  'final-newline', 'list-item-bullet-indent', 'list-item-indent', 'no-blockquote-without-marker', 'no-literal-urls',
  'ordered-list-marker-style', 'hard-break-spaces', 'no-duplicate-definitions', 'no-heading-content-indent',
  'no-shortcut-reference-image', 'no-shortcut-reference-link', 'no-undefined-references', 'no-unused-definitions',
];

const FAMILY_ORDER = ['parse', 'secret', 'schema', 'config', 'ref', 'contact', 'plan', 'incident', 'md'];

export function ruleCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [
    ...LOAD_RULES.map((r) => ({ ...r })),
    ...RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description, ...(r.freshness ? { freshness: true } : {}), ...(r.crossDocument ? { crossDocument: true } : {}) })),
    ...SECRET_RULES.map((name) => ({ id: `secret/${name}`, severity: 'error' as const, description: name === 'jwt' || name === 'webhook' ? `A ${name === 'jwt' ? 'JSON Web Token' : 'chat webhook URL (Microsoft Teams, Discord, Google Chat)'} in the file (the kit\'s own secretlint rule).` : `A credential found by secretlint\'s \`${name}\` rule (recommended preset): see https://github.com/secretlint/secretlint/tree/master/packages/@secretlint/secretlint-rule-${name}.` })),
    ...Object.entries(KIT_MD_RULES).map(([id, r]) => ({ id, severity: r.severity, description: r.description })),
    ...PRESET_RULES.map((name) => ({ id: `md/${name}`, severity: 'warning' as const, description: `remark-lint's \`${name}\` rule (recommended preset): see https://github.com/remarkjs/remark-lint/tree/main/packages/remark-lint-${name}.` })),
  ].map((e) => ({ ...e, family: e.id.split('/')[0]! }));
  return entries.sort((a, b) => FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) || (a.id < b.id ? -1 : 1));
}
