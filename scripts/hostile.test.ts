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

describe('the edges', () => {
  it('a huge sparse file is refused by its size without being read', async () => {
    const { main } = await import('./cli.js');
    const { captureIo, makeRepo } = await import('./test/repo.js');
    const { truncateSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = makeRepo({ ...BASE, 'firebreak.yml': 'sections:\n  incident: [Summary]\n  plan: [Preparation]\n', 'contacts/huge.md': '' });
    truncateSync(join(root, 'contacts/huge.md'), 8 * 1024 ** 3);
    const io = captureIo(root);
    expect(await main(['check', '--now', '2026-11-23', '--format', 'json'], io)).toBe(1);
    const found = (JSON.parse(io.out) as { diagnostics: { file: string; ruleId: string }[] }).diagnostics;
    expect(found.filter((d) => d.file === 'contacts/huge.md').map((d) => d.ruleId)).toEqual(['parse/too-large']);
  });

  it('a file name with a terminal escape sequence is printed escaped', async () => {
    const { main } = await import('./cli.js');
    const { captureIo, makeRepo } = await import('./test/repo.js');
    const root = makeRepo({ ...BASE, 'firebreak.yml': 'sections:\n  incident: [Summary]\n  plan: [Preparation]\n', 'contacts/\u001b[2Jx.md': '# not a document\n' });
    for (const format of ['human', 'github']) {
      const io = captureIo(root);
      await main(['check', '--now', '2026-11-23', '--format', format], io);
      expect(io.out).not.toContain('\u001b');
      expect(io.out).toContain('\\u001b[2Jx.md');
    }
  });

  it.each([
    ['parse/yaml-syntax: off', 'config/locked-rule'],
    ['secret/slack: warning', 'config/locked-rule'],
    ['md/too-complex: off', 'config/locked-rule'],
  ])('firebreak.yml cannot turn %s', async (setting, ruleId) => {
    const { parseConfig } = await import('./core/config.js');
    const { loadValidators } = await import('./io/kit.js');
    const { config, diagnostics } = parseConfig(`rules:\n  ${setting}\n`, await loadValidators());
    expect(diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual([`2 ${ruleId}`]);
    expect(config.rules).toEqual({});
  });

  it('the size caps can be tightened, never raised', async () => {
    const { parseConfig } = await import('./core/config.js');
    const { loadValidators } = await import('./io/kit.js');
    const validators = await loadValidators();
    expect(parseConfig('policy:\n  max_file_bytes: 65536\n', validators).config.policy.max_file_bytes).toBe(65536);
    const raised = parseConfig('policy:\n  max_file_bytes: 10485760\n', validators);
    expect(raised.diagnostics.map((d) => d.ruleId)).toEqual(['config/range']);
    expect(raised.config.policy.max_file_bytes).toBe(262144);
  });

  it('a contact whose name has no Latin letters gets a transliterated id, or is asked for one', async () => {
    const { main } = await import('./cli.js');
    const { captureIo, copyExample } = await import('./test/repo.js');
    const root = copyExample();
    const make = async (name: string, ...extra: string[]) => {
      const io = captureIo(root);
      const code = await main(['new', 'contact', '--name', name, '--type', 'person', '--by', 'carol-smith', '--phone', '+44 20 7946 0100', '--now', '2026-11-23', ...extra], io);
      return { code, out: io.out, err: io.err };
    };
    expect((await make('Владимир Петров')).out).toContain('Created contacts/vladimir-petrov.md');
    const nameless = await make('！？');
    expect(nameless.code).toBe(2);
    expect(nameless.err).toContain('give one with --id');
    expect((await make('！？', '--id', 'duty-phone')).out).toContain('Created contacts/duty-phone.md');
  });
});
