import { describe, expect, it } from 'vitest';
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
