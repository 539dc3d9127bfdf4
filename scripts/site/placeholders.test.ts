// A prompt left for a person to fill in is never published as a fact: the report, the feed and
// the incident page show it as "to be written".

import { describe, expect, it } from 'vitest';
import { buildIncidentReport, reportMarkdown } from '../core/brief/incident-report.js';
import { BASE, loadModel, NOW } from '../test/harness.js';
import { incidentPage } from './pages/incident.js';
import { feed } from './pages/feed.js';
import { buildSiteData } from './site-data.js';
import { DEFAULT_POLICY } from '../core/policy.js';

const I = 'incidents/inc-2026-001.md';
const files = {
  ...BASE,
  [I]: BASE[I]!
    .replace('  summary: Bucket readable by anyone for a day.\n', '  summary: "TODO: effects so far"\n')
    .replace('  source: E-mail from a security researcher\n', '  source: "TODO: what detected it"\n'),
};

describe('placeholders', () => {
  const model = loadModel(files);
  const doc = model.incidents.get('INC-2026-001')!;
  const site = buildSiteData({ model, diagnostics: [], now: NOW, audience: 'internal', base: '/', policy: DEFAULT_POLICY });

  it('the report says what is still to be written', () => {
    const md = reportMarkdown(buildIncidentReport(model, doc, NOW));
    expect(md).toContain('Effects in plain words: to be written.');
    expect(md).not.toContain('TODO');
    // From the status table: the closed incident's prompts are listed with the status that needs them.
    expect(md).toContain('### Still to be written\n\n');
    expect(md).toContain('- `detection.source` (needed from status resolved)\n- `impact.summary` (needed from status resolved)\n- The Detection section (needed from status resolved)');
  });

  it('an open incident\'s page says what its next status needs', () => {
    const open = loadModel({ ...files, [I]: files[I]!.replace('status: closed', 'status: open').replace(/^(contained|resolved|reviewed|closed): .*\n/gm, '') });
    const page = incidentPage(buildSiteData({ model: open, diagnostics: [], now: NOW, audience: 'internal', base: '/', policy: DEFAULT_POLICY }), open.incidents.get('INC-2026-001')!);
    expect(page).toMatch(/To be written before status <strong>contained<\/strong>: <code>contained<\/code>, Response \(section\)\./);
  });

  it('the feed does not publish a prompt', () => {
    const xml = feed(site, 'https://ir.example.org');
    expect(xml).toContain('Effects: to be written.');
    expect(xml).not.toContain('TODO');
  });

  it('the incident page shows "to be written" where the prompt is', () => {
    const page = incidentPage(site, doc);
    expect(page.match(/<span class="to-write">to be written<\/span>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(page).not.toMatch(/TODO: (effects so far|what detected it)/);
  });

  it('a section that still holds its prompt reads "To be written." in the record', () => {
    const open = loadModel({ ...files, [I]: `${files[I]!}\n## Root cause\n\nTODO: The cause beneath the trigger.\n` });
    const page = incidentPage(buildSiteData({ model: open, diagnostics: [], now: NOW, audience: 'internal', base: '/', policy: DEFAULT_POLICY }), open.incidents.get('INC-2026-001')!);
    expect(page).toContain('<p class="to-write">To be written.</p>');
    expect(page).not.toContain('The cause beneath the trigger');
  });
});
