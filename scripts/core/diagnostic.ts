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
