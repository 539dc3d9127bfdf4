import type { Finding } from '../../diagnostic.js';
import { normaliseId } from '../../load-doc.js';
import { linkTarget } from '../../markdown/link-targets.js';
import type { DocRecord } from '../../model/types.js';
import { report, type Rule } from '../rule.js';

/** Links between documents are how a reader follows an incident to its plan and people. */
export const rule: Rule = {
  id: 'md/broken-link',
  severity: 'error',
  crossDocument: true,
  description: 'A link to another document (by relative path or by id) or to an anchor that does not exist.',
  check({ model }) {
    const out: Finding[] = [];
    const byFile = new Map(model.docs.map((d) => [d.file, d]));
    const byId = new Map<string, DocRecord>();
    for (const [id, d] of model.ids) byId.set(normaliseId(id), d);
    for (const doc of model.docs) {
      for (const link of doc.outline?.links ?? []) {
        const t = linkTarget(doc, link.url, { byFile, byId });
        if (!t) continue;
        const { doc: target, anchor } = t;
        const place = { line: link.line, column: link.column };
        if (!target) {
          out.push(report(rule, doc.file, [], `Unexpected link to \`${link.url}\`, expected a document of this repository (a relative path to its file, or its id).`,
            'Fix the path or id; links to the web need `https://`.', place));
          continue;
        }
        if (anchor !== undefined && anchor !== '' && target.outline && !target.outline.headings.some((h) => h.slug === anchor)) {
          const anchors = target.outline.headings.map((h) => `#${h.slug}`);
          out.push(report(rule, doc.file, [], `Unexpected anchor \`#${anchor}\` in ${target === doc ? 'this document' : target.file}, expected one of: ${anchors.join(', ') || '(no headings)'}.`,
            'Anchors are the heading text in lowercase with spaces as hyphens.', place));
        }
      }
    }
    return out;
  },
};
