// What the schema cannot say about firebreak.yml's regimes: ids that name no regime, zones and
// holiday calendars that do not exist, clocks that start at a stage the regime does not have.

import type { Finding } from '../diagnostic.js';
import type { Config } from '../policy.js';
import { knownCalendar } from '../time/holidays.js';
import { ianaName } from '../time/zones.js';
import { BUILTIN_REGIMES } from './builtin.js';

const FILE = 'firebreak.yml';

/** Every regime id a repository can name: the built-in ones and its own. */
export function regimeIds(config: Pick<Config, 'regimeDefinitions'>): string[] {
  return [...BUILTIN_REGIMES.map((r) => r.id), ...config.regimeDefinitions.map((r) => r.id)];
}

export function regimeProblems(config: Config): Finding[] {
  const out: Finding[] = [];
  const problem = (path: (string | number)[], message: string, hint: string) => out.push({ ruleId: 'config/regime', file: FILE, path, at: 'value', message, hint });
  const builtin = new Set(BUILTIN_REGIMES.map((r) => r.id));
  config.regimeDefinitions.forEach((r, i) => {
    if (builtin.has(r.id)) problem(['regime_definitions', i, 'id'], `Unexpected regime id \`${r.id}\`, which is a built-in regime.`, 'Give your own regime another id; the built-in one is used by its id.');
    if (!ianaName(r.zone)) problem(['regime_definitions', i, 'zone'], `Unexpected zone \`${r.zone}\`, expected an IANA name such as \`Europe/London\`.`, 'The zone is where the regime\'s days are counted.');
    const stages = new Set(r.stages.map((s) => s.id));
    r.stages.forEach((s, j) => s.clocks.forEach((c, k) => {
      if (c.starts.startsWith('stage:') && !stages.has(c.starts.slice(6))) {
        problem(['regime_definitions', i, 'stages', j, 'clocks', k, 'starts'], `Unexpected \`${c.starts}\`: regime \`${r.id}\` has no stage \`${c.starts.slice(6)}\`.`, `Name one of its stages: ${[...stages].join(', ')}.`);
      }
      if ('business_days' in c.period && !knownCalendar(c.period.calendar)) {
        problem(['regime_definitions', i, 'stages', j, 'clocks', k, 'period', 'calendar'], `Unexpected holiday calendar \`${c.period.calendar}\`, which date-holidays does not know.`, 'Use a country code, or country and region: `US`, `GB-ENG`, `DE-BY`.');
      }
    }));
  });
  const known = new Set(regimeIds(config));
  config.regimes.forEach((id, i) => {
    if (!known.has(id)) problem(['regimes', i], `Unexpected regime \`${id}\`, expected one of ${[...known].join(', ')}.`, 'Define it under `regime_definitions:`, or fix the id (docs/regimes.md lists the built-in ones).');
  });
  return out;
}
