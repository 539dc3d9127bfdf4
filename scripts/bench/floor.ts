// The front-matter floor: read every file and parse its front matter with the `yaml` package,
// nothing else, on one thread; and reading and hashing every file. What check is measured against.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { workingTree } from '../io/sources.js';

/** Every document's path, as the loader lists them. */
function files(root: string): string[] {
  return workingTree(root).list().files.map((f) => join(root, f.file));
}

/** Parse every document's front matter; returns how many were parsed. */
export function frontMatterFloor(root: string): number {
  let n = 0;
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    const data = parse(text.slice(4, end + 1), { schema: 'core', uniqueKeys: true });
    if (data) n++;
  }
  return n;
}

/** Read every document and hash it (what the cache's keys cost at least), on one thread. */
export function hashFloor(root: string): number {
  let n = 0;
  for (const file of files(root)) if (createHash('sha256').update(readFileSync(file)).digest('base64url')) n++;
  return n;
}
