// The site's global data: the same loader and checks as `check`, for the audience of the build.
// site/_data/firebreak.js calls this; Eleventy never sees content files themselves.

import { collectDiagnostics } from '../core/check.js';
import { resolveNow } from '../io/clock.js';
import { loadRepo } from '../io/load-repo.js';
import { AUDIENCES, type Audience } from './audience.js';
import { buildSiteData, type SiteData } from './site-data.js';

let cached: { key: string; data: Promise<SiteData> } | undefined;

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
export function currentSite(): Promise<SiteData> {
  return cached?.data ?? siteData();
}

async function loadSiteData(env: Record<string, string | undefined>): Promise<SiteData> {
  const audience = (env.FIREBREAK_AUDIENCE ?? 'internal') as Audience;
  if (!AUDIENCES.includes(audience)) throw new Error(`FIREBREAK_AUDIENCE: unexpected \`${audience}\`, expected public, internal or restricted`);
  const root = env.FIREBREAK_ROOT ?? process.cwd();
  const now = resolveNow(undefined, env);
  // The site shows what the front matter and the rules say; Markdown linting is check's job
  // (parsing every body with remark would cost more than rendering the whole site).
  const repo = await loadRepo(root, { markdown: false });
  const { diagnostics } = collectDiagnostics({ model: repo.model, config: repo.config, placer: repo.placer, diagnostics: repo.diagnostics }, now);
  return buildSiteData({ model: repo.model, diagnostics, now, audience, base: env.FIREBREAK_BASE ?? '/', policy: repo.config.policy, config: repo.config });
}

export * from './pages/index.js';
