// What every rule is: an id (its file name), a default severity, a description, and a pure
// check over the loaded model at a given moment.

import type { DataPath, Finding, Severity } from '../diagnostic.js';
import type { Model } from '../model/types.js';
import type { Now } from '../model/time.js';
import type { Config, Policy } from '../policy.js';

export interface RuleContext {
  model: Model;
  now: Now;
  policy: Policy;
  /** The repository's configuration (policy, sections, requirements). */
  config: Config;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  /**
   * Findings that appear with the passing of time alone (a contact goes stale, a deadline
   * passes). In a pull request they do not block, as nothing in it caused them: they fail the
   * separate freshness check.
   */
  freshness?: boolean;
  /**
   * The rule reads other documents than the one it reports on: a change elsewhere can cause
   * its findings (a deleted contact breaks the plans that name it).
   */
  crossDocument?: boolean;
  check(ctx: RuleContext): Finding[];
}

/** A finding of `rule` in `file` at `path`, with the rule's default severity unless told. */
export function report(rule: Pick<Rule, 'id' | 'severity'>, file: string, path: DataPath, message: string, hint: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: rule.id, severity: rule.severity, file, path, at: 'key', message, hint, ...extra };
}
