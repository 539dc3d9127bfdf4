// The search index: Pagefind's binary over the documents' pages, in parts of bounded size.
//
// Pagefind holds a whole index in memory until it writes it: about 14 bytes for each byte of
// page it reads (measured: 2.1 GB for the 7,920 pages, 148 MB, of the 10,000-document benchmark
// site; 440 MB for a fifth of them). A large site is therefore indexed in parts, two at a time
// at most, each its own Pagefind bundle (`pagefind/`, then `pagefind/part-2/` and on); the search
// page merges them in the browser (Pagefind's `mergeIndex`), so a search reads them as one index.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The most page bytes one part reads (Pagefind then peaks at about 280 MB a part). */
export const PART_BYTES = 16 << 20;
/**
 * Parts indexed at a time. Pagefind's binary keeps about one core busy; two at a time use two
 * cores, and hold two parts' memory.
 */
const TOGETHER = Math.min(2, availableParallelism());
/** The file, in the first bundle, that lists the others for the search page. */
export const PARTS_FILE = 'firebreak-parts.json';
/** Pagefind's scripts and styles, which every bundle holds a copy of. */
const SCRIPTS = /^pagefind(?:-[a-z-]+)?\.(?:js|css)$/;
/**
 * Left out of the index: a table's header row and caption repeat on every page of a kind ("Contact
 * Asked Engaged", "Lesson Owner Due Status"), so every incident would match "contact" or "owner"
 * and every excerpt would start with them; they were a sixth of what Pagefind indexed.
 */
const EXCLUDED = ['thead', 'caption'];
/** Only documents' pages are searchable: lists, filters and call sheets repeat them. */
const SEARCHED = ['incidents', 'contacts', 'plans'];
/** A document id as a page folder (schema: lowercase letters, digits, hyphens): nothing in a glob to escape. */
const PLAIN = /^[a-z0-9][a-z0-9._-]*$/;

export interface SearchPage {
  /** The page's path in the site, as `incidents/inc-2026-001/index.html`. */
  path: string;
  bytes: number;
}

/**
 * The pages dealt, in their order, into as few parts as keep each near `max` bytes: page i goes
 * to part i mod n. Dealt rather than cut in runs, each part holds the same mix of incidents,
 * contacts and plans, so that word frequencies, and so the scores results are ranked by, are
 * alike in every part. One part when everything fits.
 */
export function searchParts(pages: readonly SearchPage[], max: number = PART_BYTES): string[][] {
  if (pages.length === 0) return [];
  const total = pages.reduce((sum, p) => sum + p.bytes, 0);
  const n = Math.min(pages.length, Math.max(1, Math.ceil(total / max)));
  const parts: string[][] = Array.from({ length: n }, () => []);
  pages.forEach((p, i) => parts[i % n]!.push(p.path));
  return parts;
}

/** The searchable pages in a built site, with their sizes, in a stable order. */
export function searchablePages(dir: string): SearchPage[] {
  const pages: SearchPage[] = [];
  for (const section of SEARCHED) {
    if (!existsSync(join(dir, section))) continue;
    for (const e of readdirSync(join(dir, section), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = `${section}/${e.name}/index.html`;
      // Page folders are made from checked ids: any other name is not a document's page.
      if (e.isDirectory() && PLAIN.test(e.name) && existsSync(join(dir, path))) pages.push({ path, bytes: statSync(join(dir, path)).size });
    }
  }
  return pages;
}

/**
 * Pagefind's index of the site in `dir`, written to `dir/pagefind` (and its parts beside it, in
 * that folder), with the list of parts the search page merges. Nothing is written when there is
 * nothing to search (a public site before any public post-mortem). Returns the number of parts.
 */
export async function writeSearchIndex(dir: string, max: number = PART_BYTES, together: number = TOGETHER): Promise<number> {
  const parts = searchParts(searchablePages(dir), max);
  if (parts.length === 0) return 0;
  // At most `together` parts at a time, each taking the next part not yet begun.
  let next = 0;
  const take = async (): Promise<void> => {
    for (let i = next++; i < parts.length; i = next++) {
      const paths = parts[i]!;
      const bundle = i === 0 ? 'pagefind' : `pagefind/part-${i + 1}`;
      await runPagefind(dir, bundle, paths.length === 1 ? paths[0]! : `{${paths.join(',')}}`);
      // The search page runs the first bundle's scripts; the others need only their index.
      if (i > 0) for (const f of readdirSync(join(dir, bundle))) if (SCRIPTS.test(f)) rmSync(join(dir, bundle, f));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(together, parts.length)) }, take));
  writeFileSync(join(dir, 'pagefind', PARTS_FILE), `${JSON.stringify(parts.slice(1).map((_, i) => `part-${i + 2}/`))}\n`);
  return parts.length;
}

/**
 * One Pagefind run. Its settings go in a configuration file in a folder of its own, its working
 * folder: a part's list of pages can be longer than one command-line argument may be, and no
 * pagefind.yml of the repository's, nor PAGEFIND_ variable of the environment's, changes the index.
 */
function runPagefind(site: string, outputSubdir: string, glob: string): Promise<void> {
  // The package exports only its ESM API; its own command-line entry sits beside it.
  const bin = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
  const cwd = mkdtempSync(join(tmpdir(), 'firebreak-pagefind-'));
  writeFileSync(join(cwd, 'pagefind.json'), JSON.stringify({ site, output_subdir: outputSubdir, glob, exclude_selectors: EXCLUDED }));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PAGEFIND_')));
  return new Promise<void>((resolvePromise, reject) => {
    execFile(process.execPath, [bin, '--quiet'], { cwd, env, maxBuffer: 1 << 26 }, (error, _stdout, stderr) => {
      rmSync(cwd, { recursive: true, force: true });
      if (error) reject(new Error(`pagefind failed: ${stderr || error.message}`));
      else resolvePromise();
    });
  });
}
