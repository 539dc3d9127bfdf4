// Clocks people can see: the incident page's clock table, the dashboard's running deadlines, the
// report's duties and the calendar's deadlines, from one incident under UK GDPR and NIS2.

import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildIncidentReport, reportMarkdown } from '../core/brief/incident-report.js';
import { nowFrom } from '../core/model/time.js';
import { defaultConfig } from '../core/policy.js';
import { BASE, loadModel } from '../test/harness.js';
import { calendar } from './pages/calendar.js';
import { dashboardPage } from './pages/dashboard.js';
import { incidentPage } from './pages/incident.js';
import { buildSiteData } from './site-data.js';

const I = 'incidents/inc-2026-001.md';
const files = {
  ...BASE,
  [I]: `---
id: INC-2026-001
kind: incident
title: Portal data exposed
status: contained
severity: high
commander: ann-lee
visibility: internal
detected: 2026-11-22T09:00Z
contained: 2026-11-22T12:00Z
decisions:
  significant: { answer: yes, at: 2026-11-22T10:00Z, by: ann-lee }
impact:
  personal_data: true
notifications:
  - { audience: regulator, duty: nis2/early-warning, at: 2026-11-22T18:00Z }
---

## Summary

Text.
`,
};

describe('duties on the site', () => {
  const now = nowFrom('2026-11-23T12:00Z')!;
  const model = loadModel(files);
  const config = { ...defaultConfig(), regimes: ['uk-gdpr', 'nis2'] };
  const site = buildSiteData({ model, diagnostics: [], now, audience: 'internal', base: '/', policy: config.policy, config });
  const doc = model.incidents.get('INC-2026-001')!;

  it('the incident page has a clock table: running first, then met, what does not apply folded away', () => {
    const page = incidentPage(site, doc);
    const rows = [...page.matchAll(/<tr[^>]*>\s*<td[^>]*><strong>([^<]+)<\/strong>[\s\S]*?<code>([^<]+)<\/code>[\s\S]*?badge-duty-([a-z-]+)">[^<]*<\/span> ([^<]*)/g)].map((m) => `${m[2]} ${m[3]} ${m[4]!.trim()}`.trim());
    expect(rows).toEqual([
      'uk-gdpr/authority due 1 d 21 h left',
      'nis2/notification due 1 d 21 h left',
      'uk-gdpr/data-subjects may-apply',
      'nis2/final-report waiting',
      'nis2/early-warning met 15 h to spare',
    ]);
    expect(page).not.toContain('do not apply</summary>');
  });

  it('the dashboard lists every running clock, soonest first', () => {
    const page = dashboardPage(site);
    const section = page.slice(page.indexOf('id="clocks"'), page.indexOf('id="lessons"'));
    expect([...section.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual(['uk-gdpr/authority', 'nis2/notification']);
    expect(section.replace(/<[^>]*>/g, '')).toContain('2026-11-25 09:00 UTC');
  });

  it('the report states each duty and whether it was met', () => {
    const md = reportMarkdown(buildIncidentReport(model, doc, now, config));
    expect(md).toContain('- NIS2, early warning to the CSIRT or competent authority (nis2/early-warning): met 2026-11-22 18:00 UTC, 15 h before the deadline (deadline 2026-11-23 09:00 UTC)');
    expect(md).toContain('- UK GDPR, notify the supervisory authority (uk-gdpr/authority): due, 1 d 21 h left (deadline 2026-11-25 09:00 UTC)');
    expect(md).toContain('Notify the supervisory authority (uk-gdpr/authority) is due, due 2026-11-25 09:00 UTC.');
  });

  it('the calendar carries the deadlines still to meet, as timed events', () => {
    const events = new ICAL.Component(ICAL.parse(calendar(site))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
      .filter((e) => e.summary.startsWith('Deadline'));
    expect(events.map((e) => [e.summary, e.endDate.toJSDate().toISOString()])).toEqual([
      ['Deadline: Incident notification (INC-2026-001)', '2026-11-25T09:00:00.000Z'],
      ['Deadline: Notify the supervisory authority (INC-2026-001)', '2026-11-25T09:00:00.000Z'],
    ]);
  });
});
