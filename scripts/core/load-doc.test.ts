import { describe, expect, it } from 'vitest';
import { wholeDocument } from './load-doc.js';
import { BASE, edit, lines, run, withFile } from '../test/harness.js';

const A = 'contacts/ann-lee.md';
const ann = BASE[A]!;

describe('bad input gets one clear diagnostic at its place, and the rest is still checked', () => {
  it.each([
    ['empty file', '', `${A}:1:1 parse/empty-file`],
    ['whitespace only', '  \n\n', `${A}:1:1 parse/empty-file`],
    ['no front matter', '# Ann Lee\n', `${A}:1:1 parse/no-front-matter`],
    ['unterminated front matter', ann.replace('---\n\nCommander.', '\nCommander.'), `${A}:1:1 parse/unterminated-front-matter`],
    ['`...` as closer', ann.replace('---\n\nCommander.', '...\n\nCommander.'), `${A}:15:1 parse/front-matter-fence`],
    ['---js fence', '---js\n{ id: "ann-lee" }\n---\n', `${A}:1:4 parse/front-matter-fence`],
    ['---javascript fence', '---javascript\nmodule.exports = {}\n---\n', `${A}:1:4 parse/front-matter-fence`],
    ['leading blank line', `\n${ann}`, `${A}:1:1 parse/front-matter-fence`],
    ['a ---- line that other tools read as a closer', ann.replace('status: active', '----\nstatus: active'), `${A}:12:4 parse/front-matter-fence`],
    ['CR-only line endings', ann.replace(/\n/g, '\r'), `${A}:1:4 parse/line-endings`],
    ['invalid YAML on line 7', ann.replace('roles: [incident-commander]', 'roles: [incident-commander'), `${A}:8:1 parse/yaml-syntax`],
    ['duplicate key', ann.replace('status: active', 'status: active\nstatus: departed'), `${A}:13:1 parse/duplicate-key`],
    ['anchor and alias', ann.replace('backups: [ben-ode]', 'backups: &b [ben-ode]\nowns: *b'), `${A}:11:13 parse/alias`],
    ['__proto__ key, nested', ann.replace('    value: "+44 20 7946 0001"', '    value: "+44 20 7946 0001"\n    __proto__: { admin: true }'), `${A}:11:5 parse/forbidden-key`],
    ['constructor key', ann.replace('status: active', 'constructor: x\nstatus: active'), `${A}:12:1 parse/forbidden-key`],
    ['custom tag', ann.replace('name: Ann Lee', 'name: !!js/function "return 1"'), `${A}:5:7 parse/custom-tag`],
    ['local tag', ann.replace('name: Ann Lee', 'name: !shell "id"'), `${A}:5:7 parse/custom-tag`],
    ['front matter is a list', '---\n- a\n- b\n---\n', `${A}:2:1 parse/front-matter-not-mapping`],
    ['empty front matter', '---\n---\nBody\n', `${A}:2:1 parse/front-matter-not-mapping`],
    ['wrong type', ann.replace('roles: [incident-commander]', 'roles: incident-commander'), `${A}:7:8 schema/type`],
    ['unknown property', ann.replace('last_verified:', 'last_verifed:'), `${A}:13:1 schema/unknown-field`],
    ['time without a time zone', null, 'incidents/inc-2026-001.md:12:11 incident/time-unreadable'],
    ['impossible date', ann.replace('last_verified: 2026-11-01', 'last_verified: 2026-02-30'), `${A}:13:16 schema/format`],
    ['unknown kind', ann.replace('kind: contact', 'kind: person'), `${A}:3:7 schema/kind`],
    ['enum typo', ann.replace('status: active', 'status: actve'), `${A}:12:9 schema/enum`],
    ['missing required field', ann.replace('name: Ann Lee\n', ''), `${A}:2:1 schema/required`],
    ['uppercase id', ann.replace('id: ann-lee', 'id: Ann-Lee'), `${A}:2:5 schema/pattern`],
    ['file name does not match id', ann.replace('id: ann-lee', 'id: ann-leigh'), `${A}:2:5 ref/file-name`],
    ['eleventy keys are just unknown fields', ann.replace('status: active', 'permalink: /../../etc/x\nstatus: active'), `${A}:12:1 schema/unknown-field`],
  ])('%s', (_name, text, expected) => {
    const files = text === null ? edit('incidents/inc-2026-001.md', 'detected: 2026-03-02T09:00:00Z', 'detected: 2026-03-02T09:00:00') : withFile(A, text);
    const got = lines(run(files));
    expect(got).toContain(expected);
    // Only this file has parse or schema problems: the rest of the repository was still checked.
    expect(got.filter((l) => /parse\/|schema\/|time-unreadable/.test(l) && !l.startsWith(expected.split(':')[0]!))).toEqual([]);
  });

  it('never evaluates a ---js block', () => {
    const g = globalThis as { __firebreakPwned?: number };
    run(withFile(A, '---js\n{ id: (globalThis.__firebreakPwned = 1) }\n---\n'));
    run(withFile(A, '---\nid: x\n---js\n(globalThis.__firebreakPwned = 1)\n---\n'));
    expect(g.__firebreakPwned).toBeUndefined();
  });

  it('bounds a billion-laughs alias bomb', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 20; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    bomb.push('---', '');
    const started = performance.now();
    const got = lines(run(withFile(A, bomb.join('\n'))));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(got.filter((l) => l.includes('parse/alias'))).toEqual([`${A}:2:7 parse/alias`]);
  });

  it('reports a file that is not UTF-8 at the offending line', () => {
    const bytes = new TextEncoder().encode(ann.replace('Ann Lee', 'Ann Lxe'));
    const at = bytes.indexOf('x'.charCodeAt(0), 40);
    bytes[at] = 0xe9; // Latin-1 é
    expect(lines(run({ ...BASE, [A]: bytes }))).toContain(`${A}:5:12 parse/not-utf8`);
  });

  it('caps file and front-matter sizes before parsing', () => {
    expect(lines(run(withFile(A, ann + 'x'.repeat(2000)), { policy: { max_file_bytes: 1024 } }))).toContain(`${A}:1:1 parse/too-large`);
    expect(lines(run(withFile(A, ann.replace('name: Ann Lee', `name: Ann Lee\nnotes: "${'y'.repeat(400)}"`)), { policy: { max_front_matter_bytes: 256 } }))).toContain(`${A}:2:1 parse/too-large`);
  });

  it('accepts a BOM and CRLF line endings, with the same positions', () => {
    const stale = ann.replace('last_verified: 2026-11-01', 'last_verified: 2026-01-01');
    for (const text of [`\uFEFF${stale}`, stale.replace(/\n/g, '\r\n')]) {
      expect(lines(run(withFile(A, text)))).toEqual([`${A}:13:1 contact/stale`]);
    }
  });

  it('keeps YAML 1.2 core scalars as written: NO and dates stay strings', () => {
    const d = run(withFile(A, ann.replace('name: Ann Lee', 'name: NO')));
    expect(lines(d)).toEqual([]);
  });

  it('suggests the closest field for a typo', () => {
    const d = run(withFile(A, ann.replace('last_verified:', 'last_verifed:')));
    expect(d.find((x) => x.ruleId === 'schema/unknown-field')?.hint).toBe('Did you mean `last_verified`?');
  });

  it('reports a duplicate id across kinds after case folding', () => {
    const dup = BASE[A]!.replace('id: ann-lee', 'id: ann-lee');
    expect(lines(run({ ...BASE, 'contacts/sub/ann-lee.md': dup }))).toContain('contacts/sub/ann-lee.md:2:5 ref/duplicate-id');
  });

  it('reports a document in the wrong folder', () => {
    const files = withFile(A, null);
    expect(lines(run({ ...files, 'plans/ann-lee.md': ann }))).toContain('plans/ann-lee.md:3:7 ref/wrong-folder');
  });
});

describe('which documents a check of some documents reads whole', () => {
  const scope = { files: ['incidents/2026/inc-2026-002.md'], needles: ['inc-2026-001', 'dan-reyes', 'a.b'] };
  it.each([
    ['a named file', 'incidents/2026/inc-2026-002.md', 'nothing', true],
    ['a text naming a changed document, in any case', 'plans/ddos.md', 'see INC-2026-001', true],
    ['a file name in a link', 'plans/ddos.md', '[Dan](../contacts/Dan-Reyes.md)', true],
    ['a needle as written, not as a pattern', 'plans/ddos.md', 'aXb', false],
    ['a needle as written', 'plans/ddos.md', 'a.b', true],
    ['a longer id that holds a needle (read whole: reading more than needed is safe)', 'plans/ddos.md', 'INC-2026-0011 is another', true],
    ['nothing', 'plans/ddos.md', 'INC-2026-003', false],
  ])('%s', (_name, file, text, whole) => {
    expect(wholeDocument(file, text, { bodies: scope })).toBe(whole);
  });

  it('every document, without a scope', () => {
    expect(wholeDocument('plans/ddos.md', '', {})).toBe(true);
  });
});
