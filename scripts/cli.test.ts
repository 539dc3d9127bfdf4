import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describe as describeError } from './cli.js';
import { KIT_ROOT } from './io/kit.js';
import { countDocuments } from './io/walk.js';
import { flagsFor, restartWith } from './launch-flags.mjs';
import { copyExample, makeRepo, replaceIn } from './test/repo.js';
import { prepareBuild } from './test/site.js';

const BIN = join(KIT_ROOT, 'scripts', 'firebreak.mjs');

function firebreak(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FIREBREAK_NOW: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  prepareBuild();
});

describe('the firebreak program', () => {
  it('exits 0 on the example content at its date', () => {
    const r = firebreak(['check', '--root', KIT_ROOT, '--now', '2026-11-23']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✔ 0 errors|⚠ 0 errors/);
  });

  it('exits 1 with a stale contact, with the key line in the output', () => {
    const root = copyExample();
    replaceIn(root, 'contacts/alice-nguyen.md', 'last_verified: 2026-10-06', 'last_verified: 2026-08-15');
    const r = firebreak(['check', '--root', root, '--now', '2026-11-23']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('contacts/alice-nguyen.md:26:1  error    Unexpected stale contact');
  });

  it('gives the same result from its worker threads', () => {
    const root = copyExample();
    replaceIn(root, 'contacts/alice-nguyen.md', 'last_verified: 2026-10-06', 'last_verified: 2026-08-15');
    const one = firebreak(['check', '--root', root, '--now', '2026-11-23', '--format', 'json', '--workers', '0']);
    const two = firebreak(['check', '--root', root, '--now', '2026-11-23', '--format', 'json', '--workers', '2']);
    expect(two.err).toBe('');
    expect(two.out).toBe(one.out);
    expect(JSON.parse(two.out).summary.errors).toBe(1);
  });

  it('exits 2 on a usage error', () => {
    const r = firebreak(['check', '--now', 'tomorrow']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--now');
  });

  it('never prints a stack trace for hostile content', () => {
    const root = makeRepo({
      'contacts/a.md': '---js\nprocess.exit(9)\n---\n',
      'contacts/b.md': Buffer.from([0xff, 0xfe, 0x00, 0x41]),
      'plans/c.md': '---\n__proto__: { polluted: true }\n---\n',
      'incidents/d.md': '---\nid: &x [*x]\n---\n',
    });
    const r = firebreak(['check', '--root', root, '--format', 'json', '--now', '2026-11-23']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const rules = JSON.parse(r.out).diagnostics.map((d: { file: string; ruleId: string }) => `${d.file} ${d.ruleId}`);
    expect(rules).toEqual(['contacts/a.md parse/front-matter-fence', 'contacts/b.md parse/not-utf8', 'incidents/d.md parse/alias', 'plans/c.md parse/forbidden-key']);
  });
});

describe('an internal error, as printed', () => {
  const wrapped = (message: string, original: unknown) => Object.assign(new Error(message), { originalError: original });
  it.each([
    ['an error', new Error('boom'), ['Error: boom']],
    ['its cause', new Error('outer', { cause: new Error('inner') }), ['Error: outer', 'caused by: Error: inner']],
    ['Eleventy\'s original error, two deep', wrapped('Having trouble writing', wrapped('Transform failed', new TypeError('bad page'))), ['Error: Having trouble writing', 'caused by: Error: Transform failed', 'caused by: TypeError: bad page']],
    ['a cause that is not an error', new Error('outer', { cause: 'a string' }), ['Error: outer', 'caused by: a string']],
    ['something thrown that is not an error', 42, ['42']],
  ])('%s', (_, error, lines) => {
    const text = describeError(error);
    const heads = text.split('\n').filter((l) => !l.startsWith('    at '));
    expect(heads).toEqual(lines);
  });
  it('a cycle of causes ends', () => {
    const a = new Error('a');
    a.cause = a;
    expect(describeError(a).split('\n').filter((l) => !l.startsWith('    at ')).length).toBe(5);
  });
});

describe('the launcher', () => {
  it('is tracked as executable, so installing or running it through npx (which makes bins executable) changes no tracked file', () => {
    const r = spawnSync('git', ['ls-files', '-s', 'scripts/firebreak.mjs'], { cwd: KIT_ROOT, encoding: 'utf8' });
    if (r.status !== 0 || r.stdout === '') return; // not a git checkout (an unpacked archive): nothing is tracked
    expect(r.stdout.split(' ')[0]).toBe('100755');
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
  });

  it('sizes a job by the documents the loader would read (a folder README and hidden files are not documents)', () => {
    const docs = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`contacts/c${i}.md`, '---\n---\n']));
    const root = makeRepo({ ...docs, 'contacts/README.md': '# About\n', 'contacts/.draft.md': 'x', 'notes/n.md': 'x' });
    expect(countDocuments(root)).toBe(3);
    expect(countDocuments(root, 2)).toBe(2);
  });

  const CACHE = '/work/repo/.cache/documents.v8';
  const has = (path: string) => path === CACHE;
  it.each([
    ['a site build', ['build', '--out', '_site'], {}, ['--single-threaded-gc', '--max-semi-space-size=32', '--expose-gc']],
    ['serve', ['serve'], {}, ['--single-threaded-gc', '--max-semi-space-size=32']],
    ['a check without a cache', ['check'], {}, ['--single-threaded-gc']],
    ['a check with a warm cache (--cache DIR)', ['check', '--cache', '.cache'], {}, []],
    ['a check with a warm cache (--cache=DIR)', ['check', '--base', 'main', '--cache=.cache'], {}, []],
    ['a check with a warm cache (FIREBREAK_CACHE)', ['check'], { FIREBREAK_CACHE: '/work/repo/.cache' }, []],
    ['a check whose cache folder holds no cache yet', ['check', '--cache', 'elsewhere'], {}, ['--single-threaded-gc']],
    ['a front-matter check, its own kind of cache not there yet', ['check', '--no-markdown', '--cache', '.cache'], {}, ['--single-threaded-gc']],
    ['another command, with FIREBREAK_CACHE set', ['report', 'lessons'], { FIREBREAK_CACHE: '.cache' }, ['--single-threaded-gc']],
  ])('restarts %s with the flags for it', (_name, args, env, flags) => {
    expect(flagsFor(args, env, has, '/work/repo')).toEqual(flags);
  });

  it.each([
    ['a short job', [], false, ['--single-threaded-gc'], undefined],
    ['a short job, the optimiser off', ['--no-opt'], false, ['--single-threaded-gc'], undefined],
    ['a long job without its flag', [], true, ['--single-threaded-gc'], ['--single-threaded-gc']],
    ['a long job with its flags (the restarted process)', ['--single-threaded-gc', '--max-semi-space-size=32'], true, ['--single-threaded-gc', '--max-semi-space-size=32'], undefined],
    ['a long job missing one of its flags', ['--single-threaded-gc'], true, ['--single-threaded-gc', '--max-semi-space-size=32'], ['--single-threaded-gc', '--max-semi-space-size=32']],
    ['a warm check: no flag wanted, none restarted for', [], true, [], undefined],
    ['a warm check started with the optimiser off', ['--no-opt'], true, [], []],
  ])('%s', (_name, execArgv, long, wanted, expected) => {
    expect(restartWith(execArgv, long, () => wanted)).toEqual(expected);
  });
});
