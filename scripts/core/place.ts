// Turn findings into diagnostics: a front-matter path is placed from the YAML parser's node
// ranges. The YAML is re-parsed only for files that have a finding to place.

import type { Document } from 'yaml';
import type { Diagnostic, Finding } from './diagnostic.js';
import { locate } from './parse/locate.js';
import { Positions } from './parse/positions.js';
import { parseYamlDocument } from './parse/safe-yaml.js';
import type { RuleSetting } from './policy.js';

export interface Placeable {
  file: string;
  yaml: string;
  yamlLine: number;
}

export type Position = { line: number; column: number; endLine?: number; endColumn?: number };

/**
 * Where findings were placed before, by file and by what they name (`at` and path): a position
 * depends on the file's bytes alone, so the per-document cache keeps them, and a repository
 * checked again is not parsed again to place the findings other documents cause.
 */
export interface PlaceMemo {
  get(file: string, what: string): Position | null | undefined;
  set(file: string, what: string, position: Position | null): void;
}

/** Places findings for many files, building each file's positions at most once. */
export class Placer {
  private readonly cache = new Map<string, { doc: Document.Parsed; positions: Positions }>();

  constructor(
    private readonly sources: (file: string) => Placeable | undefined,
    private readonly settings: Record<string, RuleSetting> = {},
    private readonly memo?: PlaceMemo,
  ) {}

  /** Reuse a YAML document already parsed in this thread. */
  prime(source: Placeable, doc: Document.Parsed): void {
    this.cache.set(source.file, { doc, positions: new Positions(source.yaml, source.yamlLine) });
  }

  /** The diagnostic for a finding, or undefined when its rule is turned off. */
  place(finding: Finding): Diagnostic | undefined {
    const setting = this.settings[finding.ruleId];
    if (setting === 'off') return undefined;
    const severity = setting ?? finding.severity ?? 'error';
    let line = finding.line;
    let column = finding.column;
    let endLine = finding.endLine;
    let endColumn = finding.endColumn;
    if (line === undefined) {
      const found = this.position(finding);
      line = found?.line ?? 1;
      column = found?.column ?? 1;
      endLine = found?.endLine;
      endColumn = found?.endColumn;
    }
    const out: Diagnostic = { ruleId: finding.ruleId, severity, file: finding.file, line, column: column ?? 1, message: finding.message };
    if (endLine !== undefined) out.endLine = endLine;
    if (endColumn !== undefined) out.endColumn = endColumn;
    if (finding.hint) out.hint = finding.hint;
    return out;
  }

  private position(finding: Finding): Position | undefined {
    if (!finding.path) return undefined;
    if (!this.memo) return this.find(finding);
    const what = `${finding.at ?? 'key'}\0${JSON.stringify(finding.path)}`;
    const known = this.memo.get(finding.file, what);
    if (known !== undefined) return known ?? undefined;
    const found = this.find(finding);
    this.memo.set(finding.file, what, found ?? null);
    return found;
  }

  private find(finding: Finding): Position | undefined {
    if (!finding.path) return undefined;
    const entry = this.entry(finding.file);
    if (!entry) return undefined;
    if (finding.at === 'after') {
      const node = locate(entry.doc, finding.path, 'value');
      if (!node) return undefined;
      // The line after the node's last character (block collections end at the next line's start).
      const end = entry.positions.at(node.end);
      const atEnd = entry.positions.at(node.end - 1);
      const line = end.column === 1 && end.line > atEnd.line ? end.line : end.line + 1;
      return { line, column: 1 };
    }
    const range = locate(entry.doc, finding.path, finding.at ?? 'key');
    if (!range) return undefined;
    const start = entry.positions.at(range.start);
    const end = entry.positions.at(range.end);
    return { ...start, endLine: end.line, endColumn: end.column };
  }

  private entry(file: string): { doc: Document.Parsed; positions: Positions } | undefined {
    let entry = this.cache.get(file);
    if (entry) return entry;
    const source = this.sources(file);
    if (!source || source.yaml === '') return undefined;
    entry = { doc: parseYamlDocument(source.yaml), positions: new Positions(source.yaml, source.yamlLine) };
    this.cache.set(file, entry);
    return entry;
  }
}
