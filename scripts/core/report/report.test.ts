import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import { escapeData, escapeProperty, renderGithub } from './github.js';
import { renderHuman } from './human.js';
import { renderJson } from './json.js';

const D: Diagnostic[] = [
  { ruleId: 'contact/stale', severity: 'error', file: 'contacts/a, b.md', line: 13, column: 1, endLine: 13, endColumn: 14, message: 'Stale: 100% overdue\nsecond line', hint: 'Verify: call them' },
  { ruleId: 'contact/due-soon', severity: 'warning', file: 'contacts/c.md', line: 2, column: 5, message: 'Due soon.' },
];
const SOURCE: Record<string, string> = {
  'contacts/a, b.md': Array.from({ length: 14 }, (_, i) => (i === 12 ? 'last_verified: 2026-01-01' : `line ${i + 1}`)).join('\n'),
};

describe('json', () => {
  it('prints exactly one object of the documented shape', () => {
    const out = renderJson({ diagnostics: D, now: '2026-11-23', files: 7 });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual({
      version: 1,
      now: '2026-11-23',
      scope: 'all',
      summary: { files: 7, errors: 1, warnings: 1 },
      diagnostics: [
        { ruleId: 'contact/stale', severity: 'error', file: 'contacts/a, b.md', line: 13, column: 1, message: 'Stale: 100% overdue\nsecond line', hint: 'Verify: call them' },
        { ruleId: 'contact/due-soon', severity: 'warning', file: 'contacts/c.md', line: 2, column: 5, message: 'Due soon.', hint: '' },
      ],
    });
  });
});

describe('github', () => {
  it.each([
    ['100%', '100%25'],
    ['a\r\nb', 'a%0D%0Ab'],
  ])('escapes data %j', (input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });
  it.each([
    ['a:b,c', 'a%3Ab%2Cc'],
    ['x%\n', 'x%25%0A'],
  ])('escapes properties %j', (input, expected) => {
    expect(escapeProperty(input)).toBe(expected);
  });
  it('prints one workflow command per finding, then a summary', () => {
    const lines = renderGithub({ diagnostics: D, now: '2026-11-23', files: 7 }).trim().split('\n');
    expect(lines).toEqual([
      '::error file=contacts/a%2C b.md,line=13,col=1,endLine=13,endColumn=14,title=contact/stale::Stale: 100%25 overdue%0Asecond line%0AVerify: call them',
      '::warning file=contacts/c.md,line=2,col=5,title=contact/due-soon::Due soon.',
      'firebreak: 1 error, 1 warning in 7 files (as of 2026-11-23)',
    ]);
  });
});

describe('human', () => {
  it('groups by file, frames the line, marks the range, and sums up', () => {
    const out = renderHuman({ diagnostics: D, now: '2026-11-23', files: 7, source: (f) => SOURCE[f] });
    expect(out).toContain('contacts/a, b.md\n  contacts/a, b.md:13:1  error    Stale: 100% overdue');
    expect(out).toContain('    > 13 | last_verified: 2026-01-01');
    expect(out).toContain('         | ^^^^^^^^^^^^^\n');
    expect(out).toContain('    hint: Verify: call them');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 1 error, 1 warning in 7 files (as of 2026-11-23)');
    expect(out).not.toContain('\u001b[');
  });
  it('colours only when asked', () => {
    expect(renderHuman({ diagnostics: D, now: '2026-11-23', files: 7, color: true })).toContain('\u001b[31m');
  });
  it('neutralises terminal escapes from content', () => {
    const out = renderHuman({ diagnostics: [{ ...D[1]!, message: 'x\u001b[2Jy' }], now: '2026-11-23', files: 1 });
    expect(out).toContain('x\\u001b[2Jy');
  });
  it('says so when all is clean', () => {
    expect(renderHuman({ diagnostics: [], now: '2026-11-23', files: 3 })).toBe('✔ 0 errors, 0 warnings in 3 files (as of 2026-11-23)\n');
  });
});
