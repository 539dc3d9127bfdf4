// `serve` (npm start): the site on localhost, rebuilt and reloaded when content changes.

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveNow, UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { cacheFolder } from '../io/doc-cache.js';
import { KIT_ROOT } from '../io/kit.js';
import { startWorker } from '../io/start-worker.js';
import { audienceFlag } from '../site/audience.js';

export const SERVE_USAGE = `Usage: firebreak serve [--audience public|internal|restricted] [--root DIR] [--port N] [--host ADDR] [--now DATE] [--cache DIR]

Serves the site on http://127.0.0.1:PORT (default 8080) and rebuilds it when a document changes.
Only this machine can reach it unless --host says otherwise (the internal site has staff phone numbers).
  --cache DIR   start from what loading each document found, kept in DIR by build or an earlier
                serve (default FIREBREAK_CACHE; none): the first build is the faster for it`;

export async function serveSite(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      audience: { type: 'string', default: 'internal' },
      root: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      now: { type: 'string' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${SERVE_USAGE}\n`);
    return 0;
  }
  const audience = audienceFlag(values.audience);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port: unexpected \`${values.port}\`, expected a port number`);
  if (values.now !== undefined) resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  Object.assign(process.env, { FIREBREAK_ROOT: root, FIREBREAK_AUDIENCE: audience, FIREBREAK_BASE: '/', FIREBREAK_WATCH: root });
  if (values.now !== undefined) process.env.FIREBREAK_NOW = values.now;
  const cache = cacheFolder(values.cache, io);
  if (cache !== undefined) process.env.FIREBREAK_CACHE = cache;
  else delete process.env.FIREBREAK_CACHE;
  delete process.env.FIREBREAK_BUILD_ID;
  await bindTo(values.host!);
  const { Eleventy } = await import('@11ty/eleventy');
  process.chdir(KIT_ROOT);
  const elev = new Eleventy('site', join(root, '_site'), { configPath: join(KIT_ROOT, 'site', 'eleventy.config.js'), runMode: 'serve' });
  // Started first: it loads the repository alongside Eleventy's first build.
  await quickPages(elev);
  await elev.init();
  await elev.watch();
  await elev.serve(port);
  io.stdout(`firebreak: serving the ${audience} site on http://${values.host!.includes(':') ? `[${values.host}]` : values.host}:${port}/ (Ctrl-C to stop)\n`);
  return new Promise<number>(() => {
    // runs until interrupted
  });
}

/**
 * An edited document's own pages within a second, even while a full rebuild is under way
 * (Eleventy's watcher waits for it): a thread of their own writes them (site/quick-worker.ts),
 * then the browsers reload. Eleventy's own rebuild follows and brings every other page up to date.
 */
async function quickPages(elev: unknown): Promise<void> {
  const server = (elev as { eleventyServe?: { reload?(event: { files: string[] }): Promise<void> } }).eleventyServe;
  // Which came first, a build's reading of the documents or a quick page: one counter, both threads.
  const events = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker('site/quick-worker', { env: { ...process.env }, events });
  worker.unref();
  worker.on('message', (m: { pages?: string[] }) => {
    if (m.pages) void server?.reload?.({ files: m.pages.map((p) => `/${p}`) });
  });
  worker.on('error', () => {
    // Only a speed-up: the full rebuild still writes every page.
  });
  // The same module as the templates' (as in build): it knows when a build has written the site.
  const data = await import('../site/data.js');
  data.onBuilt(events, (readAt) => worker.postMessage({ built: readAt }));
}

/**
 * Eleventy's dev server listens on every interface and has no option to choose one; the internal
 * site holds staff phone numbers, so it listens on `host` only (127.0.0.1 unless told).
 */
async function bindTo(host: string): Promise<void> {
  const mod = (await import('@11ty/eleventy-dev-server')) as unknown as { default: { prototype: Record<string, unknown> } };
  const proto = mod.default.prototype;
  if (typeof proto._serverListen !== 'function') throw new Error('@11ty/eleventy-dev-server changed: update bindTo() in scripts/commands/serve.ts');
  proto._serverListen = function listen(this: { server: { listen(o: { port: number; host: string }): void } }, port: number) {
    this.server.listen({ port, host });
  };
}
