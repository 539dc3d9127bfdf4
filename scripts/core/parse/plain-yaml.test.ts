// The fast path for plain front matter must never answer differently from `yaml`: wherever it
// gives data, the full parse gives the same data and no problem. A table of small cases, every
// front matter in the repository, and thousands of seeded mutations of them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../../io/kit.js';
import { tooDeep } from './depth.js';
import { splitFences } from './fences.js';
import { plainYaml } from './plain-yaml.js';
import { MAX_MAP_KEYS, MAX_NODES, MAX_SEQ_ITEMS, parseSafeYaml, parseSafeYamlDocument } from './safe-yaml.js';

const LIMITS = { maxMapKeys: MAX_MAP_KEYS, maxSeqItems: MAX_SEQ_ITEMS, maxNodes: MAX_NODES, maxKeyLength: 1024 };

/** Equal as `Object.is` is, all the way down (-0 and NaN included), and with the same key order. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Undefined when the fast path agrees with the full parse (or stepped aside); else what differs. */
function disagreement(text: string): string | undefined {
  if (tooDeep(text) !== undefined) return undefined;
  const fast = plainYaml(text, LIMITS);
  if (fast === undefined) return undefined;
  const full = parseSafeYamlDocument(text);
  if (full.problems.length > 0) return `fast path read it, yaml found ${full.problems.map((p) => p.ruleId).join(', ')}`;
  if (!same(fast, full.data)) return `fast ${JSON.stringify(fast)} ≠ yaml ${JSON.stringify(full.data)}`;
  return undefined;
}

describe('plainYaml', () => {
  it.each([
    ['ordinary fields', 'id: INC-2026-001\nkind: incident\ntitle: Phishing of the finance team\n', 'fast'],
    ['lists, block and flow', 'participants: [ann, bob]\nlessons:\n  - id: l1\n    owner: ann\n  - id: l2\n', 'fast'],
    ['dates stay strings, as in the core schema', 'started: 2026-01-05\nat: 2026-01-05T10:00:00Z\n', 'fast'],
    ['YAML 1.1 booleans stay strings', 'a: yes\nb: NO\nc: on\n', 'fast'],
    ['numbers and booleans of the core schema', 'a: 12\nb: -0\nc: 0o17\nd: 0x1F\ne: 1.50\nf: .inf\ng: -.INF\nh: .nan\ni: 1e3\nj: true\nk: FALSE\nl: ~\nm:\n', 'fast'],
    ['not numbers in the core schema', 'a: 1_000\nb: 0b101\nc: +0x1F\nd: 017\ne: 1.2.3\nf: 12:30\n', 'fast'],
    ['quoted values are strings', 'a: "12"\nb: \'true\'\nc: "a # b"\n', 'fast'],
    ['comments', '# note\na: 1 # one\nb: a#b\n', 'fast'],
    ['a value on the line under its key', 'summary:\n  one two\n', 'fast'],
    ['a list at its key\'s column, then the next key', 'a:\n- 1\n- 2\nb: 3\n', 'fast'],
    ['lists in list items', '- - a\n  - b\n- c\n'.replace(/^/, 'x:\n').replace(/\n(?=.)/g, '\n  '), 'fast'],
    ['plain text over lines', 'summary: one\n  two\n\n  three\n', 'slow'],
    ['a quoted text over lines', 'a:\n  b: "one\n two"\n', 'slow'],
    ['a list whose items are not aligned', 'a:\n  - 1\n- 2\n', 'slow'],
    ['a comment as an empty item\'s value', 'a:\n  b:\n    - # none\n  c: 1\n', 'slow'],
    ['a comment as a key\'s value', 'a: # none\nb: 1\n', 'slow'],
    ['a key further in than its mapping', 'a: 1\n  b: 2\n', 'slow'],
    ['unicode text', 'title: Ausfall im Rechenzentrum — Köln 東京\n', 'fast'],
    ['flow lists: empty, a trailing comma, words with spaces, scalars', 'a: []\nb: [x, ]\nc: [x y]\nd: [.5, -1, 0x1F, ~, true]\n', 'fast'],
    ['a flow list in a flow list', 'a: [x, [y]]\n', 'slow'],
    ['an empty flow entry', 'a: [x,,y]\n', 'slow'],
    ['text after a flow list', 'a: [x] y\n', 'slow'],
    ['a reserved indicator', 'a: @x\n', 'slow'],
    ['an anchor', 'a: &x 1\nb: 2\n', 'slow'],
    ['an alias', 'a: 1\nb: *a\n', 'slow'],
    ['a tag', 'a: !!str 1\n', 'slow'],
    ['a block scalar', 'a: |\n  text\n', 'slow'],
    ['a folded scalar', 'a: >-\n  text\n', 'slow'],
    ['an escape', 'a: "x\\ty"\n', 'slow'],
    ['a flow mapping', 'a: {b: 1}\n', 'slow'],
    ['an explicit key', '? a\n: 1\n', 'slow'],
    ['a flow list as a key', '[a, b]: 1\n', 'slow'],
    ['a pair in a flow list', 'a: [b: 1]\n', 'slow'],
    ['a tab', 'a:\tb\n', 'slow'],
    ['a carriage return', 'a: b\r\n', 'slow'],
    ['a directive', '%YAML 1.2\n---\na: 1\n', 'slow'],
    ['a document end', 'a: 1\n...\n', 'slow'],
    ['a duplicate key', 'a: 1\na: 2\n', 'slow'],
    ['a key reaching the prototype', '__proto__: 1\n', 'slow'],
    ['constructor as a key', 'x:\n  constructor: 1\n', 'slow'],
    ['a null key', '~: 1\n', 'slow'],
    ['an empty quoted key', '"": 1\n', 'slow'],
    ['a number as a key', '1: a\n', 'slow'],
    ['a boolean as a key', 'true: a\n', 'slow'],
    ['a list at the top', '- a\n- b\n', 'slow'],
    ['a scalar at the top', 'hello\n', 'slow'],
    ['nothing', '', 'slow'],
    ['a comment only', '# nothing\n', 'slow'],
    ['a control character', 'a: b\u0007c\n', 'slow'],
    ['a line separator', 'a: b\u2028c\n', 'slow'],
    ['a byte-order mark', '\ufeffa: 1\n', 'slow'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 'slow'],
    ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`, 'slow'],
  ])('%s', (_name, text, path) => {
    const fast = plainYaml(text, LIMITS);
    expect(fast === undefined ? 'slow' : 'fast').toBe(path);
    expect(disagreement(text)).toBeUndefined();
    // Either way, parseSafeYaml answers as the full parse does.
    const full = parseSafeYamlDocument(text);
    const either = parseSafeYaml(text);
    expect(same(either.data, full.data)).toBe(true);
    expect(either.problems.map((p) => p.ruleId)).toEqual(full.problems.map((p) => p.ruleId));
  });

  it('limits: a list, a mapping or a document too large is read the slow way', () => {
    const small = { ...LIMITS, maxSeqItems: 2, maxMapKeys: 2, maxNodes: 5 };
    expect(plainYaml('a: [1, 2]\n', small)).toEqual({ a: [1, 2] });
    expect(plainYaml('a: [1, 2, 3]\n', small)).toBeUndefined();
    expect(plainYaml('a: 1\nb: 2\nc: 3\n', small)).toBeUndefined();
    expect(plainYaml('a: [1, 2]\nb: [1]\n', small)).toBeUndefined();
  });

  const fronts = repositoryFrontMatter();

  it(`agrees with yaml on every front matter in the repository (${fronts.length})`, () => {
    expect(fronts.length).toBeGreaterThan(40);
    const fast = fronts.filter((t) => plainYaml(t, LIMITS) !== undefined).length;
    // The example content is plain: the fast path is what reads it.
    expect(fast).toBeGreaterThan(fronts.length / 2);
    expect(fronts.map(disagreement).filter((d) => d !== undefined)).toEqual([]);
  });

  it('agrees with yaml on 6,000 seeded mutations of them', () => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 20261124));
    const pieces = [': ', ':', '- ', '-', ' ', '  ', '\n', '\n  ', '\n- ', '#', ' #', '"', "'", '[', ']', ',', ', ', '~', 'null', 'true', '0', '-0', '1.5', '0x1', '0o7', '.inf', '=', '<<: ', '`', '@', 'ü', '—', 'key: value\n', '- item\n', '"a": 1\n', "'b': 2\n", 'a:\n  - b\n', '---', '...', '- #', ': #', ' # c', '- - ', "''", '\n    ', 'a: b: c', '"x": '];
    let read = 0;
    const found: string[] = [];
    for (let n = 0; n < Number(process.env.FUZZ_N ?? 6000); n++) {
      let text = fronts[Math.floor(random() * fronts.length)]!;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const kind = random();
        if (kind < 0.6) text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + text.slice(at);
        else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
        else {
          // A line moved in or out by a space or two.
          const start = text.lastIndexOf('\n', at - 1) + 1;
          text = random() < 0.5 ? `${text.slice(0, start)}${' '.repeat(1 + Math.floor(random() * 2))}${text.slice(start)}` : text.slice(0, start) + text.slice(start).replace(/^ {1,2}/, '');
        }
      }
      if (plainYaml(text, LIMITS) !== undefined) read++;
      const d = disagreement(text);
      if (d !== undefined && found.length < 5) found.push(`${JSON.stringify(text)}: ${d}`);
    }
    expect(found).toEqual([]);
    // The mutations reach the fast path often enough to test it, and step aside from it often too.
    expect(read).toBeGreaterThan(1000);
    expect(read).toBeLessThan(Number(process.env.FUZZ_N ?? 6000) - 100);
  });
});

/** The front matter of every Markdown document in the repository (content and test fixtures). */
function repositoryFrontMatter(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist' || entry.name === '_site') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const split = splitFences(readFileSync(path, 'utf8'), path, { maxFrontMatterBytes: 1 << 20 });
        if (!('finding' in split) && split.split.yaml.trim() !== '') out.push(split.split.yaml);
      }
    }
  };
  for (const dir of ['incidents', 'plans', 'contacts', 'scripts']) walk(join(KIT_ROOT, dir));
  return out;
}

/** A small seeded generator (mulberry32): the same mutations on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
