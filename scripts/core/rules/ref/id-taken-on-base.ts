// Two branches that each create the next incident take the same id. The second to merge is told
// by its own check, against the base branch's documents, before anything collides.

import type { Finding } from '../../diagnostic.js';
import { normaliseId } from '../../load-doc.js';

export const ID_TAKEN_ON_BASE = {
  id: 'ref/id-taken-on-base',
  severity: 'error' as const,
  description: 'A document this change adds has an id that the base branch already uses for another document (two branches took the same next number).',
};

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');

/**
 * Documents added by the change (`added`: file → id) whose id the base branch's documents
 * (`basePaths`, file names are ids) already use; `same` says whether the base file at the same
 * path has identical content (then it is the same document, merged meanwhile).
 */
export function idTakenOnBase(added: ReadonlyMap<string, string>, basePaths: readonly string[], base: string, same: (path: string) => boolean): Finding[] {
  const byId = new Map<string, string>();
  for (const p of basePaths) byId.set(normaliseId(baseName(p)), p);
  const out: Finding[] = [];
  for (const [file, id] of added) {
    const there = byId.get(normaliseId(id));
    if (there === undefined || (there === file && same(file))) continue;
    const next = /^(INC|EX)-\d{4}-\d+$/.test(id);
    out.push({
      ruleId: ID_TAKEN_ON_BASE.id, severity: 'error', file, path: ['id'], at: 'value',
      message: `Unexpected id \`${id}\`: ${base} already has it (${there}), taken since this branch started; expected an id that is free on ${base}.`,
      hint: next
        ? `Take the next free number: \`npm run firebreak -- renumber ${id} --base ${base}\` (renames the file and its id).`
        : 'Rename the document (its id and file name) to one the base branch does not use.',
    });
  }
  return out;
}
