// Index the loaded documents by id, once; duplicate ids are findings, first file wins.

import type { Finding } from '../diagnostic.js';
import { normaliseId } from '../load-doc.js';
import type { ContactDoc, DocRecord, IncidentDoc, Model, PlanDoc } from './types.js';

/** Build the model every rule and page reads. Only schema-valid documents are indexed. */
export function buildModel(records: readonly DocRecord[]): { model: Model; findings: Finding[] } {
  const model: Model = { docs: [...records], contacts: new Map(), plans: new Map(), incidents: new Map(), ids: new Map() };
  const findings: Finding[] = [];
  const seen = new Map<string, DocRecord>();
  for (const doc of records) {
    if (doc.data === undefined) {
      // Unreadable: its file name stands in for its id, so references to it do not cascade.
      const base = doc.file.slice(doc.file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
      if (!model.ids.has(base)) model.ids.set(base, doc);
      continue;
    }
    if (doc.id === undefined || doc.kind === undefined) continue;
    const key = normaliseId(doc.id);
    const first = seen.get(key);
    if (first) {
      findings.push({
        ruleId: 'ref/duplicate-id', file: doc.file, path: ['id'], at: 'value',
        message: `Unexpected id \`${doc.id}\`, already used by ${first.file}; expected ids unique across the repository.`,
        hint: doc.kind === 'incident' || doc.kind === 'exercise' ? 'Take the next free number: `npm run new` allocates one.' : 'Pick another id and rename the file to match.',
      });
      continue;
    }
    seen.set(key, doc);
    model.ids.set(doc.id, doc);
    if (!doc.valid) continue;
    if (doc.kind === 'contact') model.contacts.set(doc.id, doc as ContactDoc);
    else if (doc.kind === 'plan') model.plans.set(doc.id, doc as PlanDoc);
    else model.incidents.set(doc.id, doc as IncidentDoc);
  }
  return { model, findings };
}
