// Scratch git repositories for tests: commits with a fixed author, and the kit copied in, as a
// team's repository holds it.

import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KIT_ROOT } from '../io/kit.js';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

/** Run git in `cwd`; returns its output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `git init` with `main` as the first branch. */
export function initRepo(dir: string): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

/** Stage everything and commit. */
export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** The kit's own tracked files (code, schemas, site, workflows, example content) in a new folder. */
export function copyKit(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-kit-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: KIT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(KIT_ROOT, f), join(dir, f));
  }
  return dir;
}

/** Make `npm ci` unnecessary in a copy: its node_modules are the kit's. */
export function linkModules(dir: string): void {
  symlinkSync(join(KIT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/**
 * A team's repository with the kit in it, committed on main, ready to run `scripts/firebreak.mjs`
 * (and the pre-commit hook) without compiling it again.
 */
export function kitRepo(): string {
  const dir = initRepo(copyKit());
  linkModules(dir);
  // The link is not a folder, so .gitignore's `node_modules/` does not cover it.
  appendFileSync(join(dir, '.git', 'info', 'exclude'), '\nnode_modules\n');
  if (existsSync(join(KIT_ROOT, 'dist', '.built'))) {
    cpSync(join(KIT_ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'dist', '.built'), later, later);
  }
  commitAll(dir, 'the kit and its example content');
  return dir;
}
