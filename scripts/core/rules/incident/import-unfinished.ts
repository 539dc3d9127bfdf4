import type { Finding } from '../../diagnostic.js';
import { formatToDo, importToDo, isUnfinishedImport } from '../../model/imported.js';
import { report, type Rule } from '../rule.js';

/** An imported post-mortem is history to finish: one finding lists what is left, and says how to finish it. */
export const rule: Rule = {
  id: 'incident/import-unfinished',
  severity: 'warning',
  description: 'An incident brought in by `firebreak import` without `imported.finished`: what it still lacks (unknown facts, lessons without owner or status, fields and sections its status requires), in one finding. Until it is finished, its completeness findings are warnings. Set this rule to `error` to accept no unfinished imports.',
  check({ model, config }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      if (!isUnfinishedImport(doc)) continue;
      const todo = formatToDo(importToDo(doc, config));
      out.push(report(rule, doc.file, ['imported'],
        `Imported from \`${doc.data.imported!.from}\` and not yet finished${todo ? `: ${todo}` : ''}.`,
        'Fill in what the source and the people involved can tell; then set `imported.finished: YYYY-MM-DD`, and it is checked like any other incident. Until then its completeness findings are warnings.'));
    }
    return out;
  },
};
