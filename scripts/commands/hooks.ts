// `hooks install`: a git pre-commit hook that checks the staged documents. Never replaces a
// hook it did not write.

import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { createNew } from '../io/write.js';

export const HOOKS_USAGE = 'Usage: firebreak hooks install [--root DIR]   install the pre-commit hook (check on staged documents)';

const MARK = '# firebreak pre-commit hook';
const HOOK = `#!/bin/sh
${MARK}: checks the staged contacts, plans and incidents (every document is still loaded, so
# references resolve), with the per-document cache inside .git. Skip once with: git commit --no-verify
exec node scripts/firebreak.mjs check --staged --cache "$(git rev-parse --git-path firebreak-cache)"
`;

export async function hooks(argv: string[], io: Io): Promise<number> {
  const [action, ...rest] = argv;
  if (action !== 'install') throw new UsageError(HOOKS_USAGE);
  const rootFlag = rest.indexOf('--root');
  const root = resolve(io.cwd, rootFlag === -1 ? '.' : rest[rootFlag + 1] ?? '.');
  let hooksDir: string;
  try {
    hooksDir = resolve(root, execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd: root, encoding: 'utf8' }).trim());
  } catch {
    throw new UsageError('not inside a git repository');
  }
  const path = join(hooksDir, 'pre-commit');
  if (existsSync(path)) {
    if (readFileSync(path, 'utf8').includes(MARK)) {
      io.stdout(`The pre-commit hook is already installed (${path}).\n`);
      return 0;
    }
    io.stderr(`firebreak hooks: ${path} exists and was not written by firebreak; add \`node scripts/firebreak.mjs check --staged\` to it yourself.\n`);
    return 1;
  }
  if (!createNew(path, HOOK)) return 1;
  chmodSync(path, 0o755);
  io.stdout(`Installed ${path}: every commit now checks the staged documents.\n`);
  return 0;
}
