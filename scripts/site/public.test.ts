// A public build from a repository that tries every route out: restricted and internal
// incidents, a public post-mortem that names a restricted one, documents with errors, a secret, a
// person's phone in the wrong field, staff roles and access. Every output file is read raw and as
// a reader reads it; no canary may be found in any of them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readable } from '../io/leak-guard.js';
import { BASE } from '../test/harness.js';
import { makeRepo } from '../test/repo.js';
import { buildSite, outputFiles, prepareBuild } from '../test/site.js';

const incident = (id: string, visibility: string, title: string, body: string, extra = '') => `---
id: ${id}
kind: incident
title: "${title}"
status: open
severity: medium
commander: ann-lee
participants: [ben-ode]
visibility: ${visibility}
detected: 2026-11-20T09:00Z
${extra}---

## Summary

${body}
`;

const REPO: Record<string, string> = {
  ...BASE,
  'firebreak.yml': 'sections:\n  incident: [Summary]\n  plan: [Preparation]\n',
  // Ann's access and hours must not reach the public site; nor her phone or e-mail.
  'contacts/ann-lee.md': BASE['contacts/ann-lee.md']!.replace('backups: [ben-ode]', 'backups: [ben-ode]\nhours: "CANARY-HOURS weekdays 08-18"\naccess: ["CANARY-ACCESS EDR console: isolate hosts"]\n'),
  'contacts/ben-ode.md': BASE['contacts/ben-ode.md']!.replace('    value: "+44 20 7946 0002"', '    value: "+44 20 7946 0002"\n  - type: email\n    value: ben.ode@canary.example'),
  // A person whose phone is in the wrong field: a schema error, and no page anywhere public.
  'contacts/cat-ray.md': `---\nid: cat-ray\nkind: contact\ntype: person\nname: Cat Ray\nphone: "+44 20 7946 0777"\nchannels:\n  - type: email\n    value: cat.ray@canary.example\nstatus: active\nlast_verified: 2026-11-01\nverified_by: ann-lee\n---\n`,
  'incidents/inc-2026-003.md': incident('INC-2026-003', 'restricted', 'CANARY-RESTRICTED Payroll & HR export', 'CANARY-RESTRICTED-BODY'),
  'incidents/inc-2026-004.md': incident('INC-2026-004', 'internal', 'CANARY-INTERNAL laptop beacon', 'CANARY-INTERNAL-BODY'),
  // A public post-mortem that names the restricted incident: it is left out, leaving no trace.
  'incidents/inc-2026-005.md': incident('INC-2026-005', 'public', 'CANARY-MENTIONER outage', 'Related to INC-2026-003.'),
  // A public incident with an error, and one with a secret pasted in.
  'incidents/inc-2026-006.md': incident('INC-2026-006', 'public', 'CANARY-ERRORED outage', 'x', 'permalink: /evil/\n'),
  'incidents/inc-2026-007.md': incident('INC-2026-007', 'public', 'CANARY-SECRET outage', 'Alerts went to https://hooks.slack.com/services/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1.'),
  // The one publishable post-mortem, with @mentions of people.
  'incidents/inc-2026-008.md': incident('INC-2026-008', 'public', 'Checkout errors for 27 minutes', 'Paged @ann-lee; @ben-ode rolled back. Detected by @secops.'),
  // A restricted exercise of the plan: its date must not show anywhere public.
  'incidents/ex-2026-001.md': `---\nid: EX-2026-001\nkind: exercise\ntitle: CANARY-EXERCISE tabletop\nstatus: resolved\nseverity: low\nplan: breach\ncommander: ann-lee\nvisibility: restricted\ndetected: 2026-11-18T09:00Z\nresolved: 2026-11-18T11:00Z\nexercise:\n  format: tabletop\n  scenario: CANARY-SCENARIO\n---\n\n## Summary\n\nPlayed.\n`,
};

const CANARIES = [
  'CANARY', 'INC-2026-003', 'INC-2026-004', 'INC-2026-005', 'INC-2026-006', 'INC-2026-007', 'EX-2026-001', 'Payroll & HR',
  'canarycanary', 'hooks.slack.com', 'Ann Lee', 'Ben Ode', 'Cat Ray', 'ann-lee', 'ben-ode', 'cat-ray', 'canary.example',
  'isolate hosts', '2026-11-18',
];
const PHONES = ['2079460001', '2079460002', '2079460777'];

describe('a public build of a hostile repository', () => {
  let dir = '';
  let result: ReturnType<typeof buildSite>;
  beforeAll(() => {
    prepareBuild();
    const root = makeRepo(REPO);
    result = buildSite(root, '--audience', 'public', '--now', '2026-11-23');
    dir = result.dir;
  }, 120_000);

  it('builds, with the one publishable post-mortem only', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(outputFiles(dir).filter((f) => /^incidents\/(inc|ex)-\d{4}-\d+\/index\.html$/.test(f))).toEqual(['incidents/inc-2026-008/index.html']);
  });

  it('publishes no canary, in any file, raw or as a reader reads it', () => {
    const found: string[] = [];
    const files = outputFiles(dir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      const views = [bytes.toString('latin1'), bytes.toString('utf8'), readable(file, bytes) ?? ''];
      for (const view of views) {
        const lower = view.toLowerCase();
        for (const c of CANARIES) if (lower.includes(c.toLowerCase())) found.push(`${file}: ${c}`);
        const digits = view.replace(/[\s\u00a0().\-/+]/g, '');
        for (const p of PHONES) if (digits.includes(p)) found.push(`${file}: phone ${p}`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('names people by their team, and links none', () => {
    const page = readFileSync(join(dir, 'incidents/inc-2026-008/index.html'), 'utf8');
    expect(page).toContain('Paged Security Operations; Security Operations rolled back. Detected by Security Operations.');
    expect(page).not.toMatch(/href="[^"]*contacts\//);
  });
});

describe('the leak guard stops a build that would publish a withheld value', () => {
  it('a personal phone written with other separators, named by document and field, never by value', () => {
    prepareBuild();
    const root = makeRepo({ ...REPO, 'incidents/inc-2026-008.md': REPO['incidents/inc-2026-008.md']!.replace('Paged @ann-lee;', 'Paged Ann on 020-7946-0001;') });
    const r = buildSite(root, '--audience', 'public', '--now', '2026-11-23');
    expect(r.code).toBe(1);
    expect(r.err).toContain('withheld content from contacts/ann-lee.md (channels[0]) found in incidents/inc-2026-008/index.html');
    expect(r.err).not.toMatch(/7946|0001/);
  }, 120_000);

  it('the phone of a contact that failed its schema is withheld too', () => {
    prepareBuild();
    const root = makeRepo({ ...REPO, 'incidents/inc-2026-008.md': REPO['incidents/inc-2026-008.md']!.replace('Paged @ann-lee;', 'Paged the on-call phone, 020 7946 0777;') });
    const r = buildSite(root, '--audience', 'public', '--now', '2026-11-23');
    expect(r.code).toBe(1);
    expect(r.err).toContain('withheld content from contacts/cat-ray.md (phone) found in incidents/inc-2026-008/index.html');
  }, 120_000);

  it('a body the parser cannot read in time, and a malformed link, are shown as text, not a crash', () => {
    prepareBuild();
    const root = makeRepo({ ...REPO, 'incidents/inc-2026-008.md': REPO['incidents/inc-2026-008.md']!.replace('Paged @ann-lee;', `${'*a'.repeat(3000)} [report](%E0%A4%A)`) });
    const r = buildSite(root, '--audience', 'internal', '--now', '2026-11-23');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(r.dir, 'incidents/inc-2026-008/index.html'), 'utf8')).toContain('<pre class="plain">');
  }, 120_000);
});
