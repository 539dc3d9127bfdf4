// After a build, prove what must not be published is not: every output file is read and
// searched (case-insensitively) for the strings the audience may not see, all at once, with an
// Aho–Corasick automaton, so the cost does not grow with the number of strings.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Leak {
  file: string;
  found: string;
}

interface Automaton {
  next: Map<number, number>[];
  fail: number[];
  out: number[][];
}

function build(needles: readonly string[]): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  needles.forEach((needle, index) => {
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let to = next[state]!.get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        out.push([]);
        next[state]!.set(c, to);
      }
      state = to;
    }
    out[state]!.push(index);
  });
  const fail = new Array<number>(next.length).fill(0);
  const queue: number[] = [...next[0]!.values()];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const [c, to] of next[state]!) {
      queue.push(to);
      let f = fail[state]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const candidate = next[f]!.get(c);
      fail[to] = candidate !== undefined && candidate !== to ? candidate : 0;
      out[to]!.push(...out[fail[to]!]!);
    }
  }
  return { next, fail, out };
}

function* walk(dir: string, rel = ''): Generator<string> {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, p);
    else yield p;
  }
}

const WORD = /[a-z0-9]/;

/** A match counts only as a whole word: INC-2026-003 is not found inside INC-2026-0031. */
function bounded(text: string, end: number, needle: string): boolean {
  const start = end - needle.length + 1;
  if (WORD.test(needle[0]!) && start > 0 && WORD.test(text[start - 1]!)) return false;
  if (WORD.test(needle[needle.length - 1]!) && end + 1 < text.length && WORD.test(text[end + 1]!)) return false;
  return true;
}

/** Every (file, string) where a forbidden string occurs, case-insensitively. */
export function findLeaks(dir: string, forbidden: readonly string[]): Leak[] {
  const needles = [...new Set(forbidden.map((s) => s.toLowerCase()).filter((s) => s.length > 0))];
  if (needles.length === 0) return [];
  const { next, fail, out } = build(needles);
  const leaks: Leak[] = [];
  for (const file of walk(dir)) {
    const text = readFileSync(join(dir, file), 'latin1').toLowerCase();
    const seen = new Set<number>();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !next[state]!.has(c)) state = fail[state]!;
      state = next[state]!.get(c) ?? 0;
      for (const hit of out[state]!) {
        if (!seen.has(hit) && bounded(text, i, needles[hit]!)) {
          seen.add(hit);
          leaks.push({ file, found: needles[hit]! });
        }
      }
    }
  }
  return leaks;
}
