import type { DataPath, Finding } from '../../diagnostic.js';
import { becauseOf, fieldSince, isPlaceholder, statusRank } from '../../requirements.js';
import { report, type Rule } from '../rule.js';
import { dataStrings } from '../../model/strings.js';


/** A prompt left for a person to fill in is never a fact: warned while it may wait, an error once it may not. */
export const rule: Rule = {
  id: 'incident/placeholder',
  severity: 'error',
  description: 'A `TODO` prompt is still in the front matter: a warning until the status requires the field, an error from then on.',
  check({ model, config }) {
    const out: Finding[] = [];
    for (const doc of model.incidents.values()) {
      const x = doc.data;
      // A prompt is in the front matter's text as written, unless an escape spells it.
      if (!doc.yaml.includes('TODO') && !doc.yaml.includes('\\')) continue;
      for (const [path, text] of dataStrings(x)) {
        if (!isPlaceholder(text)) continue;
        const dotted = path.filter((p) => typeof p === 'string').join('.');
        const since = fieldSince(config.requirements, x.kind, dotted) ?? fieldSince(config.requirements, x.kind, String(path[0]));
        const due = since !== undefined && statusRank(since) <= statusRank(x.status);
        const shown = text.length > 50 ? `${text.slice(0, 47)}…` : text;
        out.push(report(rule, doc.file, path,
          due
            ? `Unexpected placeholder \`${shown}\` in \`${dotted}\` ${becauseOf(since, x.status)}, expected what is known.`
            : `Placeholder \`${shown}\` in \`${dotted}\` is still to be written${since ? ` (required from status \`${since}\`)` : ''}.`,
          due ? 'Replace the prompt with what is known, or `unknown` when nobody knows.' : 'Replace the prompt when you know; it is shown as "to be written" until then.',
          { at: 'value', severity: due ? 'error' : 'warning' }));
      }
    }
    return out;
  },
};
