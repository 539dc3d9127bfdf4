// `firebreak import` on real post-mortem repositories (scripts/test/import: DFDS, Jupyter's
// mybinder.org, the UK Ministry of Justice cloud platform; licences and sources in each README).
// Every timeline time and every action item of the output equals the source, row by row; the
// bodies are the sources' bodies byte for byte; `check` on the result has no crash and no error
// the importer caused; and the command never writes over anything.

import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { atOf } from './core/time/parse.js';
import type { IncidentDoc } from './core/model/types.js';
import { loadRepo } from './io/load-repo.js';
import { captureIo, copyExample, makeRepo, snapshot } from './test/repo.js';

const SOURCES = join(import.meta.dirname, 'test/import');
const NOW = '2026-11-24';
const src = (p: string) => readFileSync(join(SOURCES, p), 'utf8');

/** The timeline rows of a source, read with nothing but a regular expression per form. */
const tableRows = (text: string) => [...text.matchAll(/^\| (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \|/gm)].map((m) => m[1]!);
const headingRows = (text: string) => [...text.matchAll(/^### (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$/gm)].map((m) => m[1]!);
/** The action items of a source: the bullets under its action heading. */
const actionBullets = (text: string, heading: RegExp) => {
  const at = text.search(heading);
  const rest = text.slice(at).split('\n').slice(1);
  const end = rest.findIndex((l) => /^#{1,2} /.test(l));
  return (end === -1 ? rest : rest.slice(0, end)).filter((l) => /^- /.test(l)).map((l) => l.slice(2).trim()).filter((l) => l !== '');
};
const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n\n?/, '');

let root: string;
let out: string;
let code: number;
let incidents: Map<string, IncidentDoc>;

beforeAll(async () => {
  root = copyExample();
  const io = captureIo(root);
  code = await main(['import', SOURCES, '--visibility', 'internal', '--now', NOW], io);
  out = io.out;
  incidents = (await loadRepo(root, { markdown: true })).model.incidents;
});

const get = (id: string) => {
  const doc = incidents.get(id);
  if (!doc) throw new Error(`no ${id}; import said:\n${out}`);
  return doc;
};

describe('import of three public post-mortem repositories', () => {
  it('imports each post-mortem once and skips the templates and READMEs', () => {
    expect(code).toBe(0);
    expect(out).toMatch(/PMyyyy-nnn - Postmortem template\.md: skipped: a template/);
    expect(out).toMatch(/template-incident-report\.md: skipped: a template/);
    expect(out.match(/README\.md: skipped/g)).toHaveLength(3);
    expect(out).toMatch(/Imported 4, skipped 5, failed 0\./);
    expect([...incidents.values()].filter((d) => d.data.imported).map((d) => d.id).sort()).toEqual(['INC-2018-001', 'INC-2020-001', 'INC-2020-002', 'INC-2021-004']);
  });

  it('keeps every body byte for byte (the source\'s own front matter goes to imported.front_matter)', () => {
    const pairs: [string, string][] = [
      ['INC-2021-004', 'dfds/PM2021-004 - ADFS outage.md'],
      ['INC-2018-001', 'mybinder/2018-03-26-no-space-left.md'],
      ['INC-2020-001', 'moj/2020-08-14-ingress-controllers-crashlooping.html.md.erb'],
      ['INC-2020-002', 'moj/2020-09-21-some-cloud-platform-components-destroyed.html.md.erb'],
    ];
    for (const [id, file] of pairs) {
      const written = readFileSync(join(root, get(id).file), 'utf8');
      expect(bodyOf(written).trimEnd(), id).toBe(bodyOf(src(file)).trimEnd());
    }
    expect(get('INC-2020-001').data.imported!.front_matter).toBe('title: Incident on 2020-08-14 - Ingress-controllers crashlooping\nweight: 27\n');
  });

  it('DFDS: the id is the source\'s own number; every table row is a timeline entry at its written time, in the UTC the preface declares', () => {
    const doc = get('INC-2021-004');
    expect(doc.data.imported!.from).toMatch(/PM2021-004 - ADFS outage\.md$/);
    expect(doc.data.title).toBe('ADFS Outage');
    expect(doc.data.timezone).toBe('UTC');
    const rows = tableRows(src('dfds/PM2021-004 - ADFS outage.md'));
    expect(rows).toHaveLength(7);
    expect(doc.timeline!.map((e) => e.written.trim())).toEqual(rows);
    expect(doc.timeline!.map((e) => atOf(e.value))).toEqual(rows.map((r) => Date.parse(`${r.replace(' ', 'T')}:00Z`)));
  });

  it('mybinder: one heading per event, read in the CEST the preface declares (UTC+2)', () => {
    const doc = get('INC-2018-001');
    const rows = headingRows(src('mybinder/2018-03-26-no-space-left.md'));
    expect(rows).toEqual(['2018-03-26 10:34', '2018-03-26 10:55', '2018-03-26 15:00']);
    expect(doc.timeline!.map((e) => e.written.trim())).toEqual(rows);
    expect(doc.timeline!.map((e) => atOf(e.value))).toEqual(rows.map((r) => Date.parse(`${r.replace(' ', 'T')}:00+02:00`)));
  });

  it('MoJ: the key events become the milestones as written, on a clock whose zone the source never states', () => {
    const a = get('INC-2020-001').data;
    expect([a.detected, a.declared, a.resolved, a.timezone]).toEqual(['2020-08-14 10:43', '2020-08-14 11:01', '2020-08-14 11:38', 'not-stated']);
    const b = get('INC-2020-002').data;
    expect([b.detected, b.declared, b.recovered, b.resolved]).toEqual(['2020-09-21 18:27', '2020-09-21 18:40', '2020-09-21 19:05', '2020-09-21 21:41']);
    expect(get('INC-2020-001').timeline).toEqual([]);
  });

  it('every action item is a lesson with its text, and a status only where the source gives one', () => {
    const dfds = actionBullets(src('dfds/PM2021-004 - ADFS outage.md'), /^## Action Items$/m);
    expect(dfds).toHaveLength(3);
    expect(get('INC-2021-004').data.lessons!.map((l) => [l.title, l.status, l.owner, l.tracking])).toEqual(dfds.map((t) => [t, 'unknown', undefined, undefined]));

    const binder = actionBullets(src('mybinder/2018-03-26-no-space-left.md'), /^## Action items$/m);
    expect(binder).toHaveLength(6);
    const lessons = get('INC-2018-001').data.lessons!;
    expect(lessons).toHaveLength(binder.length);
    binder.forEach((item, i) => {
      const done = item.startsWith('[x] ');
      const text = item.replace(/^\[[ x]\] /, '');
      const link = /\[GitHub Issue\]\((.*)\)$/.exec(text);
      expect(lessons[i]!.title).toBe(link ? text.slice(0, link.index).trim() : text);
      expect(lessons[i]!.status).toBe(done ? 'implemented' : 'open');
      expect(lessons[i]!.tracking).toBe(link?.[1]);
      expect(lessons[i]!.owner).toBeUndefined();
    });
    // MoJ's incident log has no action items: no lesson is made up.
    expect(get('INC-2020-001').data.lessons).toBeUndefined();
  });

  it('writes unknown for what no source states, and invents nothing else', () => {
    for (const id of ['INC-2021-004', 'INC-2018-001', 'INC-2020-001', 'INC-2020-002']) {
      const x = get(id).data;
      expect([x.severity, x.commander, x.reviewed, x.impact?.personal_data], id).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
      expect(x.status).toBe('reviewed');
      expect(x.visibility).toBe('internal');
      expect([x.category, x.plan, x.participants, x.root_cause, x.detection, x.impact?.summary], id).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    }
    expect(get('INC-2021-004').data.detected).toBe('unknown');
  });

  it('check passes on day one: no error, no crash; each import is one to-do finding', async () => {
    const io = captureIo(root);
    const exit = await main(['check', '--now', NOW, '--format', 'json'], io);
    const found = JSON.parse(io.out).diagnostics as { ruleId: string; severity: string; file: string; message: string }[];
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(exit).toBe(0);
    const todo = found.filter((d) => d.ruleId === 'incident/import-unfinished');
    expect(todo.map((d) => d.file).sort()).toEqual(['incidents/2018/inc-2018-001.md', 'incidents/2020/inc-2020-001.md', 'incidents/2020/inc-2020-002.md', 'incidents/2021/inc-2021-004.md']);
    expect(todo.find((d) => d.file.endsWith('inc-2021-004.md'))!.message).toMatch(/unknown severity, commander, detected, resolved, reviewed, impact\.personal_data; 3 lessons without an owner; 3 lessons with an unknown status; to write: .*section Detection/);
  });

  it('once marked finished, every error left is about what the source lacks, none about what the import wrote', async () => {
    const finished = copyExample();
    for (const doc of [...incidents.values()].filter((d) => d.data.imported)) {
      const text = readFileSync(join(root, doc.file), 'utf8').replace(/^(imported:\n(?: {2}.*\n)+)/m, '$1  finished: 2026-11-24\n');
      mkdirSync(join(finished, doc.file, '..'), { recursive: true });
      writeFileSync(join(finished, doc.file), text);
    }
    const io = captureIo(finished);
    expect(await main(['check', '--now', NOW, '--format', 'json'], io)).toBe(1);
    const errors = (JSON.parse(io.out).diagnostics as { ruleId: string; severity: string; file: string }[]).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((d) => d.ruleId))).toEqual(new Set(['incident/status-requirements', 'md/required-sections']));
  });
});

describe('import never loses a byte', () => {
  it('--dry-run reports and writes nothing', async () => {
    const dir = copyExample();
    const before = snapshot(dir);
    const io = captureIo(dir);
    expect(await main(['import', join(SOURCES, 'dfds'), '--visibility', 'internal', '--dry-run', '--now', NOW], io)).toBe(0);
    expect(io.out).toMatch(/→ incidents\/2021\/inc-2021-004\.md \(INC-2021-004, not written\)/);
    expect(io.out).toMatch(/Would import 1, skipped 2, failed 0\. Nothing was written/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a second run skips what is already imported', async () => {
    const dir = copyExample();
    await main(['import', join(SOURCES, 'mybinder'), '--visibility', 'internal', '--now', NOW], captureIo(dir));
    const before = snapshot(dir);
    const io = captureIo(dir);
    expect(await main(['import', join(SOURCES, 'mybinder'), '--visibility', 'internal', '--now', NOW], io)).toBe(0);
    expect(io.out).toMatch(/2018-03-26-no-space-left\.md: skipped: already imported as INC-2018-001/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('never overwrites: a file in the way keeps its number and its bytes; the import takes the next number', async () => {
    const dir = copyExample();
    mkdirSync(join(dir, 'incidents/2021'), { recursive: true });
    writeFileSync(join(dir, 'incidents/2021/inc-2021-004.md'), 'someone else\'s work\n');
    const io = captureIo(dir);
    expect(await main(['import', join(SOURCES, 'dfds'), '--visibility', 'internal', '--now', NOW], io)).toBe(0);
    expect(readFileSync(join(dir, 'incidents/2021/inc-2021-004.md'), 'utf8')).toBe('someone else\'s work\n');
    expect(io.out).toMatch(/→ incidents\/2021\/inc-2021-005\.md \(INC-2021-005\)/);
  });

  it('visibility is never defaulted: without --visibility and without a terminal it is a usage error, and nothing is written', async () => {
    const dir = copyExample();
    const before = snapshot(dir);
    const io = captureIo(dir);
    expect(await main(['import', join(SOURCES, 'dfds'), '--now', NOW], io)).toBe(2);
    expect(io.err).toMatch(/--visibility is required/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a source whose front matter is not plain data, or that holds a credential (never copied, never printed), and imports the rest', async () => {
    const token = `ghp_${'abcdefghijklmnopqrstuvwxyz0123456789'}`;
    const sources = makeRepo({
      'a.md': '---\ntitle: &x boom\nother: *x\n---\n# A\n\n## Summary\n\nText.\n',
      'c.md': `# C\n\n## Action items\n\n- Rotate ${token}\n`,
      '2024-05-01-b.md': '# B\n\n## Timeline\n\n- 2024-05-01 10:00 UTC Alert\n',
    });
    const dir = copyExample();
    const io = captureIo(dir);
    expect(await main(['import', sources, '--visibility', 'internal', '--now', NOW], io)).toBe(1);
    expect(io.out).toMatch(/a\.md: refused: its front matter: /);
    expect(io.out).toMatch(/c\.md: refused: what looks like a secret at line 5 \(GitHub Token\); rotate it/);
    expect(io.out).not.toContain(token);
    expect(io.out).toMatch(/Imported 1, skipped 0, failed 2\./);
    expect(existsSync(join(dir, 'incidents/2024/inc-2024-001.md'))).toBe(true);
  });
});
