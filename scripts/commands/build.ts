// `build`: the site for one audience, through Eleventy, then the leak guard, then the search
// index. Builds into a fresh folder and only then replaces the output, so a failed or leaking
// build never leaves a half-written or over-sharing site behind.

import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { formatInstant } from '../core/model/time.js';
import { resolveNow, UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { cacheFolder } from '../io/doc-cache.js';
import { KIT_ROOT } from '../io/kit.js';
import { findLeaksParallel, pageSize, startLeakGuard, type Leak } from '../io/leak-guard.js';
import { writeSearchIndex } from '../io/search-index.js';
import { audienceFlag, type Withheld } from '../site/audience.js';
import { makeFolders, pageFolders } from '../site/page-folders.js';

export const BUILD_USAGE = `Usage: firebreak build [--audience public|internal|restricted] [--root DIR] [--out DIR] [--now DATE] [--base /path/] [--no-search] [--cache DIR]

Builds the site from the repository's contacts, plans and incidents.
  --audience A  public: public incidents, no personal channels; internal (default): public and
                internal incidents; restricted: everything
  --out DIR     output folder (default: _site in the repository); replaced only if it holds a
                previous build (or nothing)
  --base PATH   URL path the site is served under (default /)
  --no-search   skip the Pagefind search index
  --cache DIR   keep what loading each document found in DIR and reuse it while the document,
                the kit and the configuration are unchanged (default FIREBREAK_CACHE; none);
                the folder can be check's: each keeps its own file there`;

const MARKER = '.firebreak-build';

export async function build(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      audience: { type: 'string', default: 'internal' },
      root: { type: 'string' },
      out: { type: 'string' },
      now: { type: 'string' },
      base: { type: 'string', default: '/' },
      origin: { type: 'string' },
      'no-search': { type: 'boolean' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${BUILD_USAGE}\n`);
    return 0;
  }
  const audience = audienceFlag(values.audience);
  const now = resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  const out = resolve(io.cwd, values.out ?? join(root, '_site'));
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, MARKER))) {
    throw new UsageError(`--out: ${out} is not empty and was not written by firebreak build; refusing to replace it`);
  }
  const base = `/${(values.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

  const env = process.env;
  Object.assign(env, { FIREBREAK_BUILD_ID: randomUUID(), FIREBREAK_ROOT: root, FIREBREAK_AUDIENCE: audience, FIREBREAK_NOW: formatInstant(now.ms, 'second'), FIREBREAK_BASE: base });
  if (values.origin) env.FIREBREAK_ORIGIN = values.origin;
  const cache = cacheFolder(values.cache, io);
  if (cache !== undefined) env.FIREBREAK_CACHE = cache;
  else delete env.FIREBREAK_CACHE;
  const times: [string, number][] = [];
  const timed = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    times.push([label, performance.now() - t]);
    return r;
  };

  const tmp = mkdtempSync(join(dirname(out), `.firebreak-build-`));
  let guarded: string;
  try {
    const { leaks, early, forbidden } = await renderSite(tmp, env, timed);
    guarded = forbidden.length === 0 ? `nothing is withheld from a ${audience} build` : `the leak guard read ${early} page${early === 1 ? '' : 's'} as rendered, each file then found identical`;
    // Then the search index (Pagefind's binary, in parts), which the guard reads too;
    // nothing is published unless the guard passes.
    if (leaks.length === 0 && !values['no-search']) {
      // Nothing holds the model or Eleventy's pages any longer: collected, so that they are not
      // held beside Pagefind's processes. Only when the launcher exposes the collector
      // (scripts/launch-flags.mjs).
      (globalThis as { gc?: () => void }).gc?.();
      await timed('search index (Pagefind)', () => writeSearchIndex(tmp));
      leaks.push(...(await timed('leak guard (the search index)', () => findLeaksParallel(tmp, forbidden, undefined, 'pagefind'))));
    }
    if (leaks.length > 0) {
      // The value is never printed: CI logs are read more widely than the site.
      for (const l of leaks.slice(0, 20)) io.stderr(`firebreak build: withheld content from ${l.from} (${l.field}) found in ${l.file}\n`);
      io.stderr(`firebreak build: refusing to publish a ${audience} build that contains withheld content (${leaks.length} finding${leaks.length === 1 ? '' : 's'}).\n`);
      return 1;
    }
    writeFileSync(join(tmp, MARKER), `${audience}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const problems = times.map(([label, ms]) => `  ${label.padEnd(36)} ${(ms / 1000).toFixed(2)} s`).join('\n');
  io.stdout(`firebreak build: ${audience} site in ${out} (as of ${now.date})\n${problems}\n  ${guarded}\n`);
  return 0;
}

type Timed = <T>(label: string, f: () => Promise<T>) => Promise<T>;

/**
 * The site's pages written into `tmp` (Eleventy renders, the kit writes), with the leak guard
 * reading them alongside: what it found, how many pages it read as rendered, and what is withheld
 * (the search index is guarded against it too). A function of its own, so that once it returns
 * nothing holds the model, the site's data or Eleventy's state.
 */
async function renderSite(tmp: string, env: NodeJS.ProcessEnv, timed: Timed): Promise<{ leaks: Leak[]; early: number; forbidden: readonly Withheld[] }> {
  const { Eleventy } = await import('@11ty/eleventy');
  // The same module as the templates' (site/_data/firebreak.js): the model is loaded once.
  const data = await import('../site/data.js');
  const site = await timed('load and check', () => data.siteData(env));
  // The pages' folders are made on other threads while Eleventy starts.
  const folders = makeFolders(tmp, pageFolders(site));
  // Each page is written as it is rendered (scripts/site/data.ts's renderPage), and the leak
  // guard, in threads of its own, reads its text then, and compares the file with it once
  // written (reading any file that differs).
  const guard = startLeakGuard(tmp, site.forbidden);
  const inOutput = (outputPath: string) => relative(tmp, resolve(KIT_ROOT, outputPath)).split(sep).join('/');
  data.onPage({
    rendered: (outputPath, content) => guard.rendered(inOutput(outputPath), content),
    written: (outputPath, content) => guard.page(inOutput(outputPath), pageSize(content)),
  });
  const cwd = process.cwd();
  process.chdir(KIT_ROOT);
  try {
    // Dry: Eleventy renders, the kit writes. Its summary ("Wrote 0 files") and its own report of
    // a failure (the build reports it) are not printed.
    const elev = new Eleventy('site', tmp, { configPath: join(KIT_ROOT, 'site', 'eleventy.config.js'), quietMode: true, dryRun: true });
    elev.disableLogger();
    for (const [from, to] of Object.entries(data.PASSTHROUGH)) cpSync(join(KIT_ROOT, from), join(tmp, to), { recursive: true });
    await timed('render (Eleventy), the leak guard alongside', () => elev.write());
  } catch (error) {
    // Nothing is published; the guard's threads would keep the process alive.
    await guard.stop();
    throw error;
  } finally {
    await folders;
    process.chdir(cwd);
    data.onPage(undefined);
    data.forgetSite();
  }
  const leaks = await timed('leak guard (what remains)', () => guard.finish());
  return { leaks, early: guard.readEarly(), forbidden: site.forbidden };
}
