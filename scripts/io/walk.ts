// The one walk of the content folders: the loader lists documents with it, the leak guard and the
// launcher count with it. Small on purpose: the launcher loads it before anything else.

import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import type { Folder } from '../core/model/types.js';

export const CONTENT_FOLDERS: readonly Folder[] = ['contacts', 'plans', 'incidents'];

export interface ContentFile {
  file: string;
  folder: Folder;
}

/** A document file name: Markdown, and not a folder's README. */
export function isDocumentName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && lower !== 'readme.md' && !name.startsWith('.');
}

export function symlink(path: string): Finding {
  return {
    ruleId: 'parse/symlink', file: path, line: 1, column: 1,
    message: 'Unexpected symbolic link in a content folder, expected a regular file or folder.',
    hint: 'Replace the link with the file itself; links are never followed.',
  };
}

/** Documents under `rel` (a content folder), hidden entries skipped, links reported and not followed. */
export function walk(root: string, rel: string, folder: Folder, files: ContentFile[], findings: Finding[]): void {
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      if (entry.name.toLowerCase().endsWith('.md') || lstatSync(join(root, path)).isSymbolicLink()) findings.push(symlink(path));
      continue;
    }
    if (entry.isDirectory()) walk(root, path, folder, files, findings);
    else if (entry.isFile() && isDocumentName(entry.name)) files.push({ file: path, folder });
  }
}

/**
 * How many documents the working tree holds, by the same walk the loader does (at most `limit`
 * are counted): the launcher sizes a job by it.
 */
export function countDocuments(root: string, limit = Number.POSITIVE_INFINITY): number {
  const files: ContentFile[] = [];
  const findings: Finding[] = [];
  for (const folder of CONTENT_FOLDERS) {
    if (files.length >= limit) break;
    walk(root, folder, folder, files, findings);
  }
  return Math.min(files.length, limit);
}
