// The folders of the pages written one per document, made while Eleventy starts. Made one by one
// just before each page is written, on the rendering thread, they were 8,500 mkdir calls taking
// 3.5 s inside the build's render on the 10,000-document benchmark (strace -c). Made beforehand
// in a thread of their own, they are there when the page is written (scripts/site/data.ts).

import { startWorker } from '../io/start-worker.js';
import { pagePath, type SiteData } from './site-data.js';

/**
 * The output folders, relative to the site's root, of the pages one per document: incidents,
 * contacts, plans and their call sheets, and the incident filters. The same paths as the
 * templates' permalinks (site/*.11ty.js); a test holds them to it.
 */
export function pageFolders(site: SiteData): string[] {
  const out: string[] = [];
  for (const doc of site.incidents) out.push(pagePath(doc));
  for (const c of site.contacts) out.push(pagePath(c.doc));
  for (const p of site.plans) out.push(pagePath(p.doc), `${pagePath(p.doc)}call-sheet/`);
  for (const f of site.facets) out.push(`/incidents/${f.facet}/${f.value}/`);
  return out.map((p) => p.slice(1));
}

/**
 * Make `folders` under `root` in a thread of its own (site/folders-worker.ts); resolves when they
 * are made. In a thread, not as requests to libuv's pool: each answer would wait for this thread,
 * which is rendering. Only a head start: a folder not made yet is made when its page is written
 * (and a page that cannot be written fails the build).
 */
export function makeFolders(root: string, folders: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    const worker = startWorker('site/folders-worker', { root, folders });
    worker.once('message', () => resolve());
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}
