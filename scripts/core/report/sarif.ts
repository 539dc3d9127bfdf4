// SARIF 2.1.0, for code scanning: the same diagnostics, with the rules' metadata and
// repository-relative locations.

import { ruleCatalog } from '../rules/catalog.js';
import type { ReportInput } from './types.js';

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
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Firebreak',
          informationUri: 'https://firebreak.invalid/docs/rules',
          rules: catalog.map((r) => ({
            id: r.id,
            name: r.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
            shortDescription: { text: r.description },
            defaultConfiguration: { level: r.severity },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: 'file:///' } },
      invocations: [{ executionSuccessful: true, properties: { now: input.now, files: input.files } }],
      results: input.diagnostics.map((d) => ({
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
      })),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
