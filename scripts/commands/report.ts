// `report`: the report for senior staff about one incident, as Markdown or HTML.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIncidentReport, reportMarkdown } from '../core/brief/incident-report.js';
import { resolveNow, UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { loadRepo } from '../io/load-repo.js';
import { createNew } from '../io/write.js';
import { reportDocument } from '../site/pages/report.js';

export const REPORT_USAGE = `Usage: firebreak report <incident-id> [--format md|html] [--out FILE] [--root DIR] [--now DATE]

The report for senior staff: what happened and why, effects, how it was handled (durations,
time to engage), where the process worked and failed, notifications, lessons, what remains open.
Prints to standard output, or writes a new FILE (never overwriting one).`;

export async function report(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { format: { type: 'string', default: 'md' }, out: { type: 'string' }, root: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(`${REPORT_USAGE}\n`);
    return 0;
  }
  const id = positionals[0];
  if (!id) throw new UsageError('name the incident, e.g. `firebreak report INC-2026-001`');
  if (values.format !== 'md' && values.format !== 'html') throw new UsageError(`--format: unexpected \`${values.format}\`, expected md or html`);
  const now = resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  // The body's outline says which sections are still to be written.
  const repo = await loadRepo(root, { markdown: true });
  const doc = [...repo.model.incidents.values()].find((d) => d.id.toLowerCase() === id.toLowerCase());
  if (!doc) throw new UsageError(`no valid incident or exercise \`${id}\` (run check to see why)`);
  const r = buildIncidentReport(repo.model, doc, now, repo.config);
  const text = values.format === 'html' ? reportDocument(r) : reportMarkdown(r);
  if (values.out) {
    const path = resolve(io.cwd, values.out);
    if (!createNew(path, text)) {
      io.stderr(`firebreak report: ${values.out} already exists; nothing was written.\n`);
      return 1;
    }
    io.stdout(`Wrote the report for ${doc.id} to ${values.out}.\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

