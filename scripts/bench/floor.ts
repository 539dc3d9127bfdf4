// The front-matter floor: read every file and parse its front matter with the `yaml` package,
// nothing else, on one thread. What check is measured against.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
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

/**
 * The body floor: the front-matter floor plus remark-parse (with remark-frontmatter and
 * remark-gfm) of every document, nothing else, on one thread.
 */
export function bodyFloor(root: string): number {
  const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
  let n = 0;
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    parse(text.slice(4, end + 1), { schema: 'core', uniqueKeys: true });
    if (processor.parse(text.slice(end + 5))) n++;
  }
  return n;
}
