// A problem found in content is data, not an exception: every check returns these.

export type Severity = 'error' | 'warning';

/** A path into a document's front matter, as the YAML parser sees it. */
export type DataPath = ReadonlyArray<string | number>;

/** A placed finding: the shape ESLint, vfile-message and SARIF share. Positions are 1-based. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
}

/**
 * What a rule returns: a finding tied to a front-matter path (placed later from the YAML
 * parser's positions) or already placed (parse errors, Markdown nodes).
 */
export interface Finding {
  ruleId: string;
  severity?: Severity;
  file: string;
  /** Front-matter path of the offending key or value. */
  path?: DataPath;
  /**
   * Point at the key (default) or at its value; `after` points at the line after the node,
   * where something missing that follows it goes.
   */
  at?: 'key' | 'value' | 'after';
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
}

/** Stable order: by file, then position, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Counts used by every renderer's summary line. */
export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Findings shown per file at most: a hostile file cannot flood the output or a CI log. */
export const MAX_PER_FILE = 100;

/**
 * Keep the first `max` findings of each file (errors first), and say how many were left out in
 * one more finding, an error when any error was left out.
 */
export function capPerFile(diagnostics: readonly Diagnostic[], max = MAX_PER_FILE): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: Diagnostic[] = [];
  for (const [file, list] of byFile) {
    if (list.length <= max) {
      out.push(...list);
      continue;
    }
    const kept = [...list.filter((d) => d.severity === 'error'), ...list.filter((d) => d.severity !== 'error')].slice(0, max);
    const left = list.filter((d) => !kept.includes(d));
    out.push(...kept.sort(compareDiagnostics));
    const errors = left.filter((d) => d.severity === 'error').length;
    out.push({
      ruleId: 'parse/too-many-findings', severity: errors > 0 ? 'error' : 'warning', file, line: left[0]!.line, column: 1,
      message: `${left.length} more finding${left.length === 1 ? '' : 's'} in this file (${errors} error${errors === 1 ? '' : 's'}) left out, expected at most ${max} per file.`,
      hint: 'Fix the findings above first; the file is probably not a Firebreak document, or was damaged.',
    });
  }
  return out.sort(compareDiagnostics);
}
