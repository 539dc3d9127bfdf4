// The registry: every rule that runs over the loaded model, and the rules the loader itself reports.

import type { Model } from '../model/types.js';
import type { Finding, Severity } from '../diagnostic.js';
import type { Rule, RuleContext } from './rule.js';
import { ID_TAKEN_ON_BASE } from './ref/id-taken-on-base.js';
import { rule as r0 } from './contact/commander-without-backup.js';
import { rule as r1 } from './contact/contract-expired.js';
import { rule as r2 } from './contact/due-soon.js';
import { rule as r3 } from './contact/no-reachable-channel.js';
import { rule as r4 } from './contact/stale.js';
import { rule as r5 } from './contact/verified-in-future.js';
import { rule as r6 } from './incident/bug-not-searched.js';
import { rule as r7 } from './incident/closed-with-open-lessons.js';
import { rule as r8 } from './incident/engagement-out-of-order.js';
import { rule as r9 } from './incident/import-unfinished.js';
import { rule as r10 } from './incident/lesson-exercise.js';
import { rule as r11 } from './incident/lesson-incomplete.js';
import { rule as r12 } from './incident/lesson-overdue.js';
import { rule as r13 } from './incident/lesson-target-unchanged.js';
import { rule as r14 } from './incident/lesson-unverified.js';
import { rule as r15 } from './incident/milestone-in-future.js';
import { rule as r16 } from './incident/milestones-out-of-order.js';
import { rule as r17 } from './incident/milestones-unusual-order.js';
import { rule as r18 } from './incident/notification-overdue.js';
import { rule as r19 } from './incident/placeholder.js';
import { rule as r20 } from './incident/possible-recurrence.js';
import { rule as r21 } from './incident/recurrence-lessons.js';
import { rule as r22 } from './incident/review-late.js';
import { rule as r23 } from './incident/status-requirements.js';
import { rule as r24 } from './incident/time-unreadable.js';
import { rule as r25 } from './md/broken-link.js';
import { rule as r26 } from './md/empty-section.js';
import { rule as r27 } from './md/required-sections.js';
import { rule as r28 } from './md/timeline-milestones.js';
import { rule as r29 } from './md/timeline-order.js';
import { rule as r30 } from './md/timeline-outside-incident.js';
import { rule as r31 } from './md/unknown-mention.js';
import { rule as r32 } from './notify/due.js';
import { rule as r33 } from './notify/late.js';
import { rule as r34 } from './notify/may-apply.js';
import { rule as r35 } from './notify/missed.js';
import { rule as r36 } from './notify/no-clock.js';
import { rule as r37 } from './notify/no-regime.js';
import { rule as r38 } from './notify/unknown-duty.js';
import { rule as r39 } from './notify/unknown.js';
import { rule as r40 } from './notify/which-duty.js';
import { rule as r41 } from './plan/exercise-due-soon.js';
import { rule as r42 } from './plan/exercise-overdue.js';
import { rule as r43 } from './plan/no-commander.js';
import { rule as r44 } from './plan/review-due-soon.js';
import { rule as r45 } from './plan/review-overdue.js';
import { rule as r46 } from './plan/role-without-active-contact.js';
import { rule as r47 } from './ref/departed-contact.js';
import { rule as r48 } from './ref/less-visible-mention.js';
import { rule as r49 } from './ref/not-a-team.js';
import { rule as r50 } from './ref/unknown-contact.js';
import { rule as r51 } from './ref/unknown-incident.js';
import { rule as r52 } from './ref/unknown-lesson.js';
import { rule as r53 } from './ref/unknown-plan.js';
import { rule as r54 } from './ref/unknown-regime.js';
import { rule as r55 } from './ref/unknown-target.js';

/** Rules over the model, in the order they run. */
export const RULES: readonly Rule[] = [r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19, r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30, r31, r32, r33, r34, r35, r36, r37, r38, r39, r40, r41, r42, r43, r44, r45, r46, r47, r48, r49, r50, r51, r52, r53, r54, r55];

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Rules reported while loading (parsing, schemas, ids), documented beside the others. */
export const LOAD_RULES: readonly RuleInfo[] = [
  { id: 'parse/empty-file', severity: 'error', description: 'The file is empty.' },
  { id: 'parse/not-utf8', severity: 'error', description: 'The file is not valid UTF-8.' },
  { id: 'parse/too-large', severity: 'error', description: 'The file or its front matter exceeds `max_file_bytes` / `max_front_matter_bytes`, or a mapping has more than 200 keys, a list more than 1,000 items, the front matter more than 10,000 values.' },
  { id: 'parse/line-endings', severity: 'error', description: 'The file uses CR-only line endings.' },
  { id: 'parse/no-front-matter', severity: 'error', description: 'The file does not start with a `---` line.' },
  { id: 'parse/front-matter-fence', severity: 'error', description: 'The opening fence is not a bare `---` (for example `---js`), a blank line precedes it, it is closed by `...`, or a `----`-like line makes the split ambiguous.' },
  { id: 'parse/unterminated-front-matter', severity: 'error', description: 'No closing `---` line.' },
  { id: 'parse/yaml-syntax', severity: 'error', description: 'The front matter is not valid YAML.' },
  { id: 'parse/yaml-warning', severity: 'error', description: 'The YAML parser warned about the front matter.' },
  { id: 'parse/duplicate-key', severity: 'error', description: 'A key appears twice in one mapping.' },
  { id: 'parse/alias', severity: 'error', description: 'An anchor (`&a`) or alias (`*a`) is used.' },
  { id: 'parse/custom-tag', severity: 'error', description: 'A tag other than the YAML core ones (`!foo`, `!!js/function`).' },
  { id: 'parse/complex-key', severity: 'error', description: 'A mapping key that is not a plain scalar.' },
  { id: 'parse/forbidden-key', severity: 'error', description: 'A `__proto__`, `constructor` or `prototype` key, at any depth.' },
  { id: 'parse/front-matter-not-mapping', severity: 'error', description: 'The front matter is empty, a list or a scalar.' },
  { id: 'parse/symlink', severity: 'error', description: 'A symbolic link in a content folder (never followed).' },
  { id: 'schema/kind', severity: 'error', description: '`kind` is missing or not one of contact, plan, incident, exercise.' },
  { id: 'schema/required', severity: 'error', description: 'A required field is missing.' },
  { id: 'schema/unknown-field', severity: 'error', description: 'A field the schema does not define (typos included).' },
  { id: 'schema/type', severity: 'error', description: 'A value of the wrong type.' },
  { id: 'schema/enum', severity: 'error', description: 'A value outside the allowed list.' },
  { id: 'schema/format', severity: 'error', description: 'A date, instant or link that is malformed (instants need a time zone).' },
  { id: 'schema/pattern', severity: 'error', description: 'An id or other value that does not have the required form.' },
  { id: 'schema/range', severity: 'error', description: 'A number, text or list out of its allowed range.' },
  { id: 'schema/unique', severity: 'error', description: 'A list repeats an item.' },
  { id: 'ref/duplicate-id', severity: 'error', description: 'Two documents share an id (after Unicode normalisation and case folding).' },
  { id: 'ref/file-name', severity: 'error', description: 'The file name does not match the id.' },
  { id: 'ref/wrong-folder', severity: 'error', description: 'A document is in the folder of another kind.' },
  { id: 'config/required', severity: 'error', description: 'firebreak.yml is invalid (any `config/*` id mirrors the `schema/*` one).' },
  ID_TAKEN_ON_BASE,
  { id: 'parse/control-character', severity: 'error', description: 'A control character (NUL, an escape sequence, U+2028/U+2029…) in the file or, through an escape, in a value.' },
  { id: 'parse/bidi-control', severity: 'error', description: 'A bidirectional control character (U+202A–U+202E, U+2066–U+2069): an error in the front matter, a warning in the body.' },
  { id: 'parse/too-deep', severity: 'error', description: 'The front matter nests more than 32 levels deep (checked before parsing).' },
  { id: 'config/locked-rule', severity: 'error', description: 'firebreak.yml turns off or down a rule that keeps broken or hostile files from passing (`parse/*`, `secret/*`, `md/too-complex`).' },
  { id: 'config/regime', severity: 'error', description: 'firebreak.yml names a regime that is neither built in nor defined, or defines one with a zone, holiday calendar or stage that does not exist.' },
  { id: 'parse/too-many-findings', severity: 'error', description: 'More than 100 findings in one file: the rest are counted, not listed.' },
];

/**
 * Run every rule; a rule's own bug must not hide the others' findings. With `only`, rules about
 * one document at a time look only at those files (a check of some documents reports nothing
 * else from them); rules across documents always read the whole model.
 */
export function runRules(ctx: RuleContext, only?: ReadonlySet<string>): { findings: Finding[]; crashed: { ruleId: string; error: unknown }[] } {
  const findings: Finding[] = [];
  const crashed: { ruleId: string; error: unknown }[] = [];
  const narrow = only ? { ...ctx, model: restrict(ctx.model, only) } : ctx;
  for (const rule of RULES) {
    try {
      findings.push(...rule.check(rule.crossDocument ? ctx : narrow));
    } catch (error) {
      crashed.push({ ruleId: rule.id, error });
    }
  }
  return { findings, crashed };
}

/** The model with only `files` among its documents; every id still resolves. */
function restrict(model: Model, files: ReadonlySet<string>): Model {
  const keep = <T extends { file: string }>(m: Map<string, T>) => new Map([...m].filter(([, d]) => files.has(d.file)));
  return { ...model, docs: model.docs.filter((d) => files.has(d.file)), contacts: keep(model.contacts), plans: keep(model.plans), incidents: keep(model.incidents) };
}
