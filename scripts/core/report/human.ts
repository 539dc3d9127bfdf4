// For people: grouped by file, a code frame under each finding, a summary line at the end.

import { summarize, type Diagnostic } from '../diagnostic.js';
import { colors, safeText } from './escape.js';
import type { ReportInput } from './types.js';

/** A line's visible window around `column`: at most 160 characters, so a 1 MB line stays short. */
function window(line: string, column: number): { text: string; caret: number } {
  if (line.length <= 160) return { text: line, caret: column };
  const from = Math.max(0, Math.min(column - 80, line.length - 160));
  return { text: `${from > 0 ? '…' : ''}${line.slice(from, from + 160)}${from + 160 < line.length ? '…' : ''}`, caret: column - from + (from > 0 ? 1 : 0) };
}

function frame(lines: readonly string[] | undefined, d: Diagnostic, dim: (s: string) => string, mark: (s: string) => string): string[] {
  if (lines === undefined) return [];
  if (d.line < 1 || d.line > lines.length) return [];
  const from = Math.max(1, d.line - 1);
  const to = Math.min(lines.length, d.line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const shown = window(lines[n - 1] ?? '', n === d.line ? d.column : 1);
    const content = safeText(shown.text);
    const gutter = `${n === d.line ? '>' : ' '} ${String(n).padStart(width)} |`;
    out.push(`    ${n === d.line ? gutter : dim(gutter)} ${n === d.line ? content : dim(content)}`);
    if (n === d.line) {
      const caretLen = d.endLine === d.line && d.endColumn !== undefined ? Math.max(1, Math.min(d.endColumn - d.column, 80)) : 1;
      out.push(`    ${dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(Math.max(0, Math.min(shown.caret - 1, 170)))}${mark('^'.repeat(caretLen))}`);
    }
  }
  return out;
}

export function renderHuman(input: ReportInput): string {
  const c = colors(input.color === true);
  const out: string[] = [];
  let current: string | undefined;
  const cache = new Map<string, string[] | undefined>();
  const hinted = new Set<string>();
  for (const d of input.diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) out.push('');
      out.push(c.underline(safeText(d.file)));
      current = d.file;
    }
    const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    out.push(`  ${safeText(d.file)}:${d.line}:${d.column}  ${sev}  ${safeText(d.message)}  ${c.dim(d.ruleId)}`);
    // Errors show their place in the file; warnings stay one line (and a hint) each.
    if (d.severity === 'error') {
      if (!cache.has(d.file)) cache.set(d.file, input.source?.(d.file)?.replace(/^\uFEFF/, '').split(/\r?\n/));
      out.push(...frame(cache.get(d.file), d, c.dim, c.red));
    }
    // A warning's hint is given once: the same advice under every prompt left to write is noise.
    if (d.hint && (d.severity === 'error' || !hinted.has(`${d.ruleId}\0${d.hint}`))) out.push(`    ${c.dim('hint:')} ${safeText(d.hint)}`);
    if (d.hint) hinted.add(`${d.ruleId}\0${d.hint}`);
  }
  const { errors, warnings } = summarize(input.diagnostics);
  if (out.length > 0) out.push('');
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const summary = errors > 0 ? c.red(c.bold(`✖ ${counts}`)) : warnings > 0 ? c.yellow(c.bold(`⚠ ${counts}`)) : c.green(c.bold(`✔ ${counts}`));
  const what = input.changed ? ` changed since ${safeText(input.against ?? 'the base')}` : '';
  const scope = input.scope === 'freshness' ? ' (freshness: what time alone brought)' : input.changed ? ', and what they break elsewhere' : input.scope === 'blocking' ? ' (blocking: not what time alone brought)' : '';
  out.push(`${summary} in ${input.files} file${input.files === 1 ? '' : 's'}${what}${scope} (as of ${input.now})`);
  return `${out.join('\n')}\n`;
}
