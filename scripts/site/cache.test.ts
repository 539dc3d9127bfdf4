// `build --cache`: a site built from what the cache holds is the site built without it, byte for
// byte, before and after an edit; and check's cache and the build's share a folder without
// evicting each other.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../io/kit.js';
import { loadMemo, loadRepo } from '../io/load-repo.js';
import { copyExample, replaceIn } from '../test/repo.js';
import { buildSite, outputFiles, prepareBuild } from '../test/site.js';

const NOW = '2026-11-23';
const INCIDENT = 'incidents/2026/inc-2026-001.md';

/** Every output file's bytes, by path. */
function tree(dir: string): Map<string, string> {
  return new Map(outputFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

function build(root: string, out: string, ...args: string[]): Map<string, string> {
  const r = buildSite(root, '--now', NOW, '--no-search', '--out', join(root, out), ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return tree(join(root, out));
}

beforeAll(() => prepareBuild(), 120_000);

describe('serve: the first load through the cache, the later ones through the memo', () => {
  it('loads what a plain load loads, and an edit does not rewrite the cache', async () => {
    const root = copyExample();
    const cache = join(root, '.cache');
    const file = join(cache, 'documents.front-matter.v8');
    const plain = await loadRepo(root, { markdown: false });
    // What a load found, documents and findings (key order aside).
    const shape = (r: typeof plain) => [r.model.docs, r.diagnostics];

    const memo = loadMemo();
    const first = await loadRepo(root, { markdown: false, memo, cache });
    expect(shape(first)).toEqual(shape(plain));
    expect(first.cache).toEqual({ hits: 0, misses: plain.model.docs.length });
    const written = statSync(file).mtimeMs;

    // Another process (the quick-pages thread) starts from the cache.
    const other = await loadRepo(root, { markdown: false, memo: loadMemo(), cache });
    expect(other.cache).toEqual({ hits: plain.model.docs.length, misses: 0 });
    expect(shape(other)).toEqual(shape(plain));

    replaceIn(root, INCIDENT, /^title: .*$/m, 'title: Edited while serving');
    const again = await loadRepo(root, { markdown: false, memo, cache });
    expect(shape(again)).toEqual(shape(await loadRepo(root, { markdown: false })));
    expect(again.cache).toBeUndefined();
    expect(statSync(file).mtimeMs).toBe(written);
    // Unchanged documents are the objects of the first load.
    const kept = first.model.docs.find((d) => d.file === 'contacts/alice-nguyen.md');
    expect(again.model.docs.find((d) => d.file === 'contacts/alice-nguyen.md')).toBe(kept);
  });
});

describe('build --cache', () => {
  it('builds the same site cold, warm, and warm after an edit, for every audience', () => {
    const root = copyExample();
    const cache = join(root, '.cache');
    for (const audience of ['public', 'internal', 'restricted']) {
      const plain = build(root, `_plain-${audience}`, '--audience', audience);
      expect(plain.size).toBeGreaterThan(20);
      expect(build(root, `_cold-${audience}`, '--audience', audience, '--cache', cache)).toEqual(plain);
      expect(build(root, `_warm-${audience}`, '--audience', audience, '--cache', cache)).toEqual(plain);
    }
    expect(existsSync(join(cache, 'documents.front-matter.v8'))).toBe(true);

    replaceIn(root, INCIDENT, /^title: .*$/m, 'title: Renamed while the cache held the old one');
    const plain = build(root, '_plain-edited');
    const warm = build(root, '_warm-edited', '--cache', cache);
    expect(warm).toEqual(plain);
    expect(Buffer.from(warm.get('incidents/inc-2026-001/index.html')!, 'base64').toString('utf8')).toContain('Renamed while the cache held the old one');
  }, 240_000);

  it('shares a folder with check: each keeps its own file, and neither evicts the other', () => {
    const root = copyExample();
    const cache = join(root, '.cache');
    const check = () => spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), 'check', '--root', root, '--now', NOW, '--format', 'json', '--cache', cache], { encoding: 'utf8' });
    const first = check();
    build(root, '_site', '--cache', cache);
    const checked = statSync(join(cache, 'documents.v8'));
    const built = statSync(join(cache, 'documents.front-matter.v8'));
    expect(check().stdout).toBe(first.stdout);
    build(root, '_site', '--cache', cache);
    // Both warm: neither run had to write its file again.
    expect(statSync(join(cache, 'documents.v8')).mtimeMs).toBe(checked.mtimeMs);
    expect(statSync(join(cache, 'documents.front-matter.v8')).mtimeMs).toBe(built.mtimeMs);
  }, 240_000);

  it('a cache folder that cannot be written is a warning: check and build answer as without it', () => {
    const root = copyExample();
    const notAFolder = join(root, 'firebreak.yml');
    const run = (...args: string[]) => spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), ...args], { encoding: 'utf8' });
    const plain = run('check', '--root', root, '--now', NOW, '--format', 'json');
    const cached = run('check', '--root', root, '--now', NOW, '--format', 'json', '--cache', notAFolder);
    expect(cached.status).toBe(plain.status);
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.stderr).toBe(`firebreak: warning: the cache could not be written to ${notAFolder} (EEXIST); the run is unaffected, only not kept\n`);
    const built = run('build', '--root', root, '--now', NOW, '--no-search', '--cache', notAFolder);
    expect(built.status).toBe(0);
    expect(built.stderr).toBe(`firebreak: warning: the cache could not be written to ${notAFolder} (EEXIST); the run is unaffected, only not kept\n`);
    expect(readFileSync(notAFolder, 'utf8')).toBe(readFileSync(join(KIT_ROOT, 'firebreak.yml'), 'utf8'));
  }, 120_000);

  it('is FIREBREAK_CACHE when not given', () => {
    const root = copyExample();
    const r = spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), 'build', '--root', root, '--now', NOW, '--no-search'], { encoding: 'utf8', env: { ...process.env, FIREBREAK_CACHE: join(root, 'from-env') } });
    expect(r.status).toBe(0);
    expect(existsSync(join(root, 'from-env', 'documents.front-matter.v8'))).toBe(true);
  }, 120_000);
});
