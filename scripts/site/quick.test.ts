import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNow } from '../io/clock.js';
import { loadMemo } from '../io/load-repo.js';
import { copyExample, replaceIn } from '../test/repo.js';
import { loadLastBuild } from './last-build.js';
import { siteData } from './data.js';
import { editedPages, pagesOf } from './quick.js';

const NOW = '2026-11-23';

/**
 * `serve`'s quick pages for an edit against a full build of the edited repository: the same
 * pages, byte for byte, and only the edited document's.
 */
async function afterEdit(audience: string, file: string, edit: (root: string) => void) {
  const root = copyExample();
  const env = { FIREBREAK_ROOT: root, FIREBREAK_NOW: NOW, FIREBREAK_AUDIENCE: audience };
  const before = await loadLastBuild(env, loadMemo());
  edit(root);
  const { pages } = await editedPages(before, [{ file, bytes: readFileSync(join(root, file)) }], resolveNow(undefined, env));
  const full = await siteData(env);
  const doc = full.model.docs.find((d) => d.file === file);
  return { quick: pages, full: doc ? pagesOf(full, doc) : [] };
}

describe('serve: the edited document’s own pages, ahead of the full rebuild', () => {
  const cases: { name: string; audience: string; file: string; edit: (root: string) => void; paths: string[]; holds?: string }[] = [
    {
      name: 'an incident’s text', audience: 'internal', file: 'incidents/2026/inc-2026-005.md',
      edit: (root) => replaceIn(root, 'incidents/2026/inc-2026-005.md', 'Under way: mailbox audit log export requested.', 'Under way: the audit log export is in.'),
      paths: ['incidents/inc-2026-005/index.html'], holds: 'the audit log export is in',
    },
    {
      name: 'a contact’s title', audience: 'internal', file: 'contacts/carol-smith.md',
      edit: (root) => replaceIn(root, 'contacts/carol-smith.md', 'title: Security Analyst', 'title: Senior Security Analyst'),
      paths: ['contacts/carol-smith/index.html'], holds: 'Senior Security Analyst',
    },
    {
      name: 'a plan (its page and its call sheet)', audience: 'internal', file: 'plans/ddos.md',
      edit: (root) => replaceIn(root, 'plans/ddos.md', 'title: Denial of service against public services', 'title: Denial of service against the customer portal'),
      paths: ['plans/ddos/index.html', 'plans/ddos/call-sheet/index.html'], holds: 'Denial of service against the customer portal',
    },
    {
      name: 'an incident naming a contact nobody has: its banner shows the finding', audience: 'internal', file: 'incidents/2026/inc-2026-005.md',
      edit: (root) => replaceIn(root, 'incidents/2026/inc-2026-005.md', 'participants: [carol-smith, erin-walsh]', 'participants: [carol-smith, erin-walshe]'),
      paths: ['incidents/inc-2026-005/index.html'], holds: 'erin-walshe',
    },
    {
      name: 'an incident its schema refuses: no build shows it', audience: 'internal', file: 'incidents/2026/inc-2026-005.md',
      edit: (root) => replaceIn(root, 'incidents/2026/inc-2026-005.md', 'systems: [m365, entra-id]', 'systems: m365'),
      paths: [],
    },
    {
      name: 'an incident made restricted: the internal build no longer shows it', audience: 'internal', file: 'incidents/2026/inc-2026-005.md',
      edit: (root) => replaceIn(root, 'incidents/2026/inc-2026-005.md', 'visibility: internal', 'visibility: restricted'),
      paths: [],
    },
    {
      name: 'a contact, in the public build (which has no contact pages)', audience: 'public', file: 'contacts/carol-smith.md',
      edit: (root) => replaceIn(root, 'contacts/carol-smith.md', 'title: Security Analyst', 'title: Senior Security Analyst'),
      paths: [],
    },
    {
      name: 'a public incident, in the public build', audience: 'public', file: 'incidents/2026/inc-2026-002.md',
      edit: (root) => replaceIn(root, 'incidents/2026/inc-2026-002.md', /^title: .*$/m, 'title: DDoS against the customer portal at the spring peak'),
      paths: ['incidents/inc-2026-002/index.html'], holds: 'DDoS against the customer portal at the spring peak',
    },
  ];

  it.each(cases)('$name', async ({ audience, file, edit, paths, holds }) => {
    const { quick, full } = await afterEdit(audience, file, edit);
    expect(quick.map((p) => p.path)).toEqual(paths);
    expect(quick).toEqual(full);
    if (holds) expect(quick[0]!.html).toContain(holds);
  }, 30_000);

  it('writes nothing for a document the last build did not have (a new file waits for the full build)', async () => {
    const root = copyExample();
    const env = { FIREBREAK_ROOT: root, FIREBREAK_NOW: NOW };
    const before = await loadLastBuild(env, loadMemo());
    const text = readFileSync(join(root, 'contacts/carol-smith.md'), 'utf8').replace('id: carol-smith', 'id: carol-smyth');
    writeFileSync(join(root, 'contacts/carol-smyth.md'), text);
    const { pages } = await editedPages(before, [{ file: 'contacts/carol-smyth.md', bytes: Buffer.from(text) }], resolveNow(undefined, env));
    expect(pages).toEqual([]);
  });
});
