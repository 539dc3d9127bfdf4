#!/usr/bin/env node
// Turn `check --format json` into a Markdown summary (GitHub step summary, the staleness issue).
// Annotations are capped at 10 per type per step; this lists every finding.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const { errors, warnings, files } = report.summary;
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const lines = [`## Firebreak: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} files (as of ${report.now})`, ''];
if (report.diagnostics.length > 0) {
  lines.push('| | file | rule | finding |', '| --- | --- | --- | --- |');
  for (const d of report.diagnostics) lines.push(`| ${d.severity === 'error' ? '❌' : '⚠️'} | \`${cell(d.file)}:${d.line}\` | \`${d.ruleId}\` | ${cell(d.message)} |`);
} else {
  lines.push('Everything is verified and on time.');
}
process.stdout.write(`${lines.join('\n')}\n`);
