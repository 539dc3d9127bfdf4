// The hostile corpus: every case is one document in and its findings out, at its place; none
// crashes, runs code, or hides the rest of the repository.

import { describe, expect, it } from 'vitest';
import { BASE, runFull } from './test/harness.js';
import { HOSTILE } from './test/hostile.js';

const categories = [...new Set(HOSTILE.map((c) => c.category))];

describe.each(categories)('%s', (category) => {
  it.each(HOSTILE.filter((c) => c.category === category).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const files = { ...BASE, [c.file]: c.content };
    const found = await runFull(files, { sections: { incident: ['Summary'], plan: ['Preparation'] } });
    expect(found.filter((d) => d.file === c.file).map((d) => `${d.line} ${d.ruleId}`)).toEqual(c.expect);
    // The rest of the repository was still checked, and only this file has parse or schema findings.
    expect(found.filter((d) => d.file !== c.file && /^(parse|schema|secret|md)\//.test(d.ruleId))).toEqual([]);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

it('the corpus covers every category the kit promises', () => {
  expect(categories).toEqual(['execution', 'templating', 'output paths', 'prototype keys', 'YAML bombs and depth', 'Markdown pathologies', 'size', 'encoding and control characters', 'secrets']);
});

describe('output', () => {
  it('thousands of findings on one long line are capped per file, and the human format does not choke', async () => {
    const { main } = await import('./cli.js');
    const { captureIo, makeRepo } = await import('./test/repo.js');
    const line = `- 2026-11-20T09:00Z [detection] ${Array.from({ length: 5000 }, (_, i) => `@nobody-${i}`).join(' ')}`;
    const root = makeRepo({ ...BASE, 'firebreak.yml': 'sections:\n  incident: [Summary]\n  plan: [Preparation]\n', 'incidents/inc-2026-009.md': incidentWith(line) });
    const io = captureIo(root);
    expect(await main(['check', '--now', '2026-11-23'], io)).toBe(1);
    const mentions = io.out.split('\n').filter((l) => l.includes('md/unknown-mention'));
    expect(mentions).toHaveLength(100);
    expect(io.out).toContain('4900 more findings in this file (4900 errors) left out, expected at most 100 per file.  parse/too-many-findings');
    expect(io.out.length).toBeLessThan(200_000);
  });
});

function incidentWith(timelineItem: string): string {
  return `---\nid: INC-2026-009\nkind: incident\ntitle: Many mentions\nstatus: open\nseverity: low\ncommander: ann-lee\nvisibility: internal\ndetected: 2026-11-20T09:00Z\n---\n\n## Summary\n\nx\n\n## Timeline\n\n${timelineItem}\n`;
}
