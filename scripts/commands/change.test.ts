// Checks of a change, in real git repositories: the pre-commit hook checks the staged tree
// (deletions and renames included), and ids taken on two branches at once are caught.

import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { KIT_ROOT } from '../io/kit.js';
import { commitAll, git, kitRepo } from '../test/git.js';
import { captureIo, replaceIn } from '../test/repo.js';

const NOW = '2026-11-23T12:00Z';
const env = { ...process.env, FIREBREAK_NOW: NOW, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@x' };

/** `git commit` through the hook; its exit code and what the hook printed. */
function commit(dir: string, message: string): { code: number; out: string } {
  const r = spawnSync('git', ['commit', '-q', '-m', message], { cwd: dir, env, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

async function firebreak(dir: string, ...args: string[]) {
  const io = captureIo(dir, { FIREBREAK_NOW: NOW });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(() => {
  spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), '--help'], { stdio: 'ignore' });
});

describe('the pre-commit hook checks the staged tree', () => {
  function withHook(): string {
    const dir = kitRepo();
    const r = spawnSync(process.execPath, ['scripts/firebreak.mjs', 'hooks', 'install'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return dir;
  }

  it('refuses a staged deletion of a contact that plans rely on, at the lines that break', () => {
    const dir = withHook();
    git(dir, 'rm', '-q', 'contacts/julia-santos.md');
    const r = commit(dir, 'remove Julia');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/plans\/[a-z-]+\.md:\d+:\d+ {2}error {4}Unexpected contact id `julia-santos`/);
    expect(r.out).toContain('ref/unknown-contact');
  }, 60_000);

  it('checks what is staged, not the working tree: a deletion not staged does not count', () => {
    const dir = withHook();
    rmSync(join(dir, 'contacts/julia-santos.md'));
    replaceIn(dir, 'incidents/2026/inc-2026-005.md', 'Under way', 'Still under way');
    git(dir, 'add', 'incidents/2026/inc-2026-005.md');
    expect(commit(dir, 'notes').code).toBe(0);
  }, 60_000);

  it('follows a staged rename: the file must still be named after its id', () => {
    const dir = withHook();
    git(dir, 'mv', 'incidents/2026/inc-2026-005.md', 'incidents/inc-2026-005.md');
    expect(commit(dir, 'flatten').code).toBe(0);
    git(dir, 'mv', 'contacts/erin-walsh.md', 'contacts/erin.md');
    const r = commit(dir, 'rename a contact');
    expect(r.code).toBe(1);
    expect(r.out).toContain('contacts/erin.md:2:5  error    Unexpected file name `erin.md` for id `erin-walsh`');
  }, 60_000);

  it('a stale contact elsewhere does not block a commit of incident notes', () => {
    const dir = withHook();
    replaceIn(dir, 'incidents/2026/inc-2026-005.md', 'Under way', 'Still under way');
    git(dir, 'add', '-A');
    const r = spawnSync('git', ['commit', '-q', '-m', 'notes'], { cwd: dir, env: { ...env, FIREBREAK_NOW: '2027-03-01' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
  }, 60_000);
});

describe('ids taken on two branches at once', () => {
  const incident = ['new', 'incident', '--severity', 'medium', '--commander', 'bob-okafor', '--visibility', 'internal', '--detected', '2026-11-23T09:00Z', '--summary', 'Phishing reported by staff.'];

  it('the second branch is told by its own check, and renumber moves it to a free number', async () => {
    const dir = kitRepo();
    git(dir, 'checkout', '-q', '-b', 'b');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-q', '-b', 'a');
    expect((await firebreak(dir, ...incident, '--title', 'Phishing A')).out).toContain('Created incidents/2026/inc-2026-006.md');
    commitAll(dir, 'A');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'a');
    // Branch b started before A merged, and took the same number, in a folder of its own.
    git(dir, 'checkout', '-q', 'b');
    await firebreak(dir, ...incident, '--title', 'Phishing B');
    renameSync(join(dir, 'incidents/2026/inc-2026-006.md'), join(dir, 'incidents/inc-2026-006.md'));
    commitAll(dir, 'B');
    const before = await firebreak(dir, 'check', '--base', 'main', '--format', 'json');
    expect(before.code).toBe(1);
    const found = (JSON.parse(before.out) as { diagnostics: { ruleId: string; severity: string; file: string; line: number; message: string }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['incidents/inc-2026-006.md:2 ref/id-taken-on-base']);
    expect(found[0]!.message).toContain('main already has it (incidents/2026/inc-2026-006.md)');

    const moved = await firebreak(dir, 'renumber', 'INC-2026-006', '--base', 'main');
    expect(moved.out).toContain('Renumbered INC-2026-006 → INC-2026-007: incidents/inc-2026-006.md is now incidents/inc-2026-007.md');
    expect(readFileSync(join(dir, 'incidents/inc-2026-007.md'), 'utf8')).toContain('id: INC-2026-007\n');
    git(dir, 'add', '-A');
    expect((await firebreak(dir, 'check', '--base', 'main')).code).toBe(0);
  }, 60_000);

  it('at the same path, git refuses to merge silently, and new numbers after what the base has', async () => {
    const dir = kitRepo();
    git(dir, 'checkout', '-q', '-b', 'b');
    git(dir, 'checkout', '-q', '-b', 'a', 'main');
    await firebreak(dir, ...incident, '--title', 'Phishing A');
    commitAll(dir, 'A');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'a');
    git(dir, 'checkout', '-q', 'b');
    await firebreak(dir, ...incident, '--title', 'Phishing B');
    commitAll(dir, 'B');
    const merge = spawnSync('git', ['merge', '--no-edit', 'main'], { cwd: dir, env, encoding: 'utf8' });
    expect(merge.status).not.toBe(0);
    expect(merge.stdout).toContain('CONFLICT (add/add): Merge conflict in incidents/2026/inc-2026-006.md');
    git(dir, 'merge', '--abort');
    // Told which base to respect, `new` takes the number after the base's.
    const third = await firebreak(dir, ...incident, '--title', 'Phishing C', '--base', 'main');
    expect(third.out).toContain('Created incidents/2026/inc-2026-007.md');
    expect(third.out).toContain('INC-2026-007 is free here and on main.');
  }, 60_000);
});

describe('a check of a change reports what it caused', () => {
  it('blocking: the changed document and what it breaks; time-based findings elsewhere only under freshness', async () => {
    const dir = kitRepo();
    git(dir, 'checkout', '-q', '-b', 'notes');
    writeFileSync(join(dir, 'incidents/2026/inc-2026-005.md'), readFileSync(join(dir, 'incidents/2026/inc-2026-005.md'), 'utf8').replace('Under way', 'Still under way'));
    commitAll(dir, 'notes');
    const late = { FIREBREAK_NOW: '2027-03-01' };
    const blocking = captureIo(dir, late);
    expect(await main(['check', '--base', 'main', '--format', 'json'], blocking)).toBe(0);
    const report = JSON.parse(blocking.out) as { scope: string; changed: string[]; diagnostics: { file: string }[] };
    expect(report.scope).toBe('blocking');
    expect(report.changed).toEqual(['incidents/2026/inc-2026-005.md']);
    expect(report.diagnostics.every((d) => d.file === 'incidents/2026/inc-2026-005.md')).toBe(true);
    const freshness = captureIo(dir, late);
    expect(await main(['check', '--scope', 'freshness', '--format', 'json'], freshness)).toBe(1);
    const stale = (JSON.parse(freshness.out) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(stale).toContain('contact/stale');
    expect(stale.every((id) => !id.startsWith('schema/') && !id.startsWith('ref/'))).toBe(true);
  }, 60_000);
});
