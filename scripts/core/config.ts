// firebreak.yml: the one place a repository sets its policy thresholds and rule severities.

import type { Diagnostic, Finding } from './diagnostic.js';
import { Positions } from './parse/positions.js';
import { parseSafeYaml } from './parse/safe-yaml.js';
import { Placer } from './place.js';
import { defaultConfig, type Config, type Policy, type RuleSetting, type SectionKind } from './policy.js';
import type { Validators } from './validate/compile.js';
import type { IncidentStatus } from './model/types.js';
import type { RequirementKind, Requirements } from './requirements.js';
import { errorsToFindings } from './validate/to-findings.js';
import { regimeProblems } from './regimes/check-config.js';
import type { Regime } from './regimes/types.js';
import { mergeAliases } from './sections.js';

export const CONFIG_FILE = 'firebreak.yml';

/** Rules a repository may not turn off or down. */
const LOCKED = /^(parse|secret)\/|^md\/too-complex$/;

/** Read the configuration text (or its absence) into a config and its diagnostics. */
export function parseConfig(text: string | undefined, validators: Validators): { config: Config; diagnostics: Diagnostic[] } {
  const config = defaultConfig();
  if (text === undefined || text.trim() === '') return { config, diagnostics: [] };
  const source = { file: CONFIG_FILE, yaml: text.replace(/^\uFEFF/, ''), yamlLine: 1 };
  const parsed = parseSafeYaml(source.yaml);
  const placer = new Placer(() => source);
  if (parsed.doc) placer.prime(source, parsed.doc);
  const positions = new Positions(source.yaml, 1);
  const findings: Finding[] = parsed.problems.map((p) => ({ ruleId: p.ruleId, file: CONFIG_FILE, ...positions.at(p.offset), message: p.message, hint: p.hint }));
  const data = parsed.data;
  if (findings.length === 0 && data !== null && data !== undefined) {
    if (!validators.config(data)) {
      findings.push(...errorsToFindings(CONFIG_FILE, validators.config.errors).map((f) => ({ ...f, ruleId: f.ruleId.replace(/^schema\//, 'config/') })));
    } else {
      const value = data as { policy?: Partial<Policy>; rules?: Record<string, RuleSetting>; sections?: Partial<Record<SectionKind, string[]>>; requirements?: Partial<Record<RequirementKind, Partial<Requirements[RequirementKind]>>>; regimes?: string[]; regime_definitions?: Regime[] };
      Object.assign(config.policy, value.policy ?? {});
      for (const [id, setting] of Object.entries(value.rules ?? {})) {
        // What keeps hostile or broken files from passing unnoticed cannot be switched off or down.
        if (LOCKED.test(id) && setting !== 'error') {
          findings.push({
            ruleId: 'config/locked-rule', file: CONFIG_FILE, path: ['rules', id], at: 'value',
            message: `Unexpected \`${setting}\` for \`${id}\`, expected \`error\`: the \`parse/*\`, \`secret/*\` and \`md/too-complex\` rules cannot be turned off or down.`,
            hint: 'Remove this line; fix the files instead (a file the kit cannot read safely is never skipped silently).',
          });
          continue;
        }
        config.rules[id] = setting;
      }
      Object.assign(config.sections, value.sections ?? {});
      for (const kind of ['incident', 'exercise'] as const) {
        for (const [status, stage] of Object.entries(value.requirements?.[kind] ?? {})) {
          const known = new Set(config.sections[kind].map((n) => n.trim().toLowerCase()));
          stage!.sections?.forEach((name, i) => {
            if (!known.has(name.trim().toLowerCase())) {
              findings.push({
                ruleId: 'config/enum', file: CONFIG_FILE, path: ['requirements', kind, status, 'sections', i], at: 'value',
                message: `Unexpected section \`${name}\` in the ${kind} requirements, expected one of the ${kind} sections: ${config.sections[kind].join(', ')}.`,
                hint: `List the section under \`sections: ${kind}:\` too, or fix its name.`,
              });
            }
          });
          config.requirements[kind][status as IncidentStatus] = { fields: stage!.fields ?? [], sections: stage!.sections ?? [] };
        }
      }
    }
  }
  if (findings.length === 0 && data && typeof data === 'object') {
    const value = data as { regimes?: string[]; regime_definitions?: Regime[]; site?: Config['site']; section_aliases?: Record<string, string[]> };
    config.site = value.site ?? {};
    config.sectionAliases = mergeAliases(value.section_aliases);
    config.regimeDefinitions = value.regime_definitions ?? [];
    config.regimes = value.regimes ?? [];
    findings.push(...regimeProblems(config));
  }
  return { config, diagnostics: findings.map((f) => placer.place(f)).filter((d): d is Diagnostic => d !== undefined) };
}
