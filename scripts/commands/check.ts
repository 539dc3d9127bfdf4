// `check`: load, run every rule, print in the asked format. Writes nothing.

import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { collectDiagnostics } from '../core/check.js';
import { FORMATS, isFormat } from '../core/report/index.js';
import { resolveNow, UsageError } from '../io/clock.js';
import { loadRepo } from '../io/load-repo.js';
import type { Io } from '../io/io.js';

export const CHECK_USAGE = `Usage: firebreak check [paths…] [--root DIR] [--now YYYY-MM-DD] [--format human|json|github|sarif] [--staged]

Checks every contact, plan and incident against the schemas and the rules.
  paths         report only on these files or folders (every document is still loaded)
  --root DIR    the repository to check (default: the current folder)
  --now DATE    the date (or instant) to check as of; default FIREBREAK_NOW, else today
  --format F    human (default), json, github (Actions annotations) or sarif (code scanning)
  --staged      report only on documents staged in git (for the pre-commit hook)
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
      'no-markdown': { type: 'boolean' },
      staged: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'human';
  if (!isFormat(format)) throw new UsageError(`--format: unexpected \`${format}\`, expected human, json, github or sarif`);
  const now = resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  if (!isDir(root)) throw new UsageError(`--root: \`${values.root ?? '.'}\` is not a folder`);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers: unexpected \`${values.workers}\`, expected a whole number 0–64`);
  }
  const filters = positionals.map((p) => toRepoPath(root, resolve(io.cwd, p), p));
  let contents: Map<string, Uint8Array> | undefined;
  if (values.staged) {
    const staged = stagedDocuments(root);
    if (staged.length === 0) {
      io.stdout('firebreak: no staged contacts, plans or incidents to check.\n');
      return 0;
    }
    filters.push(...staged);
    // Check what will be committed: the staged version, not the working tree's.
    contents = new Map(staged.map((f) => [f, execFileSync('git', ['show', `:./${f}`], { cwd: root, maxBuffer: 1 << 26 })]));
  }

  const repo = await loadRepo(root, { ...(workers === undefined ? {} : { workers }), markdown: values['no-markdown'] !== true, ...(contents ? { contents } : {}) });
  const { diagnostics, crashed } = collectDiagnostics({ model: repo.model, policy: repo.config.policy, placer: repo.placer, diagnostics: repo.diagnostics }, now);
  for (const c of crashed) io.stderr(`firebreak: internal error in rule ${c.ruleId}: ${c.error instanceof Error ? c.error.message : String(c.error)}\n`);
  const shown = filters.length === 0 ? diagnostics : diagnostics.filter((d) => filters.some((f) => f === '' || d.file === f || d.file.startsWith(`${f}/`)));
  const files = filters.length === 0 ? repo.model.docs.length : repo.model.docs.filter((d) => filters.some((f) => f === '' || d.file === f || d.file.startsWith(`${f}/`))).length;

  io.stdout(FORMATS[format]({
    diagnostics: shown,
    now: now.date,
    files,
    color: format === 'human' && io.color,
    source: (file) => {
      try {
        return readFileSync(resolve(root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
  }));
  if (crashed.length > 0) return 3;
  return shown.some((d) => d.severity === 'error') ? 1 : 0;
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

/** Content documents staged in git (added, copied, modified or renamed). */
function stagedDocuments(root: string): string[] {
  let out: string;
  try {
    out = execFileSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z', '--relative'], { cwd: root, encoding: 'utf8' });
  } catch {
    throw new UsageError('--staged: not inside a git repository');
  }
  return out.split('\0').filter((f) => /^(contacts|plans|incidents)\/.*\.md$/i.test(f));
}
