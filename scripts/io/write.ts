// Writes that never lose a byte: a new file is created only if nothing is there (atomically,
// through a hard link), and a changed file is replaced whole by rename.

import { chmodSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** Replace `path` with `text` in one step, keeping its permissions. */
export function replaceFile(path: string, text: string): void {
  const mode = statSync(path).mode;
  const tmp = tmpName(path);
  writeFileSync(tmp, text, { flag: 'wx', mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}
