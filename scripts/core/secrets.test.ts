import { performance } from 'node:perf_hooks';
import { secretLintProfiler } from '@secretlint/profiler';
import { describe, expect, it } from 'vitest';
import { scanSecrets } from './secrets.js';

describe('secret scanning over many documents', () => {
  it('records no profile: the work per document does not grow with the documents scanned before it', async () => {
    const before = performance.getEntriesByType('mark').length;
    for (let i = 0; i < 50; i++) {
      const scan = await scanSecrets(`incidents/INC-2030-${String(i).padStart(3, '0')}.md`, `# Notes ${i}\n\nNothing secret here.\n`);
      expect(scan.findings).toEqual([]);
    }
    expect(performance.getEntriesByType('mark').length).toBe(before);
    expect(await secretLintProfiler.getEntries()).toEqual([]);
  });

  it('still finds a secret after many clean documents', async () => {
    const token = ['ghp', '_', 'a'.repeat(36)].join('');
    const scan = await scanSecrets('incidents/INC-2030-999.md', `# Notes\n\nToken ${token}\n`);
    expect(scan.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['secret/github', 3, 7]]);
    expect(scan.values).toEqual([token]);
  });
});
