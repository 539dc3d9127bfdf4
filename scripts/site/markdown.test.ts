import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../io/kit.js';
import { renderMarkdown, type LinkTarget } from './markdown.js';

const links: LinkTarget = {
  byFile: (file) => (file === 'plans/ransomware.md' ? '/plans/ransomware/' : undefined),
  byId: (id) => ({ 'alice-nguyen': '/contacts/alice-nguyen/', 'INC-2026-001': '/incidents/inc-2026-001/' } as Record<string, string>)[id],
};
const render = (md: string) => renderMarkdown(md, 'incidents/2026/inc-2026-009.md', links, '/');

describe('renderMarkdown', () => {
  it.each([
    ['@alice-nguyen called', '<p><a href="/contacts/alice-nguyen/" class="mention">@alice-nguyen</a> called</p>'],
    ['mail ops@alice-nguyen.example', '<p>mail ops@alice-nguyen.example</p>'],
    ['@nobody here', '<p>@nobody here</p>'],
    ['- 01:10 [detection] alert', '<ul>\n<li>01:10 <span class="phase phase-detection">detection</span> alert</li>\n</ul>'],
    ['[triage] is not a phase', '<p>[triage] is not a phase</p>'],
    ['[plan](../../plans/ransomware.md#preparation)', '<p><a href="/plans/ransomware/#preparation">plan</a></p>'],
    ['[by id](INC-2026-001)', '<p><a href="/incidents/inc-2026-001/">by id</a></p>'],
    ['[withheld](INC-2026-003)', '<p><span class="link-withheld">withheld</span></p>'],
    ['[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
    ['<b>@alice-nguyen</b>', '<p>&lt;b&gt;<a href="/contacts/alice-nguyen/" class="mention">@alice-nguyen</a>&lt;/b&gt;</p>'],
    ['## Root cause', '<h2 id="root-cause">Root cause</h2>'],
  ])('%j', (md, html) => {
    expect(render(md).trim()).toBe(html);
  });
});

describe('the bundled markdown-it (fields assigned, scripts/ensure-built.mjs)', () => {
  const TRICKY = [
    '# Title\n\nText with *emphasis*, **strong**, `code`, ~~struck~~ and a [link](https://example.org "t").\n',
    '| a | b |\n| :- | -: |\n| 1 | 2 |\n\n- [ ] task\n- item\n  1. nested\n  2. list\n',
    '> quote\n>\n> > nested\n\n```js\nconst x = 1;\n```\n\n    indented code\n\n***\n',
    'Line  \nbreak\\\nand <b>raw html</b> &amp; entities &copy; &#x41; <https://auto.link> ![img](a.png)\n',
    '[ref]\n\n[ref]: https://example.org\n\n1) one\n2) two\n\nSetext\n======\n',
    '*a **b** c* _d_ __e__ ***f*** `` a ` b `` \\*escaped\\*\n',
  ];

  it('renders every body as the published build does', async () => {
    const { assignFields } = (await import(pathToFileURL(join(KIT_ROOT, 'scripts', 'ensure-built.mjs')).href)) as { assignFields(source: string): string };
    const published = join(KIT_ROOT, 'node_modules', 'markdown-it', 'dist', 'markdown-it.mjs');
    // Beside the original, so that its own imports resolve the same.
    const patched = join(dirname(published), `markdown-it.assigned-${process.pid}.mjs`);
    writeFileSync(patched, assignFields(readFileSync(published, 'utf8')));
    try {
      const { default: Original } = (await import(pathToFileURL(published).href)) as { default: new (o: object) => { render(s: string): string } };
      const { default: Assigned } = (await import(pathToFileURL(patched).href)) as { default: new (o: object) => { render(s: string): string } };
      const bodies = [...TRICKY, ...exampleBodies()];
      expect(bodies.length).toBeGreaterThan(20);
      for (const options of [{ html: false }, { html: true, linkify: true, typographer: true }]) {
        const a = new Original(options);
        const b = new Assigned(options);
        for (const body of bodies) expect(b.render(body)).toBe(a.render(body));
      }
    } finally {
      rmSync(patched, { force: true });
    }
  });

  it('refuses a build that no longer has the expected form', async () => {
    const { assignFields } = (await import(pathToFileURL(join(KIT_ROOT, 'scripts', 'ensure-built.mjs')).href)) as { assignFields(source: string): string };
    expect(() => assignFields('var Token = class { constructor() { this.map = null; } };')).toThrow(/markdown-it changed/);
  });
});

/** The bodies of the example repository's documents. */
function exampleBodies(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.md')) out.push(readFileSync(path, 'utf8').split(/\n---\n/).slice(1).join('\n---\n'));
    }
  };
  for (const folder of ['incidents', 'plans', 'contacts']) walk(join(KIT_ROOT, folder));
  return out;
}
