// Ids already taken: by this repository's documents and, when a base branch is known, by its
// documents too, so that `new` and `renumber` do not take a number another branch merged.

import type { Model } from '../core/model/types.js';
import { gitMaybe } from './git.js';
import { treePaths } from './sources.js';

/** The base to compare with: the given ref, else origin/HEAD when the clone has it. */
export function defaultBase(root: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  return gitMaybe(root, ['rev-parse', '--verify', '--quiet', 'refs/remotes/origin/HEAD']) ? 'origin/HEAD' : undefined;
}

/** Lowercase ids and file names in use here and on the base. */
export function takenOn(root: string, model: Model, base?: string): { ids: Set<string>; base?: string } {
  const ids = new Set<string>();
  for (const d of model.docs) {
    if (d.id) ids.add(d.id.toLowerCase());
    ids.add(d.file.replace(/^.*\//, '').replace(/\.md$/i, '').toLowerCase());
  }
  const ref = defaultBase(root, base);
  if (ref === undefined) return { ids };
  for (const p of treePaths(root, ref) ?? []) ids.add(p.replace(/^.*\//, '').replace(/\.md$/i, '').toLowerCase());
  return { ids, base: ref };
}
