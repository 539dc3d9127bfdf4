// The git commands the kit runs: always with arguments (no shell), never writing.

import { execFileSync } from 'node:child_process';
import { UsageError } from './clock.js';

/** Run git in `cwd` and return its output; a failure is a usage error naming the command. */
export function git(cwd: string, args: readonly string[], input?: string | Uint8Array): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], ...(input === undefined ? {} : { input }) });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] ?? '';
    throw new UsageError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** Like `git`, but undefined instead of an error (for questions such as "is there a HEAD?"). */
export function gitMaybe(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

export interface TreeEntry {
  mode: string;
  oid: string;
  path: string;
}

/** Entries of `git ls-files -s` or `git ls-tree -r` output (`-z`). */
export function parseEntries(out: string, kind: 'index' | 'tree'): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, a, b] = record.slice(0, tab).split(' ') as [string, string, string];
    entries.push({ mode, oid: kind === 'index' ? a : b, path: record.slice(tab + 1) });
  }
  return entries;
}

/** The contents of many blobs in one process (`git cat-file --batch`). */
export function readBlobs(cwd: string, oids: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return out;
  const data = git(cwd, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
  let pos = 0;
  for (const oid of unique) {
    const nl = data.indexOf(0x0a, pos);
    const header = data.subarray(pos, nl).toString('utf8').split(' ');
    if (header[1] === 'missing') {
      pos = nl + 1;
      continue;
    }
    const size = Number(header[2]);
    out.set(oid, data.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return out;
}

/** The repository's top folder, or undefined outside git. */
export function topLevel(cwd: string): string | undefined {
  return gitMaybe(cwd, ['rev-parse', '--show-toplevel'])?.trim();
}

export interface Change {
  status: 'A' | 'M' | 'D' | 'T';
  path: string;
}

/** `git diff --name-status -z --no-renames` output: renames are a deletion and an addition. */
export function parseChanges(out: string): Change[] {
  const parts = out.split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) {
    changes.push({ status: parts[i]!.charAt(0) as Change['status'], path: parts[i + 1]! });
  }
  return changes;
}
