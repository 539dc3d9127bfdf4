// Which findings a check reports. A pull request (or a commit) is blocked by what it changed
// and by what it broke elsewhere; findings that only the passing of time brought (a contact
// gone stale since the last merge) belong to the separate freshness check.

import type { Diagnostic } from './diagnostic.js';
import { RULES } from './rules/index.js';

export type Scope = 'all' | 'blocking' | 'freshness';
export const SCOPES: readonly Scope[] = ['all', 'blocking', 'freshness'];

const FRESHNESS = new Set(RULES.filter((r) => r.freshness).map((r) => r.id));
const CROSS = new Set([...RULES.filter((r) => r.crossDocument).map((r) => r.id), 'ref/duplicate-id', 'ref/id-taken-on-base']);

/** Findings that appear with time alone. */
export function isFreshness(ruleId: string): boolean {
  return FRESHNESS.has(ruleId);
}

/** Findings that a change to another document can cause. */
export function isCrossDocument(ruleId: string): boolean {
  return CROSS.has(ruleId);
}

/**
 * The findings a check in `scope` reports. `changed` is the set of documents a pull request or
 * commit changes (undefined: no change set, every document counts as changed).
 */
export function inScope(diagnostics: readonly Diagnostic[], scope: Scope, changed?: ReadonlySet<string>): Diagnostic[] {
  if (scope === 'all') return [...diagnostics];
  if (scope === 'freshness') return diagnostics.filter((d) => isFreshness(d.ruleId));
  return diagnostics.filter((d) => {
    if (changed === undefined) return !isFreshness(d.ruleId);
    if (changed.has(d.file)) return true;
    return isCrossDocument(d.ruleId) && !isFreshness(d.ruleId);
  });
}

/** Files outside the content folders whose change makes every document "changed" (the kit, the policy). */
export function changesEverything(path: string): boolean {
  return path === 'firebreak.yml' || /^(schemas|scripts|site)\//.test(path) || path === 'package.json' || path === 'package-lock.json';
}
