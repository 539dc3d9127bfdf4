// `check`: load, run every rule, print in the asked format. Writes nothing.

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { collectDiagnostics } from '../core/check.js';
import { capPerFile, compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { FORMATS, isFormat } from '../core/report/index.js';
import { idTakenOnBase } from '../core/rules/ref/id-taken-on-base.js';
import { changesEverything, inScope, SCOPES, type Scope } from '../core/scope.js';
import { blobAt, branchChanges, stagedChanges, type ChangeSet } from '../io/changes.js';
import { resolveNow, UsageError } from '../io/clock.js';
import { topLevel } from '../io/git.js';
import { cacheFolder } from '../io/doc-cache.js';
import { loadRepo } from '../io/load-repo.js';
import type { BodyScope } from '../core/load-doc.js';
import { scanSecrets } from '../core/secrets.js';
import { KIT_VERSION, rulesUrl } from '../io/kit.js';
import { pathToFileURL } from 'node:url';
import type { Io } from '../io/io.js';
import { gitIndex, isDocumentName, treePaths, workingTree } from '../io/sources.js';

export const CHECK_USAGE = `Usage: firebreak check [paths…] [--root DIR] [--now YYYY-MM-DD] [--format human|json|github|sarif]
                      [--base REF | --staged] [--scope all|blocking|freshness]

Checks every contact, plan and incident against the schemas and the rules.
  paths         report only on these files or folders: every front matter is read (references
                need them), bodies only of these documents and of what they link to
  --root DIR    the repository to check (default: the current folder)
  --now DATE    the date (or instant) to check as of; default FIREBREAK_NOW, else today
  --format F    human (default), json, github (Actions annotations) or sarif (code scanning)
  --base REF    a pull request's check: the documents changed since this branch left REF, and
                what they break elsewhere (scope blocking); ids it adds must be free on REF
  --staged      the same for the next commit: the staged tree, deletions included (the hook)
  --scope S     all (default without --base/--staged); blocking (default with them): findings
                in changed documents and inconsistencies anywhere, not what time alone brought;
                freshness: only what time brings (stale contacts, overdue reviews, deadlines)
  --cache DIR   keep what loading each document found in DIR and reuse it while the document,
                the kit and the configuration are unchanged (default FIREBREAK_CACHE; none)
  --workers N   loader threads (default: by repository size)
  --no-markdown check front matter only (skip bodies)
Exit: 0 no errors, 1 errors found, 2 usage error.`;

export async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      root: { type: 'string' },
      now: { type: 'string' },
      format: { type: 'string', default: 'human' },
      workers: { type: 'string' },
      cache: { type: 'string' },
      'no-markdown': { type: 'boolean' },
      staged: { type: 'boolean' },
      base: { type: 'string' },
      scope: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'human';
  if (!isFormat(format)) throw new UsageError(`--format: unexpected \`${format}\`, expected human, json, github or sarif`);
  if (values.staged && values.base !== undefined) throw new UsageError('give --staged or --base, not both');
  const scope = (values.scope ?? (values.staged || values.base !== undefined ? 'blocking' : 'all')) as Scope;
  if (!SCOPES.includes(scope)) throw new UsageError(`--scope: unexpected \`${values.scope}\`, expected all, blocking or freshness`);
  const now = resolveNow(values.now, io.env);
  let root = resolve(io.cwd, values.root ?? '.');
  if (!isDir(root)) throw new UsageError(`--root: \`${values.root ?? '.'}\` is not a folder`);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers: unexpected \`${values.workers}\`, expected a whole number 0–64`);
  }

  let changes: ChangeSet | undefined;
  if (values.staged || values.base !== undefined) {
    const top = topLevel(root);
    if (top === undefined) throw new UsageError(`--${values.staged ? 'staged' : 'base'}: not inside a git repository`);
    root = top;
    changes = values.staged ? stagedChanges(root) : branchChanges(root, values.base!);
  }
  const filters = positionals.map((p) => toRepoPath(root, resolve(io.cwd, p), p));
  const under = (file: string) => filters.length === 0 || filters.some((f) => f === '' || file === f || file.startsWith(`${f}/`));
  // The hook checks what will be committed: every document as staged, not the working tree's.
  const source = values.staged ? gitIndex(root) : workingTree(root);
  const bodies = bodyScope(source.list().files.map((f) => f.file), filters, under, changes);
  const cache = cacheFolder(values.cache, io);
  const repo = await loadRepo(root, {
    ...(workers === undefined ? {} : { workers }),
    markdown: values['no-markdown'] !== true,
    source,
    ...(bodies ? { bodies } : {}),
    ...(cache === undefined ? {} : { cache }),
  });
  const only = bodies ? new Set(bodies.files) : undefined;
  const { diagnostics, crashed } = collectDiagnostics({ model: repo.model, config: repo.config, placer: repo.placer, diagnostics: repo.diagnostics, ...(only ? { only } : {}), ...(changes ? {} : { reported: under }) }, now);
  for (const problem of repo.savePlaces()) io.stderr(`firebreak: warning: ${problem}\n`);
  for (const c of crashed) io.stderr(`firebreak: internal error in rule ${c.ruleId}: ${c.error instanceof Error ? c.error.message : String(c.error)}\n`);

  let changed: Set<string> | undefined;
  if (changes) {
    const all = changes.changes.some((c) => changesEverything(c.path));
    changed = new Set(repo.model.docs.map((d) => d.file).filter((f) => all || changes!.changes.some((c) => c.path === f && c.status !== 'D')));
    if (values.base !== undefined) diagnostics.push(...baseCollisions(root, values.base, changes, repo));
    diagnostics.sort(compareDiagnostics);
  }
  const scoped = inScope(diagnostics, scope, changed);
  const shown = capPerFile(scoped.filter((d) => under(d.file)));
  const files = repo.model.docs.filter((d) => under(d.file) && (changed === undefined || changed.has(d.file))).length;

  const byFile = new Map(repo.model.docs.map((d) => [d.file, d]));
  // A document read for its front matter only was not scanned: scan it before showing its lines.
  for (const file of new Set(shown.map((d) => d.file))) {
    const doc = byFile.get(file);
    if (doc?.partial) {
      const scan = await scanSecrets(file, new TextDecoder().decode(repo.source.read(file, repo.config.policy.max_file_bytes)).replace(/^\uFEFF/, ''));
      if (scan.values.length > 0) doc.secrets = scan.values;
    }
  }
  io.stdout(FORMATS[format]({
    diagnostics: shown,
    now: now.date,
    files,
    color: format === 'human' && io.color,
    ...(changes ? { changed: [...changed!], against: changes.against } : {}),
    scope,
    version: KIT_VERSION,
    rootUri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}`,
    rulesUrl: rulesUrl(io.env),
    source: (file) => {
      const doc = byFile.get(file);
      if (!doc) return undefined;
      try {
        // A secret is never printed, not even in the code frame of another finding on its line.
        let text = new TextDecoder().decode(repo.source.read(file, repo.config.policy.max_file_bytes));
        for (const secret of doc.secrets ?? []) text = text.split(secret).join('*'.repeat(Math.min(secret.length, 12)));
        return text;
      } catch {
        return undefined;
      }
    },
  }));
  if (crashed.length > 0) return 3;
  return shown.some((d) => d.severity === 'error') ? 1 : 0;
}

/**
 * The bodies a check of some documents analyses: those named (paths), or those a change touches
 * and those whose text names a changed or deleted document; undefined for every body.
 */
function bodyScope(files: readonly string[], filters: readonly string[], under: (file: string) => boolean, changes: ChangeSet | undefined): BodyScope | undefined {
  if (changes) {
    if (changes.changes.some((c) => changesEverything(c.path))) return undefined;
    const touched = new Set(changes.changes.map((c) => c.path));
    const needles = [...touched].filter((p) => isDocumentName(p.slice(p.lastIndexOf('/') + 1))).map((p) => p.slice(p.lastIndexOf('/') + 1).replace(/\.md$/i, '').toLowerCase());
    const named = files.filter((f) => touched.has(f) && under(f));
    return { files: named, needles: [...new Set(needles)] };
  }
  if (filters.length === 0 || filters.includes('')) return undefined;
  return { files: files.filter(under), needles: [] };
}

/** Documents the branch adds whose ids the base already gives to other documents. */
function baseCollisions(root: string, base: string, changes: ChangeSet, repo: Awaited<ReturnType<typeof loadRepo>>): Diagnostic[] {
  const added = new Map<string, string>();
  for (const c of changes.changes) {
    if (c.status !== 'A' || !isDocumentName(c.path.slice(c.path.lastIndexOf('/') + 1))) continue;
    const doc = repo.model.docs.find((d) => d.file === c.path);
    if (doc) added.set(doc.file, doc.id ?? doc.file.slice(doc.file.lastIndexOf('/') + 1).replace(/\.md$/i, ''));
  }
  if (added.size === 0) return [];
  const paths = treePaths(root, base) ?? [];
  const same = (path: string) => {
    const there = blobAt(root, base, path);
    const here = repo.source.read(path, repo.config.policy.max_file_bytes);
    return there !== undefined && Buffer.compare(there, Buffer.from(here)) === 0;
  };
  return idTakenOnBase(added, paths, base, same).map((f) => repo.placer.place(f)).filter((d): d is Diagnostic => d !== undefined);
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function toRepoPath(root: string, abs: string, given: string): string {
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`\`${given}\` is outside the repository ${root}`);
  try {
    statSync(abs);
  } catch {
    throw new UsageError(`\`${given}\` does not exist`);
  }
  return rel.split(sep).join('/');
}
