import type { DataPath, Finding } from '../../diagnostic.js';
import type { DocRecord, Visibility } from '../../model/types.js';
import { report, type Rule } from '../rule.js';
import { INCIDENT_ID } from '../../model/names.js';
import { dataStrings } from '../../model/strings.js';

const LEVEL: Record<Visibility, number> = { public: 0, internal: 1, restricted: 2 };

/** The visibility of a document: incidents say theirs; contacts and plans are internal. */
function level(doc: DocRecord): number | undefined {
  if (doc.kind === 'contact' || doc.kind === 'plan') return LEVEL.internal;
  const v = doc.data?.visibility;
  return typeof v === 'string' && v in LEVEL ? LEVEL[v as Visibility] : undefined;
}


/**
 * A document that names a less visible one would publish it, or leave a trace of it, wherever the
 * first is shown: a public post-mortem that mentions a restricted incident. The builds leave such a
 * document out; check says where to fix it.
 */
export const rule: Rule = {
  id: 'ref/less-visible-mention',
  severity: 'error',
  crossDocument: true,
  description: 'A document mentions an incident whose `visibility` is narrower than its own (a public incident names an internal or restricted one; an internal document a restricted one): builds for the wider audience leave the document out.',
  check({ model }) {
    const out: Finding[] = [];
    const byId = new Map([...model.incidents.values()].map((d) => [d.id.toUpperCase(), d]));
    for (const doc of model.docs) {
      const own = level(doc);
      // Most documents name no incident but their own: the ids each names were read at load.
      const mine = doc.id?.toUpperCase();
      if (own === undefined || !doc.data || own === LEVEL.restricted || !doc.names?.some((id) => id !== mine)) continue;
      const flag = (id: string, where: Partial<Finding> & { path?: DataPath }) => {
        const target = byId.get(id.toUpperCase());
        if (!target || target === doc) return;
        const theirs = LEVEL[target.data.visibility];
        if (theirs <= own) return;
        out.push(report(rule, doc.file, where.path ?? [], `Unexpected mention of ${target.id} (${target.data.visibility}) in a${own === 0 ? ' public' : 'n internal'} document, expected only documents at least as visible.`,
          `Remove the mention, or describe it without the id; a ${target.data.visibility} incident must leave no trace where this document is published.`, { ...where, at: 'value' }));
      };
      for (const [path, text] of dataStrings(doc.data)) for (const m of text.matchAll(INCIDENT_ID)) flag(m[0], { path });
      const lines = doc.body.split('\n');
      lines.forEach((line, i) => {
        for (const m of line.matchAll(INCIDENT_ID)) flag(m[0], { line: doc.bodyLine + i, column: m.index + 1 });
      });
    }
    return out;
  },
};
