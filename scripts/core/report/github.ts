// GitHub Actions workflow commands, escaped exactly as @actions/core does, so findings become
// annotations on the changed lines.

import { summarize } from '../diagnostic.js';
import type { ReportInput } from './types.js';

/** Escape a command's message (toolkit's escapeData). */
export function escapeData(s: string): string {
  // Other control characters (an escape sequence in a file name) are shown, never sent raw to the log.
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escape a command property (toolkit's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(input: ReportInput): string {
  // GitHub shows only the first annotations of a step: the changed documents' come first.
  const changed = new Set(input.changed ?? []);
  const ordered = changed.size === 0 ? input.diagnostics : [...input.diagnostics.filter((d) => changed.has(d.file)), ...input.diagnostics.filter((d) => !changed.has(d.file))];
  const lines = ordered.map((d) => {
    const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== undefined && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${escapeProperty(d.ruleId)}`);
    const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(message)}`;
  });
  const { errors, warnings } = summarize(input.diagnostics);
  lines.push(`firebreak: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${input.files} files (as of ${input.now})`);
  return `${lines.join('\n')}\n`;
}
