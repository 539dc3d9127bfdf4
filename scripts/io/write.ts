// Writes that never lose a byte: a new file is created only if nothing is there (atomically,
// through a hard link), and a changed file is replaced whole by rename.

import { chmodSync, linkSync, mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function tmpName(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** Create `path` with `text`; false (and nothing written) when it already exists. */
export function createNew(path: string, text: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Write `path` whole in one step, whether or not it exists (a cache file, a page written ahead of
 * a build): a reader never sees half of it, and a failed write leaves nothing beside it.
 */
export function writeWhole(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Replace `path` with `text` in one step, keeping its permissions. */
export function replaceFile(path: string, text: string): void {
  const mode = statSync(path).mode;
  const tmp = tmpName(path);
  writeFileSync(tmp, text, { flag: 'wx', mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}
