// Reading content files: capped by size, packed together, named by digest. Small on purpose: the
// reading thread (io/read-worker.ts) loads it and nothing else.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Read at most `limit + 1` bytes of a file (never follows a link: the walk refused those). */
export function readCapped(path: string, limit: number): Uint8Array {
  let buf: Uint8Array = Buffer.alloc(0);
  const got = readInto(path, limit, (size) => (buf = Buffer.allocUnsafe(size)));
  return buf.subarray(0, got);
}

/**
 * What names a file's bytes in the per-document cache: its path and bytes under the salt (what
 * else decides what loading it finds: io/doc-cache.ts).
 */
export function contentDigest(salt: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(salt).update(`\0${file}\0`).update(bytes).digest('base64url');
}

/**
 * Many files' bytes in a few large blocks. Large blocks are allocated once, outside the young
 * generation, where 10,000 small ones would each be copied by the garbage collector as they
 * survive; and they cross between threads without a copy.
 */
export interface Packed {
  /** The files' bytes, one after another, in blocks of up to `block` bytes (a larger file alone in one). */
  blocks: Uint8Array[];
  /** Per file, three numbers: its block (-1 when it could not be read), where it starts, its length. */
  at: Int32Array;
  /** Per file, 1 when every byte is ASCII. */
  ascii: Uint8Array;
  /** Per file, `contentDigest` under the salt ('' when not read, or no salt was given). */
  digests: string[];
}

/** Where `pack` reads from: a function, or files on disk under `root` (read straight into the blocks, at most `limit + 1` bytes each). */
export type PackSource = ((file: string) => Uint8Array) | { root: string; limit: number };

/**
 * Read `files` and pack them. A file that cannot be read is left out (block -1): the caller reads
 * it again itself, to meet the error where it would have met it. With `claim`, only the files it
 * hands out are read (the next index each time; others left out), so that two threads can share
 * the files by one counter.
 */
export function pack(files: readonly string[], from: PackSource, salt?: string, block = 64 << 20, claim?: () => number): Packed {
  const at = new Int32Array(files.length * 3).fill(-1);
  const ascii = new Uint8Array(files.length);
  const digests: string[] = new Array<string>(files.length).fill('');
  const blocks: Uint8Array[] = [];
  let current = new Uint8Array(0);
  let used = 0;
  /** Where the next `size` bytes go: after the last file, or at the start of a new block. */
  const place = (size: number): Uint8Array => {
    if (used + size > current.length) {
      if (used > 0) blocks.push(current.subarray(0, used));
      current = new Uint8Array(Math.max(block, size));
      used = 0;
    }
    return current.subarray(used, used + size);
  };
  let next = 0;
  const take = claim ?? (() => next++);
  for (let i = take(); i < files.length; i = take()) {
    const file = files[i]!;
    let size: number;
    try {
      if (typeof from === 'function') {
        const bytes = from(file);
        place(bytes.length).set(bytes);
        size = bytes.length;
      } else size = readInto(join(from.root, file), from.limit, place);
    } catch {
      continue;
    }
    const bytes = current.subarray(used, used + size);
    at[i * 3] = blocks.length;
    at[i * 3 + 1] = used;
    at[i * 3 + 2] = size;
    ascii[i] = isAscii(bytes) ? 1 : 0;
    if (salt !== undefined) digests[i] = contentDigest(salt, file, bytes);
    used += size;
  }
  if (used > 0) blocks.push(current.subarray(0, used));
  return { blocks, at, ascii, digests };
}

/** What `readCapped` reads, read into the room `place` gives (for its size): the number of bytes read. */
function readInto(path: string, limit: number, place: (size: number) => Uint8Array): number {
  const fd = openSync(path, 'r');
  try {
    const into = place(Math.min(fstatSync(fd).size, limit + 1));
    let got = 0;
    while (got < into.length) {
      const n = readSync(fd, into, got, into.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return got;
  } finally {
    closeSync(fd);
  }
}

const utf8 = new TextDecoder();

/** File `i`'s bytes (a view into its block), or undefined when it was not read. */
export function packedBytes(p: Packed, i: number): Uint8Array | undefined {
  const b = p.at[i * 3]!;
  return b === -1 ? undefined : p.blocks[b]!.subarray(p.at[i * 3 + 1], p.at[i * 3 + 1]! + p.at[i * 3 + 2]!);
}

/**
 * The decoded text of each packed file. An ASCII file (nearly all) is a slice of its block decoded
 * whole, once; any other is decoded on its own.
 */
export function packedTexts(p: Packed): (i: number) => string | undefined {
  const whole: (string | undefined)[] = [];
  return (i) => {
    const b = p.at[i * 3]!;
    if (b === -1) return undefined;
    const start = p.at[i * 3 + 1]!;
    const end = start + p.at[i * 3 + 2]!;
    if (p.ascii[i] !== 1) return utf8.decode(p.blocks[b]!.subarray(start, end));
    const block = p.blocks[b]!;
    const text = (whole[b] ??= Buffer.from(block.buffer, block.byteOffset, block.length).toString('latin1'));
    return text.slice(start, end);
  };
}
