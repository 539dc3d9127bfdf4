// The site's global data: the same loader and checks as `check`, for the audience of the build.
// site/_data/firebreak.js calls this; Eleventy never sees content files themselves.

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

let pageListener: ((outputPath: string, content: string) => void) | undefined;
let renderListener: ((outputPath: string, content: string) => void) | undefined;

/**
 * `build`: handed every page's text as its template renders it (`rendered`), and every page as
 * it is written (`written`): the leak guard reads them alongside.
 */
export function onPage(listener: { rendered(outputPath: string, content: string): void; written(outputPath: string, content: string): void } | undefined): void {
  renderListener = listener?.rendered;
  pageListener = listener?.written;
}

/**
 * A template's page (site/*.11ty.js): its text, made by `make` from the kit's own objects (not
 * Eleventy's wrapped copies of them, on which indexes kept per object miss), and handed to the
 * listener as rendered.
 */
export async function renderPage(data: { page?: { outputPath?: unknown } }, make: (site: SiteData) => string): Promise<string> {
  const text = make(await currentSite());
  const outputPath = data.page?.outputPath;
  if (typeof outputPath === 'string') renderListener?.(outputPath, text);
  return text;
}

/** Called by site/eleventy.config.js with each page's path and text, as it is written. */
export function pageWritten(outputPath: string, content: string): void {
  pageListener?.(outputPath, content);
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
