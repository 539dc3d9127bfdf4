import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../io/kit.js';
import { siteData } from './data.js';
import { pageFolders } from './page-folders.js';
import { BASE, BASE_SECTIONS_YAML } from '../test/harness.js';
import { copyExample, makeRepo, snapshot } from '../test/repo.js';
import { allText, brokenLinks, buildSite, outputFiles, prepareBuild, readOutput, searchRecords, type SearchRecord } from '../test/site.js';

const NOW = '2026-11-23';
const builds: Record<string, { dir: string; files: string[]; out: string }> = {};
let root: string;

beforeAll(() => {
  prepareBuild();
  root = copyExample();
  for (const audience of ['public', 'internal', 'restricted']) {
    const r = buildSite(root, '--audience', audience, '--now', NOW, '--out', join(root, `_site-${audience}`));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const dir = join(root, `_site-${audience}`);
    builds[audience] = { dir, files: outputFiles(dir), out: r.out };
  }
}, 120_000);

const incidentPages = (audience: string) => builds[audience]!.files.filter((f) => /^incidents\/(inc|ex)-\d{4}-\d+\/index\.html$/.test(f)).map((f) => f.split('/')[1]).sort();

describe('audiences', () => {
  it('public holds only public incidents', () => {
    expect(incidentPages('public')).toEqual(['ex-2026-003', 'inc-2026-002']);
  });
  it('internal adds internal incidents and exercises, not restricted ones', () => {
    expect(incidentPages('internal')).toEqual(['ex-2026-001', 'ex-2026-002', 'ex-2026-003', 'inc-2026-001', 'inc-2026-002', 'inc-2026-004', 'inc-2026-005']);
  });
  it('restricted holds everything', () => {
    expect(incidentPages('restricted')).toEqual(['ex-2026-001', 'ex-2026-002', 'ex-2026-003', 'inc-2026-001', 'inc-2026-002', 'inc-2026-003', 'inc-2026-004', 'inc-2026-005']);
  });
  it('every audience has every page kind it may see', () => {
    for (const audience of Object.keys(builds)) {
      for (const page of ['index.html', 'incidents/index.html', 'lessons/index.html', 'metrics/index.html', 'search/index.html', 'feed.xml', 'incidents/severity/medium/index.html', 'pagefind/pagefind.js']) {
        expect(builds[audience]!.files, `${audience}: ${page}`).toContain(page);
      }
    }
    for (const audience of ['internal', 'restricted']) {
      for (const page of ['contacts/index.html', 'contacts/alice-nguyen/index.html', 'plans/ransomware/index.html', 'plans/ransomware/call-sheet/index.html']) {
        expect(builds[audience]!.files, `${audience}: ${page}`).toContain(page);
      }
    }
  });
  it('the kit\'s assets and schemas are copied as they are (the build copies them: Eleventy runs dry)', () => {
    const kit = [...outputFiles(join(KIT_ROOT, 'site', 'assets')).map((f) => `assets/${f}`), ...outputFiles(join(KIT_ROOT, 'schemas')).map((f) => `schemas/${f}`)];
    expect(kit.length).toBeGreaterThan(5);
    for (const audience of Object.keys(builds)) {
      expect(builds[audience]!.files.filter((f) => /^(assets|schemas)\//.test(f)).sort(), audience).toEqual(kit.sort());
      for (const f of kit) expect(readFileSync(join(builds[audience]!.dir, f)).equals(readFileSync(join(KIT_ROOT, f.startsWith('assets/') ? 'site' : '', f))), `${audience}: ${f}`).toBe(true);
    }
  });
  it('the leak guard read every page as its template rendered it, and found each file that very text', () => {
    for (const audience of Object.keys(builds)) {
      const pages = builds[audience]!.files.filter((f) => !/^(assets|schemas|pagefind)\//.test(f) && f !== '.firebreak-build');
      expect(pages.length).toBeGreaterThan(10);
      expect(builds[audience]!.out, audience).toContain(audience === 'restricted' ? 'nothing is withheld from a restricted build' : `the leak guard read ${pages.length} pages as rendered, each file then found identical`);
    }
  });
  it('the public build has no directory of people and no plans', () => {
    expect(builds.public!.files.filter((f) => f.startsWith('contacts/') || f.startsWith('plans/'))).toEqual([]);
    const page = readOutput(builds.public!.dir, 'incidents/inc-2026-002/index.html');
    // People are named by their team; nobody's name, id, role or access is published.
    expect(page).not.toMatch(/alice-nguyen|Alice Nguyen|bob-okafor|Bob Okafor|isolate hosts/i);
    expect(page).toContain('Security Operations');
  });
});

describe('a public build leaks nothing', () => {
  const secrets = () => {
    const out: string[] = ['INC-2026-001', 'INC-2026-003', 'INC-2026-004', 'INC-2026-005', 'EX-2026-001',
      'Phished VPN credentials', 'Delivery records exposed', 'Ransomware on a warehouse', 'OAuth consent grant', 'ERP database server on a Sunday',
      'ICO case IC-300412-K9', 'PDF Viewer Pro', '4,212 customers'];
    // Every personal phone number and e-mail address in contacts/.
    for (const f of outputFiles(join(KIT_ROOT, 'contacts'))) {
      const text = readFileSync(join(KIT_ROOT, 'contacts', f), 'utf8');
      const isPerson = /\ntype: person\n/.test(text);
      // A person is named by their team on the public site, never by name (the report embedded in a page included).
      if (isPerson) out.push(/\nname: (.+)\n/.exec(text)![1]!);
      for (const m of text.matchAll(/- type: (phone|email)\n\s+value: "?([^"\n]+)"?\n(?:\s+label: .*\n)?(\s+personal: false)?/g)) {
        if (isPerson && !m[3]) out.push(m[2]!);
      }
    }
    return out;
  };
  it('the secrets list is not empty (the test can fail)', () => {
    expect(secrets().filter((s) => s.includes('@')).length).toBeGreaterThan(5);
    expect(secrets().filter((s) => s.startsWith('+44')).length).toBeGreaterThan(5);
    const internal = allText(builds.internal!.dir).map((f) => f.text).join('\n');
    expect(internal).toContain('alice.nguyen@kestrel-freight.example');
    expect(internal).toContain('Phished VPN credentials');
  });
  it('in any output file, the search index included', () => {
    const found: string[] = [];
    for (const { file, text } of allText(builds.public!.dir)) {
      for (const s of secrets()) if (text.toLowerCase().includes(s.toLowerCase())) found.push(`${file}: ${s}`);
    }
    expect(found).toEqual([]);
  });
  it('while an internal build leaves out restricted incidents', () => {
    const found = allText(builds.internal!.dir).filter(({ text }) => /INC-2026-003|Delivery records exposed|IC-300412-K9/i.test(text)).map((f) => f.file);
    expect(found).toEqual([]);
  });
});

describe('search records', () => {
  /** Each searchable page's record in the index: its text and metadata, by URL. */
  const records = (audience: string): Map<string, SearchRecord> => new Map(searchRecords(join(builds[audience]!.dir, 'pagefind')).map((r) => [r.url, r]));
  // A label and its value, or two cells, run together ("CommanderBob") are one word to search.
  const cases: [string, string, string][] = [
    ['a term and its description', '/incidents/inc-2026-005/', 'Commander Bob Okafor Plan Account and credential compromise'],
    ['a row\'s cells', '/incidents/inc-2026-005/', 'Erin Walsh. 2026-11-21 14:30 UTC. 2026-11-21 14:41 UTC. 11 min.'],
    ['a contact\'s fallback', '/contacts/alice-nguyen/', 'If unreachable, call Bob Okafor Backs up Bob Okafor'],
    ['hours and time zone', '/contacts/carol-smith/', 'Hours Mon–Fri 08:00–16:30 Time zone Europe/London'],
  ];
  it.each(cases)('keep words apart: %s', (_name, url, text) => {
    expect(records('internal').get(url)?.content).toContain(text);
  });
  it('leave out tables\' header rows and captions, which every page of a kind repeats', () => {
    const incident = records('internal').get('/incidents/inc-2026-004/')!.content;
    expect(incident).toContain('Time to engage. Corvid MDR. 2026-11-12 05:47 UTC.');
    for (const repeated of ['Contact Asked Engaged', 'Who was asked for help', 'Lesson Owner Due Status', 'Lessons, with owner and status', 'Phase Gap What happened']) expect(incident).not.toContain(repeated);
  });
  it('carry the status as metadata, not as a word of the text', () => {
    const all = records('internal');
    expect(all.get('/incidents/inc-2026-005/')?.meta.status).toBe('open');
    expect(all.get('/contacts/alice-nguyen/')?.meta.status).toBe('active');
    expect(all.get('/contacts/alice-nguyen/')?.content).toMatch(/^contact · person\. Alice Nguyen\./);
  });
});

describe('quality', () => {
  it('every page is valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'error', 'long-title': 'off', 'no-trailing-whitespace': 'off', 'wcag/h63': 'off' } });
    const problems: string[] = [];
    for (const audience of ['internal', 'public']) {
      for (const f of builds[audience]!.files.filter((x) => x.endsWith('.html'))) {
        const report = await validator.validateString(readOutput(builds[audience]!.dir, f), f);
        for (const r of report.results) for (const m of r.messages) problems.push(`${audience}/${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
  it('no internal link or anchor is broken', () => {
    expect(brokenLinks(builds.internal!.dir)).toEqual([]);
    expect(brokenLinks(builds.public!.dir)).toEqual([]);
  });
  it('no inline script, and a Content-Security-Policy on every page', () => {
    for (const f of builds.internal!.files.filter((x) => x.endsWith('.html'))) {
      const html = readOutput(builds.internal!.dir, f);
      expect(html, f).toContain('http-equiv="Content-Security-Policy"');
      expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="/.test(tag)) ?? true, f).toBe(true);
    }
  });
  it('the feed is Atom with the audience\'s incidents', () => {
    const feed = readOutput(builds.public!.dir, 'feed.xml');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect([...feed.matchAll(/<entry>/g)]).toHaveLength(2);
    expect(feed).toContain("INC-2026-002: DDoS");
  });
});

describe('hostile content', () => {
  const hostileBody = `
## Summary

<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">click</a>
[link](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)
Liquid {{ 7 | times: 7 }} {% include "/etc/passwd" %} Nunjucks {{ 6*7 }} {%- raw %}
<iframe src="https://evil.example"></iframe><style>body{display:none}</style>
`;
  const incident = BASE['incidents/inc-2026-001.md']!.replace(/\n---\n\n## Summary\n[\s\S]*$/, `\n---\n${hostileBody}`);
  const eleventyKeys = BASE['contacts/ico.md']!.replace('status: active', 'permalink: ../../../../tmp/pwned.html\nlayout: evil\neleventyComputed:\n  title: x\nstatus: active');

  it('is inert text in the built HTML, and nothing is written outside the output', () => {
    const root = makeRepo({ ...BASE, 'firebreak.yml': BASE_SECTIONS_YAML, 'incidents/inc-2026-001.md': incident, 'contacts/ico.md': eleventyKeys });
    const before = snapshot(root);
    const r = buildSite(root, '--audience', 'internal', '--now', NOW);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const after = snapshot(root);
    for (const [file] of after) if (!file.startsWith('_site/')) expect(before.has(file), file).toBe(true);
    expect([...before.keys()].filter((f) => !after.has(f))).toEqual([]);

    const page = readOutput(r.dir, 'incidents/inc-2026-001/index.html');
    const record = page.slice(page.indexOf('id="h-record"'));
    expect(record).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(record).toContain('{{ 7 | times: 7 }}');
    expect(record).toContain('{% include &quot;/etc/passwd&quot; %}');
    expect(record).toContain('{{ 6*7 }}');
    expect(record).not.toMatch(/<script|<img|<iframe|<style|<[^>]+\son\w+=|href="javascript:|href="data:/i);
    expect(record).not.toContain('>42<');
    // The contact with Eleventy keys is a schema error, shown as such, with its page at its id.
    const contact = readOutput(r.dir, 'index.html');
    expect(contact).toContain('contacts/ico.md');
    expect(outputFiles(r.dir).some((f) => f.includes('pwned'))).toBe(false);
  });
});

describe('the output folder', () => {
  it('is not replaced when it holds something the build did not write', () => {
    const root = makeRepo({ ...BASE, 'firebreak.yml': BASE_SECTIONS_YAML, '_site/notes.txt': 'mine' });
    const r = buildSite(root, '--now', NOW);
    expect(r.code).toBe(2);
    expect(readFileSync(join(root, '_site/notes.txt'), 'utf8')).toBe('mine');
  });
  it('a second build replaces the first, leaving nothing of it', () => {
    const root = makeRepo({ ...BASE, 'firebreak.yml': BASE_SECTIONS_YAML });
    expect(buildSite(root, '--audience', 'internal', '--now', NOW).code).toBe(0);
    writeFileSync(join(root, '_site/stale.html'), 'old');
    expect(buildSite(root, '--audience', 'public', '--now', NOW).code).toBe(0);
    expect(outputFiles(join(root, '_site'))).not.toContain('stale.html');
    expect(outputFiles(join(root, '_site')).some((f) => f.includes('inc-2026-001'))).toBe(false);
  });
});

describe('findings shown on an internal site', () => {
  it('leave out one that names a restricted incident (a possible recurrence of it), and the build publishes', async () => {
    const root = copyExample();
    const file = join(root, 'incidents/2026/inc-2026-004.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('systems: [warehouse-endpoints, file-servers]', 'systems: [warehouse-endpoints, file-servers, delivery-exports]').replace('category: external-media', 'category: web'));
    const { main } = await import('../cli.js');
    const { captureIo } = await import('../test/repo.js');
    const io = captureIo(root);
    await main(['check', '--now', NOW, '--format', 'json', '--scope', 'all'], io);
    const warned = (JSON.parse(io.out) as { diagnostics: { ruleId: string; file: string; message: string }[] }).diagnostics.filter((d) => d.ruleId === 'incident/possible-recurrence');
    expect(warned.map((d) => [d.file, d.message.slice(0, 36)])).toEqual([['incidents/2026/inc-2026-004.md', 'Possible recurrence of INC-2026-003 ']]);
    const out = join(root, '_site-internal');
    const r = buildSite(root, '--audience', 'internal', '--now', NOW, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(allText(out).filter(({ text }) => /INC-2026-003/i.test(text)).map((f) => f.file)).toEqual([]);
    // The restricted build, which shows both, shows the finding.
    const all = join(root, '_site-restricted');
    expect(buildSite(root, '--audience', 'restricted', '--now', NOW, '--out', all).code).toBe(0);
    expect(readOutput(all, 'incidents/inc-2026-004/index.html')).toContain('Possible recurrence of INC-2026-003');
  }, 120_000);
});

describe('the folders made ahead of the pages (site/page-folders.ts)', () => {
  it.each(['public', 'internal', 'restricted'])('%s: each holds its page, and the build leaves no folder empty', async (audience) => {
    const site = await siteData({ FIREBREAK_ROOT: root, FIREBREAK_AUDIENCE: audience, FIREBREAK_NOW: `${NOW}T00:00:00Z`, FIREBREAK_BASE: '/', FIREBREAK_BUILD_ID: `folders-${audience}` });
    const folders = pageFolders(site);
    const { dir, files } = builds[audience]!;
    // Every page written one per document: an incident's, a contact's, a plan's, its call sheet, a filter.
    const perDocument = files.filter((f) => /^(incidents|contacts|plans)\/.+\/index\.html$/.test(f)).map((f) => f.slice(0, -'index.html'.length));
    expect([...folders].sort()).toEqual(perDocument.sort());
    const empty: string[] = [];
    const walk = (rel: string) => {
      const entries = readdirSync(join(dir, rel), { withFileTypes: true });
      if (entries.length === 0) empty.push(rel);
      for (const e of entries) if (e.isDirectory()) walk(rel ? `${rel}/${e.name}` : e.name);
    };
    walk('');
    expect(empty).toEqual([]);
  });
});
