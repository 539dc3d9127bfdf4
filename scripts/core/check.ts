// Every diagnostic for a loaded repository at a given moment: loader findings plus every rule.

import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { finishLater } from './model/imported.js';
import type { Model } from './model/types.js';
import type { Now } from './model/time.js';
import type { Placer } from './place.js';
import type { Config } from './policy.js';
import { runRules } from './rules/index.js';

export interface CheckInput {
  model: Model;
  config: Config;
  placer: Placer;
  /** Diagnostics the loader already placed. */
  diagnostics: readonly Diagnostic[];
  /** Run rules about one document at a time only on these files (a check of some documents). */
  only?: ReadonlySet<string>;
  /** Keep only findings in these files (default: every file); the others are not even placed. */
  reported?: (file: string) => boolean;
}

export function collectDiagnostics(input: CheckInput, now: Now): { diagnostics: Diagnostic[]; crashed: { ruleId: string; error: unknown }[] } {
  const { findings, crashed } = runRules({ model: input.model, now, policy: input.config.policy, config: input.config }, input.only);
  const diagnostics = [...input.diagnostics];
  for (const f of findings) {
    if (input.reported && !input.reported(f.file)) continue;
    const d = input.placer.place(f);
    if (d) diagnostics.push(d);
  }
  const out = finishLater(diagnostics, input.model);
  out.sort(compareDiagnostics);
  return { diagnostics: out, crashed };
}
