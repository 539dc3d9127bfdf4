import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { inScope } from '../core/scope.js';
import { loadRepo } from '../io/load-repo.js';
import { commitAll, git, initRepo } from '../test/git.js';
import { captureIo, copyExample, replaceIn, snapshot } from '../test/repo.js';

const NOW = '2026-11-23';

async function check(root: string, ...args: string[]): Promise<{ code: number; json: { diagnostics: Diagnostic[]; summary: unknown } }> {
  const io = captureIo(root);
  const code = await main(['check', '--now', NOW, '--format', 'json', ...args], io);
  expect(io.err).toBe('');
  return { code, json: JSON.parse(io.out) };
}

/** Changes as a team makes them, one after the other on the same repository. */
const STEPS: { name: string; files: string[]; change: (root: string) => void }[] = [
  {
    name: 'edit: a heading that another document links to is renamed',
    files: ['incidents/2026/inc-2026-001.md'],
    change: (root) => replaceIn(root, 'incidents/2026/inc-2026-001.md', '## Lessons', '## Lessons learned'),
  },
  {
    name: 'add: a second copy of a contact (a duplicate id, a misnamed file)',
    files: ['contacts/dan-reyes-copy.md'],
    change: (root) => cpSync(join(root, 'contacts/dan-reyes.md'), join(root, 'contacts/dan-reyes-copy.md')),
  },
  {
    name: 'rename: a plan that incidents link to by path',
    files: ['plans/credential-compromise-v2.md'],
    change: (root) => renameSync(join(root, 'plans/credential-compromise.md'), join(root, 'plans/credential-compromise-v2.md')),
  },
  {
    name: 'delete: a contact that plans and incidents name',
    files: [],
    change: (root) => rmSync(join(root, 'contacts/julia-santos.md')),
  },
  {
    name: 'edit back: the heading is restored',
    files: ['incidents/2026/inc-2026-001.md'],
    change: (root) => replaceIn(root, 'incidents/2026/inc-2026-001.md', '## Lessons learned', '## Lessons'),
  },
];

describe('the per-document cache', () => {
  it('gives the same output as no cache, step by step through edits, additions, renames and deletions', async () => {
    const root = copyExample();
    const cache = mkdtempSync(join(tmpdir(), 'firebreak-cache-'));
    const first = await check(root, '--cache', cache);
    expect(first).toEqual(await check(root));
    let findings = first.json.diagnostics.length;
    for (const step of STEPS) {
      step.change(root);
      const uncached = await check(root);
      const cached = await check(root, '--cache', cache);
      expect(cached, step.name).toEqual(uncached);
      // …and again, now that the cache holds every document as it is.
      expect(await check(root, '--cache', cache), step.name).toEqual(uncached);
      for (const file of step.files) expect(await check(root, '--cache', cache, file), `${step.name}: ${file}`).toEqual(await check(root, file));
      expect(uncached.json.diagnostics.length, `${step.name} changes the findings`).not.toBe(findings);
      findings = uncached.json.diagnostics.length;
    }
  });

  it('reloads only what changed, and keeps only the documents that exist', async () => {
    const root = copyExample();
    const cache = mkdtempSync(join(tmpdir(), 'firebreak-cache-'));
    const cold = await loadRepo(root, { cache });
    const n = cold.model.docs.length;
    expect(cold.cache).toEqual({ hits: 0, misses: n });
    expect((await loadRepo(root, { cache })).cache).toEqual({ hits: n, misses: 0 });
    replaceIn(root, 'incidents/2026/inc-2026-001.md', '## Lessons', '## Lessons learned');
    expect((await loadRepo(root, { cache })).cache).toEqual({ hits: n - 1, misses: 1 });
    // Another configuration is another input: every document is loaded again.
    replaceIn(root, 'firebreak.yml', 'rules: {}', 'rules:\n  md/broken-link: warning');
    expect((await loadRepo(root, { cache })).cache).toEqual({ hits: 0, misses: n });
  });

  it('holds no document text and no secret', async () => {
    const root = copyExample();
    const token = ['ghp', '_', 'Z'.repeat(36)].join('');
    replaceIn(root, 'incidents/2026/inc-2026-001.md', '## Lessons', `The bot's token was ${token}.\n\n## Lessons`);
    const cache = mkdtempSync(join(tmpdir(), 'firebreak-cache-'));
    const cold = await check(root, '--cache', cache);
    expect(cold.json.diagnostics.some((d) => d.ruleId === 'secret/github')).toBe(true);
    for (const file of readdirSync(cache)) {
      const stored = readFileSync(join(cache, file)).toString('latin1');
      expect(stored, file).not.toContain(token);
      expect(stored, file).not.toContain("The bot's token was");
    }
    expect(await check(root, '--cache', cache)).toEqual(cold);
  });

  it('ignores a cache file it cannot read, and writes nothing without --cache', async () => {
    const root = copyExample();
    const cache = mkdtempSync(join(tmpdir(), 'firebreak-cache-'));
    writeFileSync(join(cache, 'documents.v8'), 'not a cache');
    writeFileSync(join(cache, 'places.v8'), 'not a cache either');
    const before = snapshot(root);
    const uncached = await check(root);
    expect(snapshot(root)).toEqual(before);
    expect(await check(root, '--cache', cache)).toEqual(uncached);
    // …and the unreadable file is replaced by one that is read.
    expect(readFileSync(join(cache, 'documents.v8')).subarray(0, 11).toString()).not.toBe('not a cache');
  });
});

describe('a check of some documents gives the full check\'s answer for them', () => {
  it('check PATHS: the findings of a full check in those files', async () => {
    const root = copyExample();
    replaceIn(root, 'incidents/2026/inc-2026-001.md', '## Lessons', '## Lessons learned');
    const full = (await check(root)).json.diagnostics;
    for (const paths of [['contacts/dan-reyes.md'], ['incidents/2026/inc-2026-001.md'], ['incidents/2026'], ['plans', 'contacts/dan-reyes.md']]) {
      const under = (f: string) => paths.some((p) => f === p || f.startsWith(`${p}/`));
      expect((await check(root, ...paths)).json.diagnostics, paths.join(' ')).toEqual(full.filter((d) => under(d.file)));
    }
  });

  it.each(STEPS.slice(0, 4))('--base on a branch ($name): what the full check blocks on', async (step) => {
    const root = initRepo(copyExample());
    commitAll(root, 'main');
    git(root, 'checkout', '-q', '-b', 'feature');
    step.change(root);
    commitAll(root, 'the change');
    const changed = new Set(git(root, 'diff', '--name-only', '--no-renames', 'main').split('\n').filter((f) => f && !f.includes('julia-santos')));
    const full = (await check(root)).json.diagnostics;
    const partial = await check(root, '--base', 'main');
    // Only a check against a base knows what the base holds: an id this branch takes that main has.
    const onBase = (d: Diagnostic) => d.ruleId === 'ref/id-taken-on-base';
    expect(partial.json.diagnostics.filter((d) => !onBase(d))).toEqual(inScope(full, 'blocking', changed));
    expect(partial.json.diagnostics.length).toBeGreaterThan(0);
  });
});
