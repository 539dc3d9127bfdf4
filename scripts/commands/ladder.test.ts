// One incident recorded as a team records it, from `new` to `closed`, one commit per status
// through the pre-commit hook: each step first fails with exactly what the status now needs, at
// the line where it goes, and passes once that is written. The README's walkthrough is this.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../io/kit.js';
import { kitRepo } from '../test/git.js';

const FILE = 'incidents/2026/inc-2026-006.md';

function run(dir: string, now: string, command: string, ...args: string[]): { code: number; out: string } {
  const env = { ...process.env, FIREBREAK_NOW: now, NO_COLOR: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@x' };
  const r = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Commit everything through the hook; the errors it printed as `line rule`. */
function commit(dir: string, now: string, message: string): { code: number; errors: string[]; out: string } {
  run(dir, now, 'git', 'add', '-A');
  const r = run(dir, now, 'git', 'commit', '-q', '-m', message);
  const errors = [...r.out.matchAll(/^ {2}(\S+):(\d+):\d+ {2}error {4}.* {2}([a-z]+\/[a-z0-9-]+)$/gm)].map((m) => `${m[2]} ${m[3]}`);
  return { ...r, errors };
}

function edit(dir: string, ...pairs: [string | RegExp, string][]): void {
  let text = readFileSync(join(dir, FILE), 'utf8');
  for (const [from, to] of pairs) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`no ${String(from)} in ${FILE}`);
    text = next;
  }
  writeFileSync(join(dir, FILE), text);
}

beforeAll(() => {
  spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), '--help'], { stdio: 'ignore' });
});

describe('recording an incident as it happens', () => {
  it('walks from new to closed, each status asking for exactly what it needs', () => {
    const dir = kitRepo();
    expect(run(dir, '2026-11-23T09:20Z', 'npm', 'run', '--silent', 'hooks:install').code).toBe(0);

    // open: minutes after detection, the responder knows a title, a summary, who leads.
    const created = run(dir, '2026-11-23T09:20Z', 'npm', 'run', '--silent', 'new', '--', 'incident', '--title', 'Beacon from a finance laptop',
      '--summary', 'EDR flagged a finance laptop beaconing to a known command-and-control domain.',
      '--severity', 'high', '--commander', 'alice-nguyen', '--visibility', 'internal', '--detected', '2026-11-23T09:12Z');
    expect(created.out).toContain(`Created ${FILE}`);
    expect(commit(dir, '2026-11-23T09:20Z', 'INC-2026-006: open')).toMatchObject({ code: 0, errors: [] });
    // The hook keeps its cache inside .git, where nothing is committed.
    expect(existsSync(join(dir, '.git', 'firebreak-cache', 'documents.v8'))).toBe(true);

    // contained: the time it was contained, and what was done.
    edit(dir, ['status: open', 'status: contained']);
    expect(commit(dir, '2026-11-23T10:40Z', 'contained').errors).toEqual(['10 incident/status-requirements', '29 md/empty-section']);
    edit(dir,
      ['detected: 2026-11-23T09:12Z\n', 'detected: 2026-11-23T09:12Z\ncontained: 2026-11-23T10:05Z\n'],
      ['Detected: Beacon from a finance laptop.\n', 'Detected: Beacon from a finance laptop.\n- 10:05 [containment] Laptop isolated through EDR by @bob-okafor.\n'],
      [/## Response\n\nTODO:.*\n/, '## Response\n\nThe laptop was isolated through EDR; its user works from a spare.\n']);
    expect(commit(dir, '2026-11-23T10:40Z', 'contained')).toMatchObject({ code: 0, errors: [] });

    // resolved: when, how it was detected, and its effects. The prompts are now errors.
    edit(dir, ['status: contained', 'status: resolved']);
    expect(commit(dir, '2026-11-25T16:00Z', 'resolved').errors).toEqual(['11 incident/status-requirements', '12 incident/placeholder', '14 incident/placeholder', '27 md/empty-section']);
    edit(dir,
      ['contained: 2026-11-23T10:05Z\n', 'contained: 2026-11-23T10:05Z\nresolved: 2026-11-25T15:30Z\n'],
      ['"TODO: what detected it"', 'EDR beacon-to-C2 alert'],
      ['"TODO: effects so far"', 'One laptop re-imaged; no data left it.'],
      ['personal_data: unknown', 'personal_data: false'],
      [/## Detection\n\nTODO:.*\n/, '## Detection\n\nThe EDR alert fired 4 minutes after the first beacon.\n']);
    expect(commit(dir, '2026-11-25T16:00Z', 'resolved')).toMatchObject({ code: 0, errors: [] });

    // reviewed: the review's root cause and lessons, and the post-mortem sections.
    edit(dir, ['status: resolved', 'status: reviewed']);
    expect(commit(dir, '2026-12-02T12:00Z', 'reviewed').errors).toEqual([
      '12 incident/status-requirements', '17 incident/status-requirements', '17 incident/status-requirements',
      '36 md/empty-section', '40 md/empty-section', '44 md/empty-section', '48 md/empty-section',
    ]);
    edit(dir,
      ['resolved: 2026-11-25T15:30Z\n', 'resolved: 2026-11-25T15:30Z\nreviewed: 2026-12-02T10:00Z\n'],
      ['  personal_data: false\n', '  personal_data: false\nroot_cause:\n  summary: A browser extension installed from outside the store.\n  type: process\nlessons:\n  - id: extensions\n    title: Allow only store extensions on finance laptops\n    owner: liam-oconnor\n    due: 2027-01-31\n    status: in-progress\n'],
      [/## Root cause\n\nTODO:.*\n/, '## Root cause\n\nThe extension policy allowed side-loading.\n'],
      [/## What went well\n\nTODO:.*\n/, '## What went well\n\nIsolation within an hour.\n'],
      [/## What went poorly\n\nTODO:.*\n/, '## What went poorly\n\nNobody knew who owned the extension policy.\n'],
      [/## Lessons\n\nTODO:.*\n/, '## Lessons\n\nOne lesson, in the front matter.\n']);
    expect(commit(dir, '2026-12-02T12:00Z', 'reviewed')).toMatchObject({ code: 0, errors: [] });

    // closed: only once every lesson is implemented and verified.
    edit(dir, ['status: reviewed', 'status: closed']);
    expect(commit(dir, '2027-01-20T12:00Z', 'closed').errors).toEqual(['13 incident/status-requirements', '26 incident/closed-with-open-lessons']);
    edit(dir,
      ['reviewed: 2026-12-02T10:00Z\n', 'reviewed: 2026-12-02T10:00Z\nclosed: 2027-01-20T11:00Z\n'],
      ['    status: in-progress\n', '    status: verified\n    verified: 2027-01-12\n    verification: A side-loaded test extension was blocked on three finance laptops.\n']);
    expect(commit(dir, '2027-01-20T12:00Z', 'closed')).toMatchObject({ code: 0, errors: [] });
    expect(run(dir, '2027-01-20T12:00Z', 'git', 'log', '--format=%s').out.split('\n').slice(0, 5)).toEqual(['closed', 'reviewed', 'resolved', 'contained', 'INC-2026-006: open']);
  }, 120_000);
});
