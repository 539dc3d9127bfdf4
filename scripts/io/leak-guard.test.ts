import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeaks } from './leak-guard.js';

describe('findLeaks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a/page.html'), '<p>See INC-2026-003 and call +44 20 7946 0101 now</p>');
  writeFileSync(join(dir, 'clean.html'), '<p>nothing here: INC-2026-0031 is another id? no, it contains it</p>');
  it.each([
    [['inc-2026-003'], ['a/page.html inc-2026-003']],
    [['+44 20 7946 0101', 'alice@example.org'], ['a/page.html +44 20 7946 0101']],
    [['he', 'she', 'his', 'hers', 'call +44', 'nothing'], ['a/page.html call +44', 'clean.html nothing']],
    [[], []],
  ])('%j', (forbidden, expected) => {
    expect(findLeaks(dir, forbidden).map((l) => `${l.file} ${l.found}`).sort()).toEqual(expected.sort());
  });
});
