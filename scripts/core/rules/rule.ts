// What every rule is: an id (its file name), a default severity, a description, and a pure
// check over the loaded model at a given moment.

import type { DataPath, Finding, Severity } from '../diagnostic.js';
import type { Model } from '../model/types.js';
import type { Now } from '../model/time.js';
import type { Policy } from '../policy.js';

export interface RuleContext {
  model: Model;
  now: Now;
  policy: Policy;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  check(ctx: RuleContext): Finding[];
}

/** A finding of `rule` in `file` at `path`, with the rule's default severity unless told. */
export function report(rule: Pick<Rule, 'id' | 'severity'>, file: string, path: DataPath, message: string, hint: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: rule.id, severity: rule.severity, file, path, at: 'key', message, hint, ...extra };
}
