// Real repositories on disk for command tests: a copy of the example content, or files given.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KIT_ROOT } from '../io/kit.js';
import type { Io } from '../io/io.js';

/** A temporary copy of the kit's example content and policy. */
export function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-'));
  for (const d of ['contacts', 'plans', 'incidents']) cpSync(join(KIT_ROOT, d), join(dir, d), { recursive: true });
  cpSync(join(KIT_ROOT, 'firebreak.yml'), join(dir, 'firebreak.yml'));
  return dir;
}

/** A temporary repository holding exactly these files. */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Replace text in a file of a repository; `from` must occur. */
export function replaceIn(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`no ${String(from)} in ${file}`);
  writeFileSync(path, next);
}

/** Every file's bytes and modification time, to prove a command wrote nothing. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.set(p, `${statSync(join(root, p)).mtimeMs}:${readFileSync(join(root, p)).toString('base64')}`);
    }
  };
  walk('');
  return out;
}

/** An Io that records what a command prints. */
export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): Io & { out: string; err: string } {
  const io = {
    cwd,
    env,
    out: '',
    err: '',
    color: false,
    interactive: false,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}
