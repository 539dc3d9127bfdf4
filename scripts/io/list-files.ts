// Every Markdown document under the content folders, in a stable order. Links are not
// followed: a symlink in a pull request could otherwise pull any file into a build.

import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import type { Folder } from '../core/model/types.js';

export const CONTENT_FOLDERS: readonly Folder[] = ['contacts', 'plans', 'incidents'];

export interface ContentFile {
  file: string;
  folder: Folder;
}

/** List content files (repo-relative, `/`-separated); README.md files are documentation, not documents. */
export function listContentFiles(root: string): { files: ContentFile[]; findings: Finding[] } {
  const files: ContentFile[] = [];
  const findings: Finding[] = [];
  for (const folder of CONTENT_FOLDERS) {
    walk(root, folder, folder, files, findings);
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, findings };
}

function walk(root: string, rel: string, folder: Folder, files: ContentFile[], findings: Finding[]): void {
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
      if (entry.name.toLowerCase().endsWith('.md') || lstatSync(join(root, path)).isSymbolicLink()) {
        findings.push({
          ruleId: 'parse/symlink', file: path, line: 1, column: 1,
          message: 'Unexpected symbolic link in a content folder, expected a regular file or folder.',
          hint: 'Replace the link with the file itself; links are never followed.',
        });
      }
      continue;
    }
    if (entry.isDirectory()) walk(root, path, folder, files, findings);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      files.push({ file: path, folder });
    }
  }
}
