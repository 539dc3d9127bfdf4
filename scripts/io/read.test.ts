import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDigest, pack, packedBytes, packedTexts, readCapped } from './read.js';

describe('files packed together', () => {
  const utf8 = new TextEncoder();
  const files = ['---\nid: a\n---\n', 'Ünïcode — “quoted”', '', 'plain ASCII text', 'more ASCII', 'x'.repeat(25), 'Ende: Straße'];
  const names = files.map((_, i) => `incidents/f${i}.md`);
  const bytes = new Map(names.map((n, i) => [n, utf8.encode(files[i])]));

  it.each([
    ['in one block', 1 << 20],
    ['in blocks of at most 16 bytes (a file larger than that has one of its own)', 16],
    ['one block per file', 1],
  ])('give back each file, its text and its digest, %s', (_name, block) => {
    const p = pack(names, (n) => bytes.get(n)!, 'salt', block);
    const text = packedTexts(p);
    expect(names.map((_, i) => text(i))).toEqual(files);
    expect(names.map((n, i) => Buffer.from(packedBytes(p, i)!).equals(Buffer.from(bytes.get(n)!)))).toEqual(files.map(() => true));
    expect(p.digests).toEqual(names.map((n) => contentDigest('salt', n, bytes.get(n)!)));
    expect([...p.ascii]).toEqual([1, 0, 1, 1, 1, 1, 0]);
    const largest = Math.max(...[...bytes.values()].map((b) => b.length));
    expect(p.blocks.every((b) => b.length <= Math.max(block, largest))).toBe(true);
  });

  it.each([
    ['in one block', 1 << 20],
    ['in blocks of at most 16 bytes', 16],
  ])('are the same read from disk as given, %s; at most one byte past the limit of each file', (_name, block) => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-pack-'));
    mkdirSync(join(dir, 'incidents'));
    for (const n of names) writeFileSync(join(dir, n), bytes.get(n)!);
    const limit = 20;
    const capped = (n: string) => bytes.get(n)!.subarray(0, limit + 1);
    const fromDisk = pack([...names, 'incidents/missing.md'], { root: dir, limit }, 'salt', block);
    const given = pack([...names, 'incidents/missing.md'], (n) => {
      if (n === 'incidents/missing.md') throw new Error('ENOENT');
      return capped(n);
    }, 'salt', block);
    const text = packedTexts(fromDisk);
    expect(names.map((n, i) => Buffer.from(packedBytes(fromDisk, i)!).equals(Buffer.from(capped(n))))).toEqual(files.map(() => true));
    expect(fromDisk.digests).toEqual(given.digests);
    expect(names.map((_, i) => text(i))).toEqual(names.map((_, i) => packedTexts(given)(i)));
    expect(packedBytes(fromDisk, names.length)).toBeUndefined();
    expect(readCapped(join(dir, names[1]!), limit)).toEqual(Buffer.from(capped(names[1]!)));
  });

  it('leave out a file that cannot be read, for the caller to read again', () => {
    const p = pack(['a.md', 'gone.md', 'b.md'], (n) => {
      if (n === 'gone.md') throw new Error('ENOENT');
      return utf8.encode(n);
    }, 'salt');
    const text = packedTexts(p);
    expect([text(0), text(1), text(2)]).toEqual(['a.md', undefined, 'b.md']);
    expect(packedBytes(p, 1)).toBeUndefined();
    expect(p.digests[1]).toBe('');
  });

  it('read only the files a shared counter hands them, leaving the others for another thread', () => {
    let next = 0;
    // Another thread takes every third file first.
    const claim = () => {
      next += next % 3 === 0 ? 1 : 0;
      return next++;
    };
    const p = pack(names, (n) => bytes.get(n)!, 'salt', 1 << 20, claim);
    const text = packedTexts(p);
    expect(names.map((_, i) => text(i))).toEqual(files.map((f, i) => (i % 3 === 0 ? undefined : f)));
    expect(p.digests).toEqual(names.map((n, i) => (i % 3 === 0 ? '' : contentDigest('salt', n, bytes.get(n)!))));
  });

  it('are nothing for no files', () => {
    expect(pack([], () => new Uint8Array(), 'salt')).toMatchObject({ blocks: [], digests: [] });
  });

  it('name a file by its path and bytes under the salt', () => {
    const b = utf8.encode('same bytes');
    const d = contentDigest('s', 'incidents/a.md', b);
    expect(contentDigest('s', 'incidents/b.md', b)).not.toBe(d);
    expect(contentDigest('t', 'incidents/a.md', b)).not.toBe(d);
    expect(contentDigest('s', 'incidents/a.md', utf8.encode('same bytes!'))).not.toBe(d);
    expect(contentDigest('s', 'incidents/a.md', utf8.encode('same bytes'))).toBe(d);
  });
});

describe('a capped read', () => {
  it.each([
    ['a file within the limit, whole', 'abc', 10, 'abc'],
    ['a file at the limit, whole', 'abcde', 5, 'abcde'],
    ['a larger file, to one byte past the limit (enough to refuse it by size)', 'abcdefgh', 5, 'abcdef'],
  ])('reads %s', (_name, content, limit, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-read-'));
    writeFileSync(join(dir, 'f.md'), content);
    expect(Buffer.from(readCapped(join(dir, 'f.md'), limit)).toString()).toBe(expected);
  });
});
