// `lessons`: every lesson across incidents as a table, JSON, or a calendar to subscribe to.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calendarEvents, renderIcs } from '../core/brief/ics.js';
import { lessonRows, type LessonFilter } from '../core/brief/lessons.js';
import { resolveNow, UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { loadRepo } from '../io/load-repo.js';

export const LESSONS_USAGE = `Usage: firebreak lessons [--status open|overdue|unverified] [--owner ID] [--format table|json|ics] [--root DIR] [--now DATE]

  table (default)  one line per lesson, soonest due first
  json             the same as data
  ics              a calendar of lesson due dates, contact re-verifications and plan reviews and exercises`;

export async function lessons(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: { status: { type: 'string' }, owner: { type: 'string' }, format: { type: 'string', default: 'table' }, root: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(`${LESSONS_USAGE}\n`);
    return 0;
  }
  if (values.status !== undefined && !['open', 'overdue', 'unverified'].includes(values.status)) throw new UsageError(`--status: unexpected \`${values.status}\`, expected open, overdue or unverified`);
  if (!['table', 'json', 'ics'].includes(values.format ?? '')) throw new UsageError(`--format: unexpected \`${values.format}\`, expected table, json or ics`);
  const now = resolveNow(values.now, io.env);
  const repo = await loadRepo(resolve(io.cwd, values.root ?? '.'), { markdown: false });
  if (values.owner && !repo.model.contacts.has(values.owner)) throw new UsageError(`--owner: no contact \`${values.owner}\``);
  const rows = lessonRows(repo.model, now, { ...(values.status ? { status: values.status as LessonFilter } : {}), ...(values.owner ? { owner: values.owner } : {}) });
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(rows.map((r) => ({ incident: r.incident.id, ...r.lesson, overdue: r.overdue })), null, 2)}\n`);
  } else if (values.format === 'ics') {
    io.stdout(renderIcs(calendarEvents(repo.model, rows, repo.config.policy, values.owner ? { contacts: [repo.model.contacts.get(values.owner)!] } : {}), now));
  } else {
    if (rows.length === 0) io.stdout('No lessons match.\n');
    for (const r of rows) {
      io.stdout(`${(r.lesson.due ?? '—').padEnd(10)}  ${r.lesson.status.padEnd(11)}${r.overdue ? ' OVERDUE' : '        '}  ${r.incident.id.padEnd(12)}  ${(r.lesson.owner ?? '(no owner)').padEnd(16)}  ${r.lesson.title}\n`);
    }
  }
  return 0;
}
