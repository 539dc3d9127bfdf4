// Machine-readable output: exactly one JSON object, stable field order.

import { summarize } from '../diagnostic.js';
import type { ReportInput } from './types.js';

export function renderJson(input: ReportInput): string {
  const { errors, warnings } = summarize(input.diagnostics);
  return `${JSON.stringify({
    version: 1,
    now: input.now,
    scope: input.scope ?? 'all',
    ...(input.changed ? { changed: input.changed, against: input.against } : {}),
    summary: { files: input.files, errors, warnings },
    diagnostics: input.diagnostics.map((d) => ({
      ruleId: d.ruleId, severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message, hint: d.hint ?? '',
    })),
  })}\n`;
}
