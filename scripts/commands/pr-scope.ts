// `pr-scope`: a pull request that says it only records incident notes must not also change the
// kit's code, schemas, site or workflows (those belong to reviewed kit changes, see CODEOWNERS).

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { branchChanges } from '../io/changes.js';
import { topLevel } from '../io/git.js';

export const PR_SCOPE_USAGE = `Usage: firebreak pr-scope [--body-file F] [--changed-file F | --base REF]
  The pull request's description (default: from GITHUB_EVENT_PATH) and changed files (default: what changed since the branch left REF).`;

const NOTES_ONLY = /^\s*[-*]\s*\[[xX]\]\s*This pull request only records incident notes/m;
const CONTENT = /^(contacts|plans|incidents)\//;

/** The changed files that do not belong in a notes-only pull request. */
export function outOfScope(body: string, changed: readonly string[]): string[] {
  if (!NOTES_ONLY.test(body)) return [];
  return changed.filter((f) => !CONTENT.test(f));
}

export async function prScope(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { 'body-file': { type: 'string' }, 'changed-file': { type: 'string' }, base: { type: 'string' } } });
  let body = '';
  if (values['body-file']) body = readFileSync(values['body-file'], 'utf8');
  else if (io.env.GITHUB_EVENT_PATH) body = (JSON.parse(readFileSync(io.env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { body?: string } }).pull_request?.body ?? '';
  let changed: string[];
  if (values['changed-file']) changed = readFileSync(values['changed-file'], 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  else if (values.base) changed = branchChanges(topLevel(io.cwd) ?? io.cwd, values.base).changes.map((c) => c.path);
  else throw new UsageError('give --changed-file or --base');
  const wrong = outOfScope(body, changed);
  if (wrong.length === 0) {
    io.stdout('pr-scope: fine.\n');
    return 0;
  }
  for (const f of wrong) io.stdout(`::error file=${f}::This pull request says it only records incident notes, but it changes ${f}. Split kit changes into their own pull request.\n`);
  return 1;
}
