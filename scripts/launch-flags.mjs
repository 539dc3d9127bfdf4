// The V8 flags the launcher (scripts/firebreak.mjs) restarts a long job with: pure, so a table of
// cases can test it.

import { join, resolve } from 'node:path';

/**
 * Build and serve: one thread of collection (the workers parse documents) and a larger young
 * generation (rendering makes short-lived strings, and fewer are copied before they die: 4–5%
 * faster on the 10,000-document benchmark, paired runs). Build also exposes the collector, to
 * let go of the model and the site's data before Pagefind runs beside it (when Eleventy still held
 * every page, this took the build's process from 900 to 490 MB on that benchmark).
 * check: one thread of collection, except when it finds a warm cache (`--cache DIR` or
 * FIREBREAK_CACHE holding one). Then it parses nothing in worker threads and deserialises the
 * model on one thread, and the collector's helper threads shorten its pauses (1.9 -> 1.7 s on the
 * 10,000-document benchmark).
 *
 * @param {string[]} args the command line after the program
 * @param {Record<string, string | undefined>} env
 * @param {(path: string) => boolean} exists
 * @param {string} cwd
 * @returns {string[]}
 */
export function flagsFor(args, env, exists, cwd) {
  if (args[0] === 'build') return ['--single-threaded-gc', '--max-semi-space-size=32', '--expose-gc'];
  if (args[0] === 'serve') return ['--single-threaded-gc', '--max-semi-space-size=32'];
  const i = args.findIndex((a) => a === '--cache' || a.startsWith('--cache='));
  const dir = i === -1 ? env.FIREBREAK_CACHE || undefined : args[i] === '--cache' ? args[i + 1] : args[i].slice('--cache='.length);
  // The file of the kind of load asked for (scripts/io/doc-cache.ts).
  const file = args.includes('--no-markdown') ? 'documents.front-matter.v8' : 'documents.v8';
  const warm = args[0] === 'check' && dir !== undefined && exists(join(resolve(cwd, dir), file));
  return warm ? [] : ['--single-threaded-gc'];
}

/**
 * The flags to restart the launcher with, or undefined to run the job in this process. A short job
 * runs where it is. A long one needs the optimising compiler and its flags: it restarts only when
 * this process lacks one of them, or runs with the optimiser off (`--no-opt`, as older hooks start
 * it). A check that finds a warm cache needs no flag, and saves the second start (about 80 ms).
 *
 * @param {readonly string[]} execArgv this process's Node flags
 * @param {boolean} long whether the job runs for seconds
 * @param {() => string[]} flags the flags it wants (`flagsFor`), asked only for a long job
 * @returns {string[] | undefined}
 */
export function restartWith(execArgv, long, flags) {
  if (!long) return undefined;
  const wanted = flags();
  return execArgv.includes('--no-opt') || wanted.some((f) => !execArgv.includes(f)) ? wanted : undefined;
}
