import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { BASE, BASE_SECTIONS_YAML } from '../test/harness.js';
import { captureIo, copyExample, makeRepo, replaceIn, snapshot } from '../test/repo.js';

const NOW = '2026-11-23';

async function check(root: string, ...args: string[]) {
  const io = captureIo(root);
  const code = await main(['check', ...args], io);
  return { code, out: io.out, err: io.err, json: args.includes('json') ? JSON.parse(io.out) : undefined };
}

describe('check over the example content', () => {
  it('finds no error on the day it was written', async () => {
    const root = copyExample();
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.json.summary.files).toBeGreaterThanOrEqual(29);
  });

  it('fails on a contact verified 100 days before now, at that key', async () => {
    const root = copyExample();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'contact/stale', file: 'contacts/carol-smith.md', line: 24, column: 1 }),
    ]);
  });

  it('fails on closing an incident that has an unverified lesson', async () => {
    const root = copyExample();
    replaceIn(root, 'incidents/2026/inc-2026-003.md', 'status: reviewed', 'status: closed');
    replaceIn(root, 'incidents/2026/inc-2026-003.md', 'reviewed: 2026-07-03T10:00:00Z', 'reviewed: 2026-07-03T10:00:00Z\nclosed: 2026-11-20T10:00:00Z');
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.code).toBe(1);
    const errors = r.json.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.map((d: { ruleId: string; line: number }) => `${d.ruleId}:${d.line}`)).toEqual([
      'incident/closed-with-open-lessons:101', 'incident/closed-with-open-lessons:108',
    ]);
  });

  it('fails with an md/ error when an incident loses its Root cause section', async () => {
    const root = copyExample();
    replaceIn(root, 'incidents/2026/inc-2026-002.md', /## Root cause\n\n[\s\S]*?\n\n(?=## What went well)/, '');
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'md/required-sections', file: 'incidents/2026/inc-2026-002.md', line: 129, column: 1 }),
    ]);
  });

  it('fails with an md/ error when two timeline items are swapped', async () => {
    const root = copyExample();
    replaceIn(root, 'incidents/2026/inc-2026-002.md', /(- 08:25 .*\n)(- 08:31 .*\n)/, '$2$1');
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'md/timeline-order', file: 'incidents/2026/inc-2026-002.md', line: 111, column: 3 }),
    ]);
  });

  it('goes stale with time: a year later there are errors', async () => {
    const r = await check(copyExample(), '--now', '2027-11-23');
    expect(r.code).toBe(1);
    expect(r.out).toContain('contact/stale');
    expect(r.out).toContain('plan/review-overdue');
  });

  it('takes now from FIREBREAK_NOW, and --now wins over it', async () => {
    const root = copyExample();
    const io = captureIo(root, { FIREBREAK_NOW: '2027-11-23' });
    expect(await main(['check', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out).now).toBe('2027-11-23');
    const io2 = captureIo(root, { FIREBREAK_NOW: '2027-11-23' });
    expect(await main(['check', '--now', NOW, '--format', 'json'], io2)).toBe(0);
  });

  it('loads in worker threads with the same result', async () => {
    const root = copyExample();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    writeFileSync(join(root, 'contacts/broken.md'), '---\nid: broken\nkind: contact\nname: [x\n---\n');
    const one = await check(root, '--now', NOW, '--format', 'json', '--workers', '0');
    const two = await check(root, '--now', NOW, '--format', 'json', '--workers', '2');
    expect(two.json).toEqual(one.json);
    expect(one.json.summary.errors).toBeGreaterThanOrEqual(2);
  });

  it('writes nothing', async () => {
    const root = copyExample();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    const before = snapshot(root);
    for (const format of ['human', 'json', 'github']) await check(root, '--now', NOW, '--format', format);
    expect(snapshot(root)).toEqual(before);
  });

  it('reports only on the given paths, still resolving every reference', async () => {
    const root = copyExample();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    const r = await check(root, 'incidents', '--now', NOW, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.json.diagnostics.every((d: { file: string }) => d.file.startsWith('incidents/'))).toBe(true);
    const c = await check(root, 'contacts/carol-smith.md', '--now', NOW, '--format', 'json');
    expect(c.code).toBe(1);
    expect(c.json.summary.files).toBe(1);
  });
});

describe('usage errors exit 2 with a message and no stack trace', () => {
  it.each([
    [['--now', '23/11/2026']],
    [['--format', 'xml']],
    [['--frobnicate']],
    [['--root', '/nonexistent/firebreak']],
    [['no/such/file.md']],
    [['--workers', 'many']],
  ])('%j', async (args) => {
    const r = await check(copyExample(), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^firebreak check: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it('unknown command', async () => {
    const io = captureIo('/');
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err).toContain('unknown command');
  });
});

describe('the repository on disk', () => {
  it('skips README.md, refuses symlinks, reads subfolders', async () => {
    const root = makeRepo({ ...BASE, 'firebreak.yml': BASE_SECTIONS_YAML, 'contacts/README.md': '# How to add a contact\n', 'incidents/2026/sub/readme.md': 'x' });
    symlinkSync('/etc/hostname', join(root, 'contacts/evil.md'));
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.json.diagnostics.map((d: { file: string; ruleId: string }) => `${d.file} ${d.ruleId}`)).toEqual(['contacts/evil.md parse/symlink']);
    expect(r.json.summary.files).toBe(Object.keys(BASE).length);
  });
  it('reports an invalid firebreak.yml at its line and goes on with defaults', async () => {
    const root = makeRepo({ ...BASE, 'firebreak.yml': `${BASE_SECTIONS_YAML}policy:\n  contact_review_dayz: 30\n` });
    const r = await check(root, '--now', NOW, '--format', 'json');
    const found = r.json.diagnostics.map((d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`);
    // The whole file is refused, so the default (longer) section lists apply to the short fixtures.
    expect(found.filter((l: string) => !l.includes(' md/'))).toEqual(['firebreak.yml:5 config/unknown-field']);
  });
  it('applies policy and rule severities from firebreak.yml', async () => {
    const root = makeRepo({ ...BASE, 'firebreak.yml': `${BASE_SECTIONS_YAML}policy:\n  contact_review_days: 10\nrules:\n  contact/stale: warning\n` });
    const r = await check(root, '--now', NOW, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.json.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'contact/stale')).toHaveLength(4);
    expect(r.json.summary.warnings).toBe(4);
  });
});
