// `renumber`: give an incident or exercise the next free number (here and on a base branch),
// when two branches took the same one. The new file is written first; the old one is removed
// only once the new one is in place.

import { readFileSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nextNumber } from '../core/authoring/ids.js';
import { editFrontMatter } from '../core/edit/front-matter-edit.js';
import { normaliseId } from '../core/load-doc.js';
import { UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { loadRepo } from '../io/load-repo.js';
import { takenOn } from '../io/taken.js';
import { createNew } from '../io/write.js';

export const RENUMBER_USAGE = `Usage: firebreak renumber <INC-YYYY-NNN|EX-YYYY-NNN> [--base REF] [--root DIR]
  Move an incident or exercise to the next free number of its year, free here and on REF
  (default: origin/HEAD when it exists). Rewrites its \`id:\` in place and renames the file.`;

export async function renumber(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { base: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(`${RENUMBER_USAGE}\n`);
    return 0;
  }
  const [id] = positionals;
  const m = id === undefined ? null : /^(INC|EX)-(\d{4})-\d+$/i.exec(id);
  if (!m || positionals.length > 1) throw new UsageError('name one incident or exercise id, such as INC-2026-006');
  const root = resolve(io.cwd, values.root ?? '.');
  const repo = await loadRepo(root, { markdown: false });
  const doc = repo.model.docs.find((d) => d.id !== undefined && normaliseId(d.id) === normaliseId(id!));
  if (!doc) throw new UsageError(`no document with id \`${id}\``);
  const taken = takenOn(root, repo.model, values.base);
  const next = nextNumber(m[1]!.toUpperCase() as 'INC' | 'EX', Number(m[2]), taken.ids);
  const path = join(root, doc.file);
  const before = readFileSync(path, 'utf8');
  const after = editFrontMatter(before, { id: next });
  if (after === undefined) throw new UsageError(`${doc.file}: the front matter could not be edited safely`);
  const target = join(dirname(path), `${next.toLowerCase()}.md`);
  if (!createNew(target, after)) {
    io.stderr(`firebreak renumber: ${target} exists; nothing was changed.\n`);
    return 1;
  }
  unlinkSync(path);
  const file = target.slice(root.length + 1);
  io.stdout(`Renumbered ${doc.id} → ${next}: ${doc.file} is now ${file}${taken.base ? ` (free here and on ${taken.base})` : ''}.\nUpdate links to ${doc.id} in other documents, if any.\n`);
  return 0;
}
