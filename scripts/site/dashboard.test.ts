// The dashboard's lessons: the most urgent, however long the history.

import { describe, expect, it } from 'vitest';
import { nowFrom } from '../core/model/time.js';
import { defaultConfig } from '../core/policy.js';
import { loadModel, withFile } from '../test/harness.js';
import { dashboardPage } from './pages/dashboard.js';
import { buildSiteData } from './site-data.js';

type Lesson = { status: string; due: string };

/** One incident with these lessons, named l1, l2… in order. */
function repo(lessons: Lesson[]): Record<string, string> {
  const items = lessons.map((l, i) => `  - { id: l${i + 1}, title: Lesson ${i + 1}, phase: recovery, owner: ann-lee, due: ${l.due}, status: ${l.status}${l.status === 'implemented' ? ', implemented: 2026-11-01, tracking: https://tracker.example.org/T-1' : ''} }`).join('\n');
  return withFile('incidents/inc-2026-001.md', `---
id: INC-2026-001
kind: incident
title: Portal data exposed
status: resolved
severity: high
commander: ann-lee
visibility: internal
detected: 2026-10-01T09:00Z
resolved: 2026-10-02T09:00Z
lessons:
${items}
---

## Summary

Text.
`);
}

/** The ids of the lessons the dashboard lists, in order, and what it says under them. */
function dashboardLessons(lessons: Lesson[]): { ids: string[]; note: string } {
  const config = defaultConfig();
  const site = buildSiteData({ model: loadModel(repo(lessons)), diagnostics: [], now: nowFrom('2026-11-23T12:00Z')!, audience: 'internal', base: '/', policy: config.policy, config });
  const page = dashboardPage(site);
  const section = page.slice(page.indexOf('id="lessons"'), page.indexOf('</section>', page.indexOf('id="lessons"')));
  return {
    ids: [...section.matchAll(/<td[^>]*>Lesson (\d+)<\/td>/g)].map((m) => `l${m[1]}`),
    note: /<p>The (\d+) most urgent of (\d+);/.exec(section)?.slice(1, 3).join(' of ') ?? '',
  };
}

describe('the dashboard lists the most urgent lessons', () => {
  it.each([
    ['a few: all of them, overdue first, then to verify, then the rest, each soonest due first',
      [{ status: 'in-progress', due: '2027-03-01' }, { status: 'open', due: '2026-11-01' }, { status: 'implemented', due: '2027-01-01' }, { status: 'in-progress', due: '2027-02-01' }, { status: 'open', due: '2026-10-01' }, { status: 'verified', due: '2026-09-01' }],
      ['l5', 'l2', 'l3', 'l4', 'l1'], ''],
    ['none open: none listed', [{ status: 'verified', due: '2026-09-01' }, { status: 'wont-fix', due: '2026-09-01' }], [], ''],
  ])('%s', (_name, lessons, ids, note) => {
    expect(dashboardLessons(lessons as Lesson[])).toEqual({ ids, note });
  });

  it('many: the 50 most urgent, and a pointer to the board for the rest', () => {
    // 60 in progress due over the coming months, then 3 overdue and 2 to verify added last.
    const lessons: Lesson[] = [
      ...Array.from({ length: 60 }, (_, i) => ({ status: 'in-progress', due: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}` })),
      { status: 'open', due: '2026-11-20' }, { status: 'in-progress', due: '2026-10-20' }, { status: 'open', due: '2026-11-10' },
      { status: 'implemented', due: '2027-06-01' }, { status: 'implemented', due: '2027-01-15' },
    ];
    const { ids, note } = dashboardLessons(lessons);
    expect(ids).toHaveLength(50);
    expect(ids.slice(0, 5)).toEqual(['l62', 'l63', 'l61', 'l65', 'l64']);
    // Then the soonest due of the rest: January's five, February's five…
    expect(ids.slice(5, 10)).toEqual(['l1', 'l13', 'l25', 'l37', 'l49']);
    expect(note).toBe('50 of 65');
  });
});
