import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './commands/docs.js';
import { outOfScope } from './commands/pr-scope.js';
import { main } from './cli.js';
import { ruleCatalog } from './core/rules/catalog.js';
import { renderSarif } from './core/report/sarif.js';
import { KIT_ROOT } from './io/kit.js';
import { captureIo, copyExample, replaceIn } from './test/repo.js';

interface Sarif {
  runs: {
    tool: { driver: { version: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[] }[];
  }[];
}

const fixture = (name: string) => JSON.parse(readFileSync(join(KIT_ROOT, 'scripts/test/fixtures', name), 'utf8')) as object;

describe('SARIF', () => {
  const Draft04 = (AjvDraft04Module as unknown as { default: typeof Ajv }).default ?? AjvDraft04Module;
  const ajv = new (Draft04 as unknown as typeof Ajv)({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(fixture('sarif-2.1.0.schema.json'));

  it('is valid SARIF 2.1.0 with rule metadata and repo-relative locations', async () => {
    const root = copyExample();
    replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
    const io = captureIo(root, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'kestrel/ir', GITHUB_SHA: 'a'.repeat(40) });
    expect(await main(['check', '--now', '2026-11-23', '--format', 'sarif'], io)).toBe(1);
    const sarif = JSON.parse(io.out) as Sarif;
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const run = sarif.runs[0]!;
    const stale = run.results.find((r) => r.ruleId === 'contact/stale')!;
    expect(stale.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'contacts/carol-smith.md', uriBaseId: 'SRCROOT' });
    expect(stale.locations[0]!.physicalLocation.region.startLine).toBe(24);
    expect(run.tool.driver.rules[stale.ruleIndex]!.id).toBe('contact/stale');
    // The base is the repository's root, as an absolute file URI ending in a slash.
    expect(run.originalUriBaseIds.SRCROOT?.uri).toBe(`${pathToFileURL(root).href}/`);
    expect(run.tool.driver.version).toBe((JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('describes every rule fully, with help in text and Markdown and a link to its section of docs/rules.md', async () => {
    const io = captureIo(copyExample(), { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'kestrel/ir', GITHUB_SHA: 'a'.repeat(40) });
    await main(['check', '--now', '2026-11-23', '--format', 'sarif'], io);
    const rules = (JSON.parse(io.out) as Sarif).runs[0]!.tool.driver.rules;
    const doc = readFileSync(join(KIT_ROOT, 'docs/rules.md'), 'utf8');
    const anchors = new Set([...doc.matchAll(/^### `([a-z]+\/[a-z0-9-]+)`$/gm)].map((m) => m[1]!.replace('/', '')));
    expect(rules.length).toBe(ruleCatalog().length);
    for (const r of rules) {
      expect(r.shortDescription.text.length, r.id).toBeGreaterThan(10);
      expect(r.fullDescription.text, r.id).toContain(r.shortDescription.text);
      expect(r.help.text, r.id).toContain('How to fix it:');
      expect(r.help.markdown, r.id).toContain('**How to fix it:**');
      const url = new URL(r.helpUri);
      expect(`${url.origin}${url.pathname}`).toBe(`https://github.com/kestrel/ir/blob/${'a'.repeat(40)}/docs/rules.md`);
      expect(anchors.has(url.hash.slice(1)), `${r.id} → ${url.hash}`).toBe(true);
    }
  });

  it('fingerprints a finding by its rule, file and line text, so it survives lines moving', async () => {
    const fingerprints = async (shift: boolean) => {
      const root = copyExample();
      replaceIn(root, 'contacts/carol-smith.md', 'last_verified: 2026-11-02', 'last_verified: 2026-08-15');
      if (shift) replaceIn(root, 'contacts/carol-smith.md', 'kind: contact', 'kind: contact\n# a comment that moves every line down');
      const io = captureIo(root);
      await main(['check', '--now', '2026-11-23', '--format', 'sarif'], io);
      const r = (JSON.parse(io.out) as Sarif).runs[0]!.results.find((x) => x.ruleId === 'contact/stale')!;
      return { line: r.locations[0]!.physicalLocation.region.startLine, fp: r.partialFingerprints['firebreakFinding/v1'] };
    };
    const [a, b] = [await fingerprints(false), await fingerprints(true)];
    expect(b.line).toBe(a.line + 1);
    expect(b.fp).toBe(a.fp);
    expect(a.fp).toMatch(/^[0-9a-f]{32}:1$/);
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
    const documented = [...doc.matchAll(/^### `([a-z]+\/[a-z0-9-]+)`$/gm)].map((m) => m[1]);
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
