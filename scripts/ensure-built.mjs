// Compile the kit (TypeScript → dist/, schemas → dist/validators.cjs) when its sources are newer
// than the last build, so that every command starts from fast compiled JavaScript.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KIT = dirname(dirname(fileURLToPath(import.meta.url)));
const STAMP = join(KIT, 'dist', '.built');

function newest(dir, accept) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, accept));
    else if (accept(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * unist-util-visit-parents names every visitor function after the node it visits (a debugging
 * aid): a string and a defineProperty per node per lint rule, about a fifth of linting time.
 * The bundle leaves the names out; behaviour is unchanged.
 */
const dropVisitorNames = {
  name: 'drop-visitor-names',
  setup(build) {
    build.onLoad({ filter: /unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(/Object\.defineProperty\(visit, 'name', \{[\s\S]*?\n {6}\}\)/, '/* visitor names left out */');
      if (patched === source) throw new Error('unist-util-visit-parents changed: update drop-visitor-names in scripts/ensure-built.mjs');
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * markdown-it's published build sets each class field through a helper, `_defineProperty(this,
 * "map", null)`: every token the parser makes goes through a call whose stores V8 cannot cache.
 * Written as plain assignments (`this.map = null`), rendering bodies takes 35–45% less time. The
 * helper itself assigns whenever the object does not hold the key yet, as in these constructors,
 * and no prototype there has a setter: behaviour is unchanged (the site is byte-identical).
 */
const FIELD = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"(\w+)",\s*([^;]*?)\s*\);/g;

/** markdown-it's build with its fields assigned; throws when the build no longer has the expected form. */
export function assignFields(source) {
  let count = 0;
  const patched = source.replace(FIELD, (_, key, value) => {
    count++;
    return `this.${key} = ${value};`;
  });
  if (count < 40 || /_defineProperty\(\s*this\b/.test(patched)) throw new Error('markdown-it changed: update assignFields in scripts/ensure-built.mjs');
  return patched;
}

const fieldsAsAssignments = {
  name: 'fields-as-assignments',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, (args) => ({ contents: assignFields(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

/** Build if needed; returns false (after printing why) when the build fails. */
export async function ensureBuilt({ force = false, quiet = false } = {}) {
  const sources = Math.max(
    newest(join(KIT, 'scripts'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts')),
    newest(join(KIT, 'schemas'), (n) => n.endsWith('.json')),
    statSync(join(KIT, 'scripts', 'ensure-built.mjs')).mtimeMs,
    statSync(join(KIT, 'tsconfig.json')).mtimeMs,
  );
  if (!force && builtAt() >= sources) return true;
  if (!quiet) process.stderr.write('firebreak: compiling the kit…\n');
  try {
    // Build beside dist/ and swap it in whole, so that a process using dist/ meanwhile (a test
    // run, a benchmark) never sees it half-written.
    const next = join(KIT, `dist.next-${process.pid}`);
    rmSync(next, { recursive: true, force: true });
    // One bundle per entry point: start-up then reads a few files instead of hundreds of modules.
    // Types are checked by `npm test` (tsc --noEmit), not here.
    const esbuild = createRequire(import.meta.url)('esbuild');
    await esbuild.build({
      absWorkingDir: KIT,
      entryPoints: ['scripts/cli.ts', 'scripts/io/worker.ts', 'scripts/io/leak-worker.ts', 'scripts/site/quick-worker.ts', 'scripts/build-validators.ts', 'scripts/bench/run.ts', 'scripts/site/data.ts', 'scripts/io/walk.ts', 'scripts/io/read-worker.ts', 'scripts/site/folders-worker.ts'],
      external: ['@11ty/eleventy', '@11ty/eleventy-dev-server', 'pagefind', 'json-schema-to-typescript'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      splitting: true,
      outbase: 'scripts',
      outdir: next,
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'warning',
      plugins: [dropVisitorNames, fieldsAsAssignments],
      banner: { js: "import { createRequire as __firebreakRequire } from 'node:module'; const require = __firebreakRequire(import.meta.url);" },
    });
    execFileSync(process.execPath, [join(next, 'build-validators.js')], { stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'], env: { ...process.env, FIREBREAK_DIST: next } });
    // The stamp's modification time is what counts; its text records which sources were built.
    writeFileSync(join(next, '.built'), `${sources}\n`);
    const old = join(KIT, `dist.old-${process.pid}`);
    try {
      renameSync(join(KIT, 'dist'), old);
    } catch {
      // no previous build
    }
    renameSync(next, join(KIT, 'dist'));
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    if (error && !error.errors) process.stderr.write(`${error.message ?? error}\n`);
    process.stderr.write('firebreak: the kit does not compile; fix the errors above.\n');
    return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = (await ensureBuilt({ force: true, quiet: true })) ? 0 : 3;
}
