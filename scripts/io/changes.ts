// What a commit or a pull request changes, from git: the set of documents a blocking check
// reports on, and the documents it adds (whose ids must be free on the base branch).

import { git, gitMaybe, parseChanges, type Change } from './git.js';
import { UsageError } from './clock.js';

export interface ChangeSet {
  /** What the changes are compared with, for messages: `HEAD`, `origin/main`. */
  against: string;
  changes: Change[];
}

/** The staged changes: the index against HEAD (everything, before the first commit). */
export function stagedChanges(root: string): ChangeSet {
  const head = gitMaybe(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head === undefined) {
    const files = git(root, ['ls-files', '-z']).toString('utf8').split('\0').filter(Boolean);
    return { against: 'an empty repository', changes: files.map((path) => ({ status: 'A' as const, path })) };
  }
  return { against: 'HEAD', changes: parseChanges(git(root, ['diff', '--cached', '--name-status', '-z', '--no-renames', 'HEAD', '--']).toString('utf8')) };
}

/**
 * The changes of a branch against `base`: from where it left the base (their merge base) to the
 * working tree. In a shallow clone the merge base must have been fetched: on GitHub, check out
 * the pull request's merge commit with `fetch-depth: 2` and pass `--base HEAD^1`.
 */
export function branchChanges(root: string, base: string): ChangeSet {
  if (gitMaybe(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]) === undefined) {
    throw new UsageError(`--base: \`${base}\` is not a commit here; fetch it first (for example \`git fetch origin main\`)`);
  }
  const mergeBase = gitMaybe(root, ['merge-base', base, 'HEAD'])?.trim();
  if (!mergeBase) {
    throw new UsageError(`--base: cannot find where this branch left \`${base}\` (a shallow clone?); fetch more history (\`git fetch --deepen=100\`, or \`fetch-depth: 0\`), or on a pull request's merge commit pass \`--base HEAD^1\``);
  }
  return { against: base, changes: parseChanges(git(root, ['diff', '--name-status', '-z', '--no-renames', mergeBase, '--']).toString('utf8')) };
}

/** The bytes of `path` at `ref`, or undefined. */
export function blobAt(root: string, ref: string, path: string): Buffer | undefined {
  try {
    return git(root, ['cat-file', 'blob', `${ref}:${path}`]);
  } catch {
    return undefined;
  }
}
