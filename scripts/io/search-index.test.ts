import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample } from '../test/repo.js';
import { buildSite, prepareBuild, searchRecords } from '../test/site.js';
import { PARTS_FILE, searchablePages, searchParts, writeSearchIndex, type SearchPage } from './search-index.js';

const page = (path: string, bytes: number): SearchPage => ({ path, bytes });

describe('searchParts: pages dealt into parts of bounded size', () => {
  const cases: [string, SearchPage[], number, string[][]][] = [
    ['nothing to search', [], 100, []],
    ['everything fits: one part', [page('a', 40), page('b', 50)], 100, [['a', 'b']]],
    ['exactly the bound: one part', [page('a', 50), page('b', 50)], 100, [['a', 'b']]],
    ['twice the bound and a byte: three parts, dealt in turn', [page('a', 60), page('b', 60), page('c', 60), page('d', 21)], 100, [['a', 'd'], ['b'], ['c']]],
    ['a page larger than the bound is a part of its own', [page('big', 500), page('b', 1)], 100, [['big'], ['b']]],
    ['dealt, so each part holds the same mix', [page('c1', 10), page('c2', 10), page('i1', 10), page('i2', 10), page('p1', 10), page('p2', 10)], 30, [['c1', 'i1', 'p1'], ['c2', 'i2', 'p2']]],
  ];
  it.each(cases)('%s', (_name, pages, max, parts) => {
    expect(searchParts(pages, max)).toEqual(parts);
  });
});

/** The URL of every record in one Pagefind bundle. */
const recordUrls = (bundle: string): string[] => searchRecords(bundle).map((r) => r.url);

describe('writeSearchIndex', () => {
  let dir: string;
  let pages: string[];
  beforeAll(() => {
    prepareBuild();
    const r = buildSite(copyExample(), '--now', '2026-11-23', '--no-search');
    expect(r.code, r.err).toBe(0);
    dir = r.dir;
    pages = searchablePages(dir).map((p) => `/${p.path.replace(/index\.html$/, '')}`).sort();
  }, 120_000);

  it('lists the documents\' pages only: incidents, contacts and plans', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.every((p) => /^\/(incidents|contacts|plans)\/[a-z0-9-]+\/$/.test(p))).toBe(true);
  });

  it('writes one bundle and an empty list of parts when the pages fit in one', async () => {
    rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
    expect(await writeSearchIndex(dir)).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', PARTS_FILE), 'utf8'))).toEqual([]);
    expect(recordUrls(join(dir, 'pagefind')).sort()).toEqual(pages);
  });

  it('in parts, indexes every page exactly once, and lists the parts for the search page', async () => {
    rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
    const n = await writeSearchIndex(dir, 64 << 10);
    expect(n).toBeGreaterThan(3);
    const listed = JSON.parse(readFileSync(join(dir, 'pagefind', PARTS_FILE), 'utf8')) as string[];
    expect(listed).toEqual(Array.from({ length: n - 1 }, (_, i) => `part-${i + 2}/`));
    const bundles = [join(dir, 'pagefind'), ...listed.map((p) => join(dir, 'pagefind', p))];
    for (const b of bundles) expect(existsSync(join(b, 'pagefind-entry.json'))).toBe(true);
    // Scripts and styles once, in the first bundle: the search page runs those.
    expect(existsSync(join(bundles[0]!, 'pagefind.js'))).toBe(true);
    for (const b of bundles.slice(1)) expect(readdirSync(b).filter((f) => /\.(js|css)$/.test(f)), b).toEqual([]);
    const urls = bundles.flatMap(recordUrls);
    expect(urls.sort()).toEqual(pages);
  });

  it('is not steered by PAGEFIND_ variables of the environment', async () => {
    rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
    const saved = { ...process.env };
    Object.assign(process.env, { PAGEFIND_OUTPUT_SUBDIR: 'elsewhere', PAGEFIND_GLOB: 'contacts/*/index.html', PAGEFIND_EXCLUDE_SELECTORS: 'h1' });
    try {
      await writeSearchIndex(dir);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    }
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    expect(recordUrls(join(dir, 'pagefind')).sort()).toEqual(pages);
  });

  it('writes nothing when there is nothing to search (a public site before any public post-mortem)', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'firebreak-site-'));
    mkdirSync(join(bare, 'incidents'));
    writeFileSync(join(bare, 'index.html'), '<!DOCTYPE html><title>Dashboard</title>');
    writeFileSync(join(bare, 'incidents', 'index.html'), '<!DOCTYPE html><title>Incidents</title>');
    expect(await writeSearchIndex(bare)).toBe(0);
    expect(readdirSync(bare).sort()).toEqual(['incidents', 'index.html']);
  });
});
