import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './commands/docs.js';
import { outOfScope } from './commands/pr-scope.js';
import { main } from './cli.js';
import { ruleCatalog } from './core/rules/catalog.js';
import { renderSarif } from './core/report/sarif.js';
import { KIT_ROOT } from './io/kit.js';
import { captureIo, copyExample, replaceIn } from './test/repo.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(KIT_ROOT, 'scripts/test/fixtures', name), 'utf8')) as object;
const WORKFLOWS = join(KIT_ROOT, '.github/workflows');

describe('GitHub workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const validate = ajv.compile(fixture('github-workflow.schema.json'));

  it('there are the three the kit promises', () => {
    expect(files.sort()).toEqual(['check.yml', 'pages.yml', 'staleness.yml']);
  });
  it.each(files)('%s validates against the GitHub workflow schema', (file) => {
    const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8'));
    expect(validate(workflow) ? [] : validate.errors).toEqual([]);
  });
  it.each(files)('%s runs only npm scripts that exist, and files that exist', (file) => {
    const scripts = (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const text = readFileSync(join(WORKFLOWS, file), 'utf8');
    for (const m of text.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts, `${file}: npm run ${m[1]}`).toHaveProperty(m[1]!);
    for (const m of text.matchAll(/node (scripts\/[\w./-]+)/g)) expect(existsSync(join(KIT_ROOT, m[1]!)), m[1]).toBe(true);
  });
  it('the validator can fail: a broken workflow is refused', () => {
    expect(validate({ on: 'push', jobs: { x: { steps: [] } } })).toBe(false);
  });
});

describe('SARIF', () => {
  const Draft04 = (AjvDraft04Module as unknown as { default: typeof Ajv }).default ?? AjvDraft04Module;
  const ajv = new (Draft04 as unknown as typeof Ajv)({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(fixture('sarif-2.1.0.schema.json'));

  it('is valid SARIF 2.1.0 with rule metadata and repo-relative locations', async () => {
    const root = copyExample();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    const io = captureIo(root);
    expect(await main(['check', '--now', '2026-11-23', '--format', 'sarif'], io)).toBe(1);
    const sarif = JSON.parse(io.out) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const run = sarif.runs[0]!;
    const stale = run.results.find((r) => r.ruleId === 'contact/stale')!;
    expect(stale.locations[0]!.physicalLocation.artifactLocation.uri).toBe('contacts/carol-smith.md');
    expect(stale.locations[0]!.physicalLocation.region.startLine).toBe(24);
    expect(run.tool.driver.rules[stale.ruleIndex]!.id).toBe('contact/stale');
  });
  it('the validator can fail', () => {
    expect(validate(JSON.parse(renderSarif({ diagnostics: [], now: 'x', files: 0 }).replace('"2.1.0"', '"9"')))).toBe(false);
  });
});

describe('generated documentation and types', () => {
  it('docs/rules.md, docs/fields.md and the types match what `npm run docs` generates', async () => {
    const stale: string[] = [];
    for (const [file, text] of Object.entries(await generatedFiles())) {
      if (!existsSync(join(KIT_ROOT, file)) || readFileSync(join(KIT_ROOT, file), 'utf8') !== text) stale.push(file);
    }
    expect(stale, 'run `npm run docs` and commit the result').toEqual([]);
  }, 60_000);
  it('the rule reference names every rule in the registry, once', () => {
    const doc = readFileSync(join(KIT_ROOT, 'docs/rules.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(ruleCatalog().map((r) => r.id).sort());
  });
  it('every rule that fires in the tests has metadata (no undocumented rule ids)', () => {
    const ids = new Set(ruleCatalog().map((r) => r.id));
    const sources = execFileSync('grep', ['-rhoE', "ruleId: '[a-z]+/[a-z0-9-]+'|id: '[a-z]+/[a-z0-9-]+'", join(KIT_ROOT, 'scripts/core')], { encoding: 'utf8' });
    const used = [...new Set([...sources.matchAll(/'([a-z]+\/[a-z0-9-]+)'/g)].map((m) => m[1]!))].filter((id) => !id.startsWith('config/'));
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('pull-request scope', () => {
  const NOTES = '- [x] This pull request only records incident notes (contacts, plans, incidents)';
  it.each([
    [NOTES, ['incidents/2026/inc-2026-006.md', 'contacts/a.md'], []],
    [NOTES, ['incidents/2026/inc-2026-006.md', 'scripts/cli.ts', '.github/workflows/check.yml'], ['scripts/cli.ts', '.github/workflows/check.yml']],
    [NOTES.replace('[x]', '[ ]'), ['scripts/cli.ts'], []],
    ['no template at all', ['package.json'], []],
  ])('%j with %j', (body, changed, expected) => {
    expect(outOfScope(body, changed)).toEqual(expected);
  });
});

describe('pre-commit hook', () => {
  function gitRepo(): string {
    const root = copyExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'init');
    return root;
  }
  it('installs once, and never over a hook it did not write', async () => {
    const root = gitRepo();
    const io = captureIo(root);
    expect(await main(['hooks', 'install'], io)).toBe(0);
    const hook = join(root, '.git/hooks/pre-commit');
    expect(readFileSync(hook, 'utf8')).toContain('check --staged');
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(await main(['hooks', 'install'], captureIo(root))).toBe(0);
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const again = captureIo(root);
    expect(await main(['hooks', 'install'], again)).toBe(1);
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho mine\n');
  });
  it('check --staged reports on staged documents only, still resolving every reference', async () => {
    const root = gitRepo();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    replaceIn(root, 'contacts/erin-walsh.md', 'last_verified: 2026-10-20', 'last_verified: 2026-08-15');
    execFileSync('git', ['add', 'contacts/carol-smith.md'], { cwd: root });
    // What is checked is the staged version: a later fix in the working tree does not hide it.
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-08-15', 'last_verified: 2026-11-20');
    const io = captureIo(root);
    expect(await main(['check', '--staged', '--now', '2026-11-23', '--format', 'json'], io)).toBe(1);
    const files = (JSON.parse(io.out) as { diagnostics: { file: string; severity: string }[] }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.file);
    expect(files).toEqual(['contacts/carol-smith.md']);
  });
});
