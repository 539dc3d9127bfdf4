import type { DataPath, Finding } from '../../diagnostic.js';
import { MILESTONES, type IncidentDoc } from '../../model/types.js';
import { becauseOf, isPlaceholder, isWritten, requiredAt, statusRank, valueAt } from '../../requirements.js';
import { report, type Rule } from '../rule.js';

/** The incident schema's order of top-level keys: where a missing key goes. */
const ORDER = [
  'id', 'kind', 'title', 'status', 'severity', 'category', 'plan', 'commander', 'participants', 'systems', 'visibility',
  'started', 'detected', 'declared', 'contained', 'recovered', 'resolved', 'reviewed', 'closed',
  'detection', 'engagements', 'gaps', 'accelerators', 'impact', 'notifications', 'root_cause', 'lessons', 'exercise',
];

/** What a missing field should say, for the message. */
const EXPECTED: Record<string, string> = {
  lessons: 'at least one lesson: what will change, who owns it',
  'root_cause.summary': 'the cause the review found',
  'detection.source': 'what detected it',
  'impact.summary': 'its effects in plain words',
  'impact.personal_data': 'whether personal data was involved (true, false or unknown)',
  'exercise.scenario': 'the scenario played',
  'exercise.format': 'how the exercise was run',
};

/** The existing node after which a missing dotted field would be written. */
export function insertionPoint(data: Record<string, unknown>, field: string): DataPath {
  const [top, child] = field.split('.') as [string, string | undefined];
  if (child !== undefined && data[top] !== null && typeof data[top] === 'object') return [top];
  const at = ORDER.indexOf(top);
  for (let i = at - 1; i >= 0; i--) if (ORDER[i]! in data) return [ORDER[i]!];
  return ['status'];
}

/** Each status needs what a team knows by then; the table is in firebreak.yml `requirements:`. */
export const rule: Rule = {
  id: 'incident/status-requirements',
  severity: 'error',
  description: 'A field the status requires (see docs/statuses.md and `requirements:` in firebreak.yml) is missing, or a milestone is set beyond the status.',
  check({ model, config }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) out.push(...checkIncident(doc, config.requirements, config.sections[doc.data.kind]));
    return out;
  },
};

function checkIncident(doc: IncidentDoc, requirements: Parameters<typeof requiredAt>[0], sections: readonly string[]): Finding[] {
  const x = doc.data;
  const out: Finding[] = [];
  for (const { name, since } of requiredAt(requirements, x.kind, x.status, sections).fields) {
    const value = valueAt(x, name);
    if (isWritten(value) || isPlaceholder(value)) continue; // placeholders are incident/placeholder's
    const milestone = (MILESTONES as readonly string[]).includes(name);
    const [parent, child] = name.split('.');
    const where = child === undefined ? `\`${name}:\`` : x[parent as keyof typeof x] === undefined ? `\`${parent}:\` with \`${child}:\`` : `\`${child}:\` under \`${parent}:\``;
    out.push(report(rule, doc.file, insertionPoint(x, name),
      `Missing \`${name}\` ${becauseOf(since, x.status)}, expected ${milestone ? `the time it was ${name}` : EXPECTED[name] ?? 'what is known'}.`,
      milestone
        ? `Add \`${name}:\` with the time (\`2026-03-14T01:10Z\`, or \`unknown\` if nobody knows), or set the status back.`
        : `Add ${where} (see docs/fields.md), or set the status back.`, { at: 'after' }));
  }
  const rank = statusRank(x.status);
  for (const m of ['contained', 'resolved', 'reviewed', 'closed'] as const) {
    if (x[m] !== undefined && statusRank(m) > rank) {
      out.push(report(rule, doc.file, [m], `Unexpected \`${m}\` while status is \`${x.status}\`, expected status \`${m}\` or later.`,
        `Update \`status\` to match, or remove \`${m}\`.`));
    }
  }
  return out;
}
