// `npm run bench`: write a synthetic repository, then measure check against the floors (time and
// peak memory, each in its own process), and start-up on the example content. check runs as
// `npm run check` runs it (node --single-threaded-gc).
// `npm run bench -- --write DIR [--count N]` only writes the corpus.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KIT_ROOT } from '../io/kit.js';
import { BENCH_NOW, writeCorpus } from './corpus.js';
import { bodyFloor, frontMatterFloor } from './floor.js';

const { values } = parseArgs({
  options: {
    write: { type: 'string' },
    count: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'in-process-floor': { type: 'string' },
    'in-process-body-floor': { type: 'string' },
    site: { type: 'boolean', default: true },
    'no-site': { type: 'boolean' },
    hostile: { type: 'boolean' },
  },
});

if (values['in-process-floor']) {
  frontMatterFloor(values['in-process-floor']);
  process.exit(0);
}
if (values['in-process-body-floor']) {
  bodyFloor(values['in-process-body-floor']);
  process.exit(0);
}

if (values.hostile) {
  await hostileBench();
  process.exit(process.exitCode ?? 0);
}

const count = Number(values.count);
if (values.write) {
  const dir = resolve(values.write);
  const n = writeCorpus(dir, count);
  process.stdout.write(`wrote ${n} documents to ${dir} (valid as of ${BENCH_NOW}: firebreak check --root ${dir} --now ${BENCH_NOW})\n`);
  process.exit(0);
}

interface Sample {
  seconds: number;
  mb: number;
  code: number | null;
  stdout: string;
}

const work = mkdtempSync(join(tmpdir(), 'firebreak-bench-'));
const rss = join(work, 'rss.mjs');
writeFileSync(rss, "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, `\\nFIREBREAK_MAXRSS ${process.resourceUsage().maxRSS}\\n`));\n");

function measure(args: string[]): Sample {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', rss, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(/FIREBREAK_MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, mb: kb / 1024, code: r.status, stdout: r.stdout };
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function repeat(args: string[], runs: number): Sample {
  return median(Array.from({ length: runs }, () => measure(args)));
}

const runs = Number(values.runs);
const corpus = join(work, 'corpus');
const t0 = performance.now();
const n = writeCorpus(corpus, count);
process.stdout.write(`corpus: ${n} documents in ${corpus} (${((performance.now() - t0) / 1000).toFixed(1)} s to write)\n`);

const cli = join(KIT_ROOT, 'dist', 'cli.js');
const self = join(KIT_ROOT, 'dist', 'bench', 'run.js');
// As `npm run check` runs them: large jobs with --single-threaded-gc, small ones with --no-opt
// (scripts/firebreak.mjs chooses by the number of documents).
const GC = '--single-threaded-gc';
const check = repeat([GC, cli, 'check', '--root', corpus, '--now', BENCH_NOW, '--format', 'json'], runs);
const checkOne = repeat([GC, cli, 'check', '--root', corpus, '--now', BENCH_NOW, '--format', 'json', '--workers', '0'], 1);
const checkFrontMatter = repeat([GC, cli, 'check', '--root', corpus, '--now', BENCH_NOW, '--format', 'json', '--no-markdown'], runs);
const floor = repeat([self, '--in-process-floor', corpus], runs);
const floor2 = repeat([self, '--in-process-body-floor', corpus], runs);
const floor2Gc = repeat([GC, self, '--in-process-body-floor', corpus], 1);
const startup = repeat(['--no-opt', cli, 'check', '--root', KIT_ROOT, '--now', BENCH_NOW], 5);

const row = (name: string, s: Sample) => `${name.padEnd(48)} ${s.seconds.toFixed(2).padStart(7)} s ${s.mb.toFixed(0).padStart(6)} MB${s.code ? `  (exit ${s.code})` : ''}`;
process.stdout.write([
  '',
  `median of ${runs} runs (start-up: of 5), each in its own process`,
  'front matter only (check --no-markdown):',
  row('  check (worker threads)', checkFrontMatter),
  row('  floor: read + yaml, one thread', floor),
  `${'  ratio'.padEnd(48)} ${(checkFrontMatter.seconds / floor.seconds).toFixed(2).padStart(7)} ×   (target ≤ 1.5×, peak < 500 MB)`,
  'full check (front matter, bodies, lint, every rule):',
  row('  check (worker threads)', check),
  row('  check (one thread, --workers 0)', checkOne),
  row('  floor: read + yaml + remark-parse, one thread', floor2),
  `${'  ratio'.padEnd(48)} ${(check.seconds / floor2.seconds).toFixed(2).padStart(7)} ×   (target ≤ 1.0×, peak < 700 MB)`,
  row('  the same floor with --single-threaded-gc', floor2Gc),
  `${'  ratio to it'.padEnd(48)} ${(check.seconds / floor2Gc.seconds).toFixed(2).padStart(7)} ×`,
  row('start-up: check of the example repository', startup),
  '',
  'For comparison (not run here: it takes minutes), remark-cli with remark-lint-frontmatter-schema:',
  `  npm run bench -- --write DIR && npx -y -p remark-cli -p remark-frontmatter -p remark-gfm -p remark-preset-lint-recommended -p remark-lint-frontmatter-schema remark DIR --quiet --frail --use remark-frontmatter --use remark-gfm --use remark-preset-lint-recommended --use remark-lint-frontmatter-schema`,
  '',
].join('\n'));
if (!values['no-site']) {
  // The site: the kit's build (without and with the search index), and bare Eleventy 3 over the
  // same Markdown files with one trivial layout and no kit code.
  const out = join(work, 'site');
  const build = (extra: string[]) => {
    rmSync(out, { recursive: true, force: true });
    return measure([GC, cli, 'build', '--root', corpus, '--out', out, '--now', BENCH_NOW, ...extra]);
  };
  const noSearch = build(['--no-search']);
  const withSearch = build([]);
  const bare = join(work, 'bare');
  mkdirSync(join(bare, 'includes'), { recursive: true });
  writeFileSync(join(bare, 'includes', 'base.njk'), '<!doctype html><html lang="en"><head><title>{{ title or name }}</title></head><body>{{ content | safe }}</body></html>\n');
  writeFileSync(join(bare, 'eleventy.config.cjs'), `module.exports = (c) => { c.addGlobalData('layout', 'base.njk'); return { dir: { input: ${JSON.stringify(corpus)}, output: ${JSON.stringify(join(bare, 'out'))}, includes: ${JSON.stringify(relative(corpus, join(bare, 'includes')))} } }; };\n`);
  const eleventyCli = join(KIT_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const bareRun = measure([eleventyCli, `--config=${join(bare, 'eleventy.config.cjs')}`, '--quiet']);
  const parts = (s: Sample) => s.stdout.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => `    ${l.trim()}`).join('\n');
  process.stdout.write([
    'site (one run each):',
    row('  bare Eleventy 3 (same files, trivial layout)', bareRun),
    row('  kit build without search index', noSearch),
    parts(noSearch),
    `${'  ratio'.padEnd(48)} ${(noSearch.seconds / bareRun.seconds).toFixed(2).padStart(7)} ×   (target ≤ 1.5×, peak < 1 GB)`,
    row('  kit build with search index', withSearch),
    parts(withSearch),
    `${'  ratio'.padEnd(48)} ${(withSearch.seconds / bareRun.seconds).toFixed(2).padStart(7)} ×   (target ≤ 2.5×; Pagefind runs as its own process)`,
    '',
  ].join('\n'));
}

const summary = (JSON.parse(check.stdout) as { summary: { files: number; errors: number } }).summary;
if (check.code !== 0 || summary.files !== n) process.stdout.write(`check exited ${check.code} and read ${summary.files} files: the corpus should be valid\n`);
process.stdout.write(`check read ${summary.files} files, ${summary.errors} errors\n`);
rmSync(work, { recursive: true, force: true });

/**
 * `npm run bench -- --hostile`: each case of the hostile corpus checked on its own, in a process of
 * its own, as `npm run check` runs a small repository (node --no-opt); the worst time and peak
 * memory of each category against the budget of 1 s and 200 MB per document.
 */
async function hostileBench(): Promise<void> {
  const { HOSTILE } = await import('../test/hostile.js');
  const { BASE } = await import('../test/harness.js');
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-hostile-'));
  const probe = join(dir, 'rss.mjs');
  writeFileSync(probe, "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, `\\nFIREBREAK_MAXRSS ${process.resourceUsage().maxRSS}\\n`));\n");
  const cli = join(KIT_ROOT, 'dist', 'cli.js');
  const worst = new Map<string, { seconds: number; mb: number; name: string; mbName: string }>();
  const runs = Number(values.runs);
  for (const c of HOSTILE) {
    const root = join(dir, String(HOSTILE.indexOf(c)));
    for (const [file, content] of Object.entries({ ...BASE, 'firebreak.yml': 'sections:\n  incident: [Summary]\n  plan: [Preparation]\n', [c.file]: c.content })) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), content);
    }
    const samples = Array.from({ length: runs }, () => {
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--no-opt', '--import', probe, cli, 'check', '--root', root, '--now', BENCH_NOW, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, mb: Number(/FIREBREAK_MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, code: r.status };
    });
    const s = samples.sort((a, b) => a.seconds - b.seconds)[Math.floor(samples.length / 2)]!;
    if (s.code === 3 || s.code === null) process.stdout.write(`  ${c.name}: exit ${s.code}\n`);
    const w = worst.get(c.category) ?? { seconds: 0, mb: 0, name: '', mbName: '' };
    if (s.seconds > w.seconds) Object.assign(w, { seconds: s.seconds, name: c.name });
    if (s.mb > w.mb) Object.assign(w, { mb: s.mb, mbName: c.name });
    worst.set(c.category, w);
  }
  rmSync(dir, { recursive: true, force: true });
  const lines = [`hostile corpus: ${HOSTILE.length} documents, each checked on its own (node --no-opt, median of ${runs}); budget 1 s and 200 MB per document`, ''];
  let over = false;
  for (const [category, w] of worst) {
    const ok = w.seconds <= 1 && w.mb <= 200;
    over ||= !ok;
    lines.push(`${category.padEnd(34)} ${w.seconds.toFixed(2).padStart(5)} s  ${w.mb.toFixed(0).padStart(4)} MB  ${ok ? 'within budget' : 'OVER BUDGET'}   worst: ${w.name}${w.mbName !== w.name ? ` / ${w.mbName}` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (over) process.exitCode = 1;
}
