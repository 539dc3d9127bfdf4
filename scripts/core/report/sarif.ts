// SARIF 2.1.0, for code scanning: the same diagnostics, with every rule's metadata (short and
// full description, help as text and Markdown, a link into docs/rules.md), fingerprints that
// survive lines moving, and locations relative to the repository's root.

import { createHash } from 'node:crypto';
import { ruleAnchor, ruleCatalog } from '../rules/catalog.js';
import { fixFor } from '../rules/fixes.js';
import { ruleFlags } from '../docs/rules-doc.js';
import type { ReportInput } from './types.js';

/** A fingerprint of a finding from its rule, file and the text of its line, not the line number. */
function fingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  return `${createHash('sha256').update(`${ruleId}\0${file}\0${lineText.trim()}`).digest('hex').slice(0, 32)}:${occurrence}`;
}

export function renderSarif(input: ReportInput): string {
  const catalog = ruleCatalog();
  const known = new Set(catalog.map((r) => r.id));
  for (const d of input.diagnostics) {
    if (!known.has(d.ruleId)) {
      catalog.push({ id: d.ruleId, family: d.ruleId.split('/')[0]!, severity: d.severity, description: d.ruleId });
      known.add(d.ruleId);
    }
  }
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const helpBase = input.rulesUrl ?? 'docs/rules.md';
  const lines = new Map<string, string[]>();
  const lineOf = (file: string, n: number) => {
    if (!lines.has(file)) lines.set(file, (input.source?.(file) ?? '').split(/\r?\n/));
    return lines.get(file)![n - 1] ?? '';
  };
  const seen = new Map<string, number>();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Firebreak',
          version: input.version ?? '0.0.0',
          semanticVersion: input.version ?? '0.0.0',
          informationUri: helpBase.replace(/#.*$/, ''),
          rules: catalog.map((r) => {
            const fix = fixFor(r.id);
            return {
              id: r.id,
              name: r.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} (${ruleFlags(r)}.)` },
              help: { text: `${r.description}\nHow to fix it: ${fix}`, markdown: `${r.description}\n\n**How to fix it:** ${fix}\n\n*${ruleFlags(r)}.*` },
              helpUri: `${helpBase}#${ruleAnchor(r.id)}`,
              defaultConfiguration: { level: r.severity },
              properties: { tags: [r.family, ...(r.freshness ? ['freshness'] : [])] },
            };
          }),
        },
      },
      originalUriBaseIds: {
        SRCROOT: { uri: input.rootUri ?? './', description: { text: 'The root of the repository checked.' } },
      },
      invocations: [{ executionSuccessful: true, properties: { now: input.now, files: input.files, scope: input.scope ?? 'all' } }],
      results: input.diagnostics.map((d) => {
        const key = `${d.ruleId}\0${d.file}\0${lineOf(d.file, d.line).trim()}`;
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        return {
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId)!,
          level: d.severity,
          message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
              region: { startLine: d.line, startColumn: d.column, ...(d.endLine ? { endLine: d.endLine } : {}), ...(d.endColumn && d.endLine === d.line ? { endColumn: d.endColumn } : {}) },
            },
          }],
          partialFingerprints: { 'firebreakFinding/v1': fingerprint(d.ruleId, d.file, lineOf(d.file, d.line), occurrence) },
        };
      }),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
