// `import`: bring a team's existing post-mortems (Markdown, any layout) into incidents/, keeping
// each body as written and never inventing a fact. Never overwrites; `--dry-run` writes nothing.

import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { slugify } from '../core/authoring/ids.js';
import { importPostMortem } from '../core/import/convert.js';
import { scanSecrets } from '../core/secrets.js';
import { formatImportReport } from '../core/import/report.js';
import type { Model } from '../core/model/types.js';
import { ask } from '../io/ask.js';
import { resolveNow, UsageError } from '../io/clock.js';
import { gitMaybe } from '../io/git.js';
import type { Io } from '../io/io.js';
import { loadRepo } from '../io/load-repo.js';
import { takenOn } from '../io/taken.js';
import { createNew } from '../io/write.js';

export const IMPORT_USAGE = `Usage: firebreak import PATH… --visibility internal|restricted|public [options]
  Turn existing post-mortems (Markdown files, or folders of them) into incidents: each body is
  kept as written; front matter holds what the source states and \`unknown\` for what it does not;
  action items become lessons. Templates and READMEs are skipped. Prints what was mapped and what
  is left to do for each document.
    --visibility V         who may read the imported incidents (no default: a wrong one would publish them)
    --map-severity A=B,…   the team's severity names, such as SEV1=critical,SEV2=high,SEV3=medium
    --dry-run              report only; write nothing
  common: [--root DIR] [--now DATE] [--base REF (ids taken there count too)]
Never overwrites a file, and skips a source already imported (same file, same repository).`;

const VISIBILITIES = ['internal', 'restricted', 'public'];
const EXTENSIONS = /\.(md|markdown)(\.erb)?$/i;
const MAX_BYTES = 1024 * 1024;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      visibility: { type: 'string' }, 'map-severity': { type: 'string' }, 'dry-run': { type: 'boolean' },
      root: { type: 'string' }, now: { type: 'string' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name the post-mortems to import: files or folders');
  const now = resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  const severityMap = parseSeverityMap(values['map-severity']);
  const visibility = (await ask(io, values.visibility, { flag: 'visibility', message: 'Who may read the imported incidents', options: VISIBILITIES, initial: 'internal' }))!;
  const repo = await loadRepo(root, { markdown: false });
  const taken = new Set(takenOn(root, repo.model, values.base).ids);
  const contactFor = contactMatcher(repo.model);
  const already = new Map<string, string>();
  for (const doc of repo.model.incidents.values()) {
    const imp = doc.data.imported;
    if (imp) already.set(`${imp.repository ?? ''}\0${imp.from}`, doc.id);
  }

  const files: { path: string; arg: string }[] = [];
  for (const arg of positionals) {
    const path = resolve(io.cwd, arg);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      throw new UsageError(`${arg}: no such file or folder`);
    }
    if (stat.isDirectory()) for (const f of walk(path)) files.push({ path: f, arg: path });
    else if (stat.isFile()) files.push({ path, arg: dirname(path) });
    else throw new UsageError(`${arg}: not a file or folder (links are not followed)`);
  }
  if (files.length === 0) throw new UsageError(`no Markdown files in ${positionals.join(', ')}`);

  const dry = values['dry-run'] === true;
  let imported = 0;
  let skipped = 0;
  let failed = 0;
  const provenance = provenanceOf();
  for (const { path, arg } of files.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const name = relative(io.cwd, path) || basename(path);
    const size = lstatSync(path).size;
    if (size > MAX_BYTES) {
      io.stdout(`${name}: refused: larger than 1 MiB\n`);
      failed++;
      continue;
    }
    const p = provenance(path, arg);
    const earlier = already.get(`${p.repository ?? ''}\0${p.from}`);
    if (earlier) {
      io.stdout(`${name}: skipped: already imported as ${earlier}\n`);
      skipped++;
      continue;
    }
    const text = readFileSync(path, 'utf8');
    // A credential in an old post-mortem is not copied into another repository.
    const secrets = (await scanSecrets(name, text)).findings;
    if (secrets.length) {
      io.stdout(`${name}: refused: what looks like a secret at ${secrets.map((s) => `line ${s.line} (${/\((.*?)\(/.exec(s.message)?.[1] ?? s.ruleId})`).join(', ')}; rotate it, remove it from the source, then import again\n`);
      failed++;
      continue;
    }
    const result = importPostMortem({ name, text, provenance: p, visibility, today: now.date, taken, contactFor, config: repo.config, ...(severityMap ? { severityMap } : {}) });
    if (result.kind === 'skipped') {
      io.stdout(`${name}: skipped: ${result.why}\n`);
      skipped++;
      continue;
    }
    if (result.kind === 'refused') {
      io.stdout(`${name}: refused: ${result.why}\n`);
      failed++;
      continue;
    }
    if (!dry && !createNew(join(root, result.file), result.text)) {
      io.stdout(`${name}: not written: ${result.file} already exists\n`);
      failed++;
      continue;
    }
    taken.add(result.id);
    already.set(`${p.repository ?? ''}\0${p.from}`, result.id);
    imported++;
    io.stdout(formatImportReport(result.report, !dry));
  }
  io.stdout(`\n${dry ? 'Would import' : 'Imported'} ${imported}, skipped ${skipped}, failed ${failed}.${dry ? ' Nothing was written (--dry-run).' : imported ? ' Next: `npm run check` lists what each import leaves to finish (as warnings until `imported.finished` is set).' : ''}\n`);
  return failed ? 1 : 0;
}

/** Markdown files under a folder, without following links or entering hidden folders. */
function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && EXTENSIONS.test(e.name)) yield path;
  }
}

/** Where a file comes from: its path in its git repository (with the remote and commit), else below the folder named. */
function provenanceOf(): (path: string, arg: string) => { from: string; repository?: string; commit?: string } {
  const tops = new Map<string, { top?: string; remote?: string; head?: string }>();
  return (path, arg) => {
    const dir = dirname(path);
    let info = tops.get(dir);
    if (!info) {
      const top = gitMaybe(dir, ['rev-parse', '--show-toplevel'])?.trim();
      const remote = top ? gitMaybe(top, ['remote', 'get-url', 'origin'])?.trim() : undefined;
      const head = top ? gitMaybe(top, ['rev-parse', 'HEAD'])?.trim() : undefined;
      info = { ...(top ? { top } : {}), ...(remote ? { remote: withoutCredentials(remote) } : {}), ...(head ? { head } : {}) };
      tops.set(dir, info);
    }
    if (!info.top) return { from: relative(arg, path) || basename(path) };
    const from = relative(info.top, path);
    // The commit says what was read only when the file there is the file read.
    const clean = info.head !== undefined && gitMaybe(info.top, ['status', '--porcelain', '--', from])?.trim() === '' && gitMaybe(info.top, ['ls-files', '--error-unmatch', '--', from]) !== undefined;
    return { from, ...(info.remote ? { repository: info.remote } : {}), ...(clean ? { commit: info.head! } : {}) };
  };
}

/** A remote address without any user or token in it. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** A contact for a name as a post-mortem writes it: an id, a chat handle (`@jdoe`), or a full name. */
export function contactMatcher(model: Model): (name: string) => string | undefined {
  const by = new Map<string, string>();
  for (const c of model.contacts.values()) {
    by.set(c.id.toLowerCase(), c.id);
    by.set(c.data.name.toLowerCase(), c.id);
    const slug = slugify(c.data.name);
    if (slug) by.set(slug, c.id);
    for (const ch of c.data.channels) if (ch.type === 'chat') by.set(ch.value.toLowerCase().replace(/^@/, ''), c.id);
  }
  return (name) => {
    const n = name.trim().replace(/^@/, '').toLowerCase();
    return by.get(n);
  };
}

function parseSeverityMap(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to || !['critical', 'high', 'medium', 'low'].includes(to)) throw new UsageError(`--map-severity: unexpected \`${pair}\`, expected NAME=critical|high|medium|low`);
    out[from] = to;
    out[from.toLowerCase()] = to;
  }
  return out;
}
