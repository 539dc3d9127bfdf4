// After a build, prove what must not be published is not: every output file is read and
// searched (case-insensitively) for the strings the audience may not see, all at once, with an
// Aho–Corasick automaton compiled to a table, so the cost does not grow with the number of strings.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Leak {
  file: string;
  found: string;
}

/**
 * The automaton as a dense table (a DFA): one array lookup per character of output, whatever the
 * number of strings. Characters that occur in no string share one column.
 */
interface Automaton {
  columns: Uint8Array;
  width: number;
  next: Int32Array;
  out: number[][];
}

/** Works on UTF-8 bytes, folding ASCII case, so files are scanned without decoding them. */
function build(needles: readonly Uint8Array[]): Automaton {
  const columns = new Uint8Array(256);
  let width = 1;
  for (const n of needles) {
    for (const b of n) {
      if (columns[b] === 0) {
        columns[b] = width;
        if (b >= 0x61 && b <= 0x7a) columns[b - 0x20] = width;
        width++;
      }
    }
  }
  const trie: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  needles.forEach((needle, index) => {
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = columns[needle[i]!]!;
      let to = trie[state]!.get(c);
      if (to === undefined) {
        to = trie.length;
        trie.push(new Map());
        out.push([]);
        trie[state]!.set(c, to);
      }
      state = to;
    }
    out[state]!.push(index);
  });
  const next = new Int32Array(trie.length * width);
  const fail = new Int32Array(trie.length);
  const queue: number[] = [];
  for (const [c, to] of trie[0]!) {
    next[c] = to;
    queue.push(to);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (let c = 0; c < width; c++) {
      const to = trie[state]!.get(c);
      if (to === undefined) {
        next[state * width + c] = next[fail[state]! * width + c]!;
      } else {
        fail[to] = next[fail[state]! * width + c]!;
        if (state === 0) fail[to] = 0;
        out[to]!.push(...out[fail[to]!]!);
        next[state * width + c] = to;
        queue.push(to);
      }
    }
  }
  return { columns, width, next, out };
}

function* walk(dir: string, rel = ''): Generator<string> {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, p);
    else yield p;
  }
}

function isWord(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

/** A match counts only as a whole word: INC-2026-003 is not found inside INC-2026-0031. */
function bounded(bytes: Uint8Array, end: number, needle: Uint8Array): boolean {
  const start = end - needle.length + 1;
  if (isWord(needle[0]) && start > 0 && isWord(bytes[start - 1])) return false;
  if (isWord(needle[needle.length - 1]) && isWord(bytes[end + 1])) return false;
  return true;
}

/** Every (file, string) where a forbidden string occurs, ignoring ASCII case. */
export function findLeaks(dir: string, forbidden: readonly string[]): Leak[] {
  const strings = [...new Set(forbidden.map((s) => s.toLowerCase()).filter((s) => s.length > 0))];
  if (strings.length === 0) return [];
  const needles = strings.map((s) => new TextEncoder().encode(s));
  const { columns, width, next, out } = build(needles);
  const leaks: Leak[] = [];
  for (const file of walk(dir)) {
    const bytes = readFileSync(join(dir, file));
    const seen = new Set<number>();
    let state = 0;
    for (let i = 0; i < bytes.length; i++) {
      state = next[state * width + columns[bytes[i]!]!]!;
      const hits = out[state]!;
      if (hits.length === 0) continue;
      for (const hit of hits) {
        if (!seen.has(hit) && bounded(bytes, i, needles[hit]!)) {
          seen.add(hit);
          leaks.push({ file, found: strings[hit]! });
        }
      }
    }
  }
  return leaks;
}
