#!/usr/bin/env node
// Turn `check --format json` into Markdown (the GitHub step summary, the staleness issue).
// Annotations are capped at 10 per type per step; this lists the findings, those in the changed
// documents first. With --max-chars N it stops before N characters (GitHub refuses an issue
// body over 65,536) and says how many were left out, linking to --more URL for the rest.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'max-chars': { type: 'string' }, more: { type: 'string' } } });
let report;
try {
  report = JSON.parse(readFileSync(positionals[0] ?? 0, 'utf8'));
} catch {
  process.stdout.write('## Firebreak did not run to the end\n\nNo findings were written; see the log of the step before this one.\n');
  process.exit(0);
}
const max = values['max-chars'] === undefined ? Infinity : Number(values['max-chars']);
const { errors, warnings, files } = report.summary;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
const scope = report.scope === 'freshness' ? ' — freshness: what time alone brought' : report.changed ? ` — the ${plural(report.changed.length, 'document')} changed since ${report.against}, and what they break elsewhere` : '';
const head = [`## Firebreak: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}${scope} (as of ${report.now})`, ''];
const changed = new Set(report.changed ?? []);
const groups = report.changed
  ? [['In the changed documents', report.diagnostics.filter((d) => changed.has(d.file))], ['Elsewhere, caused by the change', report.diagnostics.filter((d) => !changed.has(d.file))]]
  : [['', report.diagnostics]];

const out = [...head];
let length = out.join('\n').length;
let shown = 0;
const total = report.diagnostics.length;
const room = (line) => length + line.length + 1 + 300 <= max; // keep 300 for the closing note
outer: for (const [title, list] of groups) {
  if (list.length === 0) continue;
  const start = [...(title ? [`### ${title}`, ''] : []), '| | file | rule | finding |', '| --- | --- | --- | --- |'];
  if (!room(start.join('\n'))) break;
  out.push(...start);
  length += start.join('\n').length + 1;
  for (const d of list) {
    const line = `| ${d.severity === 'error' ? '❌' : '⚠️'} | \`${cell(d.file)}:${d.line}\` | \`${d.ruleId}\` | ${cell(d.message)} |`;
    if (!room(line)) break outer;
    out.push(line);
    length += line.length + 1;
    shown++;
  }
  out.push('');
  length += 1;
}
if (total === 0) out.push(report.scope === 'freshness' ? 'Everything is verified and on time.' : 'No findings.');
if (shown < total) out.push('', `… and ${plural(total - shown, 'more finding')} not listed here${values.more ? `: see the full list in [the run](${values.more})` : ''}.`);
process.stdout.write(`${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
