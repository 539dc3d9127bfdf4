import { describe, expect, it } from 'vitest';
import { freeSlug, nextNumber, slugify } from './ids.js';

describe('nextNumber', () => {
  it.each([
    [[], 'INC-2026-001'],
    [['INC-2026-001', 'INC-2026-002'], 'INC-2026-003'],
    [['INC-2026-001', 'INC-2026-007'], 'INC-2026-008'], // gaps are not reused
    [['INC-2025-041', 'inc-2026-004'], 'INC-2026-005'], // other years do not count; file names count, any case
    [['EX-2026-009', 'INC-2026-002'], 'INC-2026-003'], // exercises are numbered apart
    [['INC-2026-999'], 'INC-2026-1000'],
  ])('%j → %s', (taken, expected) => {
    expect(nextNumber('INC', 2026, taken)).toBe(expected);
  });
  it('numbers exercises on their own', () => {
    expect(nextNumber('EX', 2026, ['INC-2026-004', 'EX-2026-001'])).toBe('EX-2026-002');
  });
});

describe('slugify and freeSlug', () => {
  it.each([['Alice Nguyen', 'alice-nguyen'], ["Liam O'Connor", 'liam-o-connor'], ['Zoë Ångström', 'zoe-angstrom'], ['  ICO (UK)  ', 'ico-uk'],
    ['Владимир Петров', 'vladimir-petrov'], ['王芳', 'wangfang'], ['Παναγιώτης', 'panagiotis'], ['محمد علي', 'mhmd-ly'], ['🔥', 'fire'], ['！？', ''], ['...', '']])('%j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
  it('adds a number when the slug is taken', () => {
    expect(freeSlug('alice', new Set(['alice', 'alice-2']))).toBe('alice-3');
  });
});
