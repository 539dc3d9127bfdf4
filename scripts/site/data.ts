// The site's global data: the same loader and checks as `check`, for the audience of the build.
// site/_data/firebreak.js calls this; Eleventy never sees content files themselves.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { collectDiagnostics } from '../core/check.js';
import { resolveNow } from '../io/clock.js';
import { loadMemo, loadRepo } from '../io/load-repo.js';
import { AUDIENCES, type Audience } from './audience.js';
import { buildSiteData, type SiteData } from './site-data.js';

let cached: { key: string; data: Promise<SiteData> } | undefined;
/** In `serve` (FIREBREAK_WATCH set): the documents of the last build, kept when unchanged. */
const memo = loadMemo();
/**
 * In `serve`: the order of events shared with the quick-pages thread (a counter both threads
 * advance, not a clock), and where in it the last build read the documents.
 */
let order: Int32Array | undefined;
let readAt: number | undefined;
let builtListener: ((readAt: number) => void) | undefined;

/**
 * The site data for the environment's audience, root and date. Within one build (same
 * FIREBREAK_BUILD_ID) it is loaded once, for Eleventy and the leak guard alike.
 */
export function siteData(env: Record<string, string | undefined> = process.env): Promise<SiteData> {
  const key = JSON.stringify([env.FIREBREAK_BUILD_ID, env.FIREBREAK_AUDIENCE, env.FIREBREAK_ROOT, env.FIREBREAK_NOW, env.FIREBREAK_BASE]);
  if (env.FIREBREAK_BUILD_ID && cached?.key === key) return cached.data;
  const data = loadSiteData(env);
  cached = { key, data };
  return data;
}

/** `build`: the site's data let go of once its pages are written (the next build loads its own). */
export function forgetSite(): void {
  cached = undefined;
}

/**
 * The site data of the build under way (the one site/_data/firebreak.js loaded), as the kit's
 * own objects: Eleventy hands templates wrapped copies, on which indexes kept per object miss.
 */
function currentSite(): Promise<SiteData> {
  return cached?.data ?? siteData();
}

async function loadSiteData(env: Record<string, string | undefined>): Promise<SiteData> {
  const audience = (env.FIREBREAK_AUDIENCE ?? 'internal') as Audience;
  if (!AUDIENCES.includes(audience)) throw new Error(`FIREBREAK_AUDIENCE: unexpected \`${audience}\`, expected public, internal or restricted`);
  const root = env.FIREBREAK_ROOT ?? process.cwd();
  const now = resolveNow(undefined, env);
  // The site shows what the front matter and the rules say; Markdown linting is check's job
  // (parsing every body with remark would cost more than rendering the whole site).
  const serving = env.FIREBREAK_WATCH !== undefined;
  if (serving && order) readAt = Atomics.add(order, 0, 1);
  // What loading found is kept in FIREBREAK_CACHE (`build --cache`, `serve --cache`), as check
  // does; `serve` also keeps the documents themselves between its rebuilds, and reads the cache
  // only for its first.
  const cache = env.FIREBREAK_CACHE || undefined;
  const repo = await loadRepo(root, { markdown: false, ...(serving ? { memo } : {}), ...(cache ? { cache } : {}) });
  const { diagnostics } = collectDiagnostics({ model: repo.model, config: repo.config, placer: repo.placer, diagnostics: repo.diagnostics }, now);
  for (const problem of repo.savePlaces()) process.stderr.write(`firebreak: warning: ${problem}\n`);
  const base = env.FIREBREAK_BASE ?? '/';
  return buildSiteData({ model: repo.model, diagnostics, now, audience, base, policy: repo.config.policy, config: repo.config });
}

let pageListener: { rendered(outputPath: string, content: string): void; written(outputPath: string, content: string): void } | undefined;

/** What Eleventy copies as it is (site/eleventy.config.js), and `build` copies itself. */
export const PASSTHROUGH: Readonly<Record<string, string>> = { 'site/assets': 'assets', schemas: 'schemas' };

/**
 * `build`: each page is written as soon as its template renders it, by `renderPage`, and Eleventy
 * (run dry) is handed nothing to hold. Eleventy renders every page before it writes the first,
 * and would hold every page's text until the end (on the 10,000-document benchmark, 197 MB of
 * pages, kept at 1 or 2 bytes a character). The listener is handed each page's text as rendered
 * (`rendered`), then told it is written (`written`): the leak guard reads them alongside.
 * Undefined (`serve`, tests): Eleventy writes the pages.
 */
export function onPage(listener: typeof pageListener): void {
  pageListener = listener;
}

/**
 * A template's page (site/*.11ty.js): its text, made by `make` from the kit's own objects (not
 * Eleventy's wrapped copies of them, on which indexes kept per object miss). In a build, written
 * here and handed to the listener; Eleventy is returned nothing.
 */
export async function renderPage(data: { page?: { outputPath?: unknown } }, make: (site: SiteData) => string): Promise<string> {
  const text = make(await currentSite());
  const outputPath = data.page?.outputPath;
  if (pageListener === undefined || typeof outputPath !== 'string') return text;
  pageListener.rendered(outputPath, text);
  writePage(outputPath, text);
  pageListener.written(outputPath, text);
  return '';
}

/**
 * Called by site/eleventy.config.js with each page as Eleventy is about to write it. In a build,
 * every page was written by `renderPage` and Eleventy is left nothing: a template that made a page
 * another way would leave it unwritten (Eleventy runs dry), so it fails the build.
 */
export function leftToWrite(outputPath: unknown, content: unknown): void {
  if (pageListener !== undefined && typeof outputPath === 'string' && content !== '') throw new Error(`${outputPath}: a page made without renderPage (scripts/site/data.ts) would not be written`);
}

/** The page's file, its folder made if it is not there yet (most are made beforehand: site/page-folders.ts). */
function writePage(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/**
 * `serve`: told when a full build has written the site, with where in `events` (a counter shared
 * with the quick-pages thread) it read the documents.
 */
export function onBuilt(events: Int32Array, listener: (readAt: number) => void): void {
  order = events;
  builtListener = listener;
}

/** Called by site/eleventy.config.js when a build has written the site. */
export function built(): void {
  if (readAt !== undefined) builtListener?.(readAt);
}

export * from './pages/index.js';
export { pagePath } from './site-data.js';
