// The cache file's upkeep: a run that changes a few entries writes them beside the whole file; one
// that would leave too much beside writes the whole file again; a run that changes nothing writes
// nothing. Which entries a run finds is all that matters to what it answers.

import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../core/load-cache-entry.js';
import { openCache } from './doc-cache.js';

const entry = (n: number): CacheEntry => ({ record: { file: `incidents/${n}.md` } as CacheEntry['record'], rest: new Uint8Array([n]) });

/** One run: gets `keys`, puts those it lacks; what it found, and which files it wrote. */
function run(dir: string, keys: number[]): { found: number[]; wrote: string[] } {
  const files = ['documents.v8', 'documents.added.v8'].map((f) => join(dir, f));
  // Files are written beside and renamed over: a written file is a new inode.
  const stamp = (f: string) => (existsSync(f) ? `${statSync(f, { bigint: true }).ino}:${statSync(f, { bigint: true }).mtimeNs}` : undefined);
  const before = files.map(stamp);
  const cache = openCache(dir);
  const found: number[] = [];
  for (const k of keys) {
    const e = cache.get(cache.key(`d${k}`, true));
    if (e) {
      expect(e.record.file).toBe(`incidents/${k}.md`);
      expect([...e.rest]).toEqual([k]);
      found.push(k);
    } else cache.put(cache.key(`d${k}`, true), entry(k));
  }
  expect(cache.save()).toBeUndefined();
  const after = files.map(stamp);
  return { found, wrote: files.filter((_, i) => after[i] !== before[i]).map((f) => (existsSync(f) ? f.slice(dir.length + 1) : `${f.slice(dir.length + 1)} removed`)) };
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe('the cache file', () => {
  it('is written whole, then a few changes beside it, then whole again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-doc-cache-'));
    // 16 documents: up to 2 entries (an eighth) may be beside the whole file or unused in it.
    expect(run(dir, range(0, 16))).toEqual({ found: [], wrote: ['documents.v8'] });
    expect(run(dir, range(0, 16))).toEqual({ found: range(0, 16), wrote: [] });
    // One document changed: its new entry beside, its old one unused.
    expect(run(dir, [...range(0, 15), 100])).toEqual({ found: range(0, 15), wrote: ['documents.added.v8'] });
    expect(run(dir, [...range(0, 15), 100])).toEqual({ found: [...range(0, 15), 100], wrote: [] });
    // Back to the whole file's entries: nothing is left beside.
    expect(run(dir, range(0, 16))).toEqual({ found: range(0, 16), wrote: ['documents.added.v8 removed'] });
    expect(run(dir, [...range(0, 15), 100])).toEqual({ found: range(0, 15), wrote: ['documents.added.v8'] });
    // A second change: two beside and two unused are more than an eighth; all written whole again.
    expect(run(dir, [...range(0, 14), 100, 101])).toEqual({ found: [...range(0, 14), 100], wrote: ['documents.v8', 'documents.added.v8 removed'] });
    expect(run(dir, [...range(0, 14), 100, 101])).toEqual({ found: [...range(0, 14), 100, 101], wrote: [] });
  });

  it('is read whole and beside together, the entries beside taking their keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-doc-cache-'));
    run(dir, range(0, 40));
    run(dir, [...range(0, 39), 200]);
    const cache = openCache(dir);
    expect(range(0, 40).map((k) => cache.get(cache.key(`d${k}`, true)) !== undefined)).toEqual(range(0, 40).map(() => true));
    expect([...cache.get(cache.key('d200', true))!.rest]).toEqual([200]);
    expect(cache.get(cache.key('d200', false))).toBeUndefined();
  });
});
