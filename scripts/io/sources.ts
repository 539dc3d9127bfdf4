// Where a repository's documents are read from: the working tree, the git index (what the next
// commit holds: the pre-commit hook), or a commit. Every command reads through one of these,
// so that the hook checks exactly what will be committed, deletions included.

import { join } from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import type { Folder } from '../core/model/types.js';
import { git, gitMaybe, parseEntries, readBlobs, type TreeEntry } from './git.js';
import { readCapped } from './read.js';
import { CONTENT_FOLDERS, isDocumentName, symlink, walk, type ContentFile } from './walk.js';
import { CONFIG_FILE } from '../core/config.js';
export { CONFIG_FILE, CONTENT_FOLDERS, isDocumentName, readCapped, type ContentFile };

export interface ContentSource {
  /** What is read: `working tree`, `the index`, `<ref>`. */
  readonly label: string;
  /** Content documents, sorted, and what listing found wrong (symbolic links). */
  list(): { files: ContentFile[]; findings: Finding[] };
  /**
   * A file's bytes; at most `limit + 1` bytes are read, so an oversized (or sparse) file is
   * refused by size without being read whole.
   */
  read(file: string, limit: number): Uint8Array;
  /** firebreak.yml, when there is one. */
  config(): string | undefined;
  /** Bytes already in memory (git sources), to hand to worker threads instead of a path. */
  preloaded(): ReadonlyMap<string, Uint8Array> | undefined;
  /** The folder files are read from, when they are on disk: a thread of its own may read them. */
  readonly dir?: string;
}

function folderOf(path: string): Folder | undefined {
  const top = path.slice(0, path.indexOf('/'));
  return (CONTENT_FOLDERS as readonly string[]).includes(top) ? (top as Folder) : undefined;
}

const byFile = (a: ContentFile, b: ContentFile) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The files on disk. Links are not followed: a symlink in a pull request could pull any file in. */
export function workingTree(root: string): ContentSource {
  // Walked once per source: a command that asks twice (which bodies to analyse, then the load)
  // reads the folders once.
  let listed: { files: ContentFile[]; findings: Finding[] } | undefined;
  return {
    label: 'working tree',
    dir: root,
    list() {
      if (listed) return listed;
      const files: ContentFile[] = [];
      const findings: Finding[] = [];
      for (const folder of CONTENT_FOLDERS) walk(root, folder, folder, files, findings);
      files.sort(byFile);
      return (listed = { files, findings });
    },
    read: (file, limit) => readCapped(join(root, file), limit),
    config() {
      try {
        return new TextDecoder().decode(readCapped(join(root, CONFIG_FILE), 1 << 20));
      } catch {
        return undefined;
      }
    },
    preloaded: () => undefined,
  };
}

/** Documents as git holds them: the index (`ref` undefined) or a commit's tree. */
function gitSource(root: string, label: string, entries: TreeEntry[], configOid: string | undefined): ContentSource {
  const files: ContentFile[] = [];
  const findings: Finding[] = [];
  const oids = new Map<string, string>();
  for (const e of entries) {
    const folder = folderOf(e.path);
    const name = e.path.slice(e.path.lastIndexOf('/') + 1);
    if (!folder || e.path.split('/').some((part) => part.startsWith('.'))) continue;
    if (e.mode === '120000') {
      if (name.toLowerCase().endsWith('.md')) findings.push(symlink(e.path));
      continue;
    }
    if (!isDocumentName(name) || e.mode === '160000') continue;
    files.push({ file: e.path, folder });
    oids.set(e.path, e.oid);
  }
  files.sort(byFile);
  const blobs = readBlobs(root, [...oids.values(), ...(configOid ? [configOid] : [])]);
  const contents = new Map<string, Uint8Array>();
  for (const [path, oid] of oids) contents.set(path, blobs.get(oid) ?? new Uint8Array());
  return {
    label,
    list: () => ({ files: [...files], findings: [...findings] }),
    read: (file) => contents.get(file) ?? new Uint8Array(),
    config: () => (configOid && blobs.has(configOid) ? blobs.get(configOid)!.toString('utf8') : undefined),
    preloaded: () => contents,
  };
}

const PATHSPEC = [...CONTENT_FOLDERS, CONFIG_FILE];

/** What the next commit will hold: the git index. */
export function gitIndex(root: string): ContentSource {
  const entries = parseEntries(git(root, ['ls-files', '-s', '-z', '--', ...PATHSPEC]).toString('utf8'), 'index');
  return gitSource(root, 'the index', entries, entries.find((e) => e.path === CONFIG_FILE)?.oid);
}

/** A commit's documents. */
export function gitTree(root: string, ref: string): ContentSource {
  const entries = parseEntries(git(root, ['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...PATHSPEC]).toString('utf8'), 'tree');
  return gitSource(root, ref, entries, entries.find((e) => e.path === CONFIG_FILE)?.oid);
}

/** The paths of a commit's documents (names only, nothing read): for comparing ids with a base. */
export function treePaths(root: string, ref: string): string[] | undefined {
  const out = gitMaybe(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', ref, '--', ...CONTENT_FOLDERS]);
  return out?.split('\0').filter((p) => p !== '' && isDocumentName(p.slice(p.lastIndexOf('/') + 1)));
}
