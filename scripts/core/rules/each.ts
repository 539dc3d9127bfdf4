// Iterate the documents every rule reads, with their references resolved once.

import type { ContactDoc, DocRecord, Model } from '../model/types.js';
import { contactRefsOfContact, contactRefsOfIncident, contactRefsOfPlan, type ContactRef } from './refs.js';

const refsByModel = new WeakMap<Model, { file: string; ref: ContactRef }[]>();

/** Every contact reference in the repository, with the file it is in (collected once per model). */
export function allContactRefs(model: Model): { file: string; ref: ContactRef }[] {
  const known = refsByModel.get(model);
  if (known) return known;
  const out: { file: string; ref: ContactRef }[] = [];
  refsByModel.set(model, out);
  for (const doc of model.contacts.values()) out.push(...refsOf(doc, contactRefsOfContact));
  for (const doc of model.plans.values()) out.push(...refsOf(doc, contactRefsOfPlan));
  for (const doc of model.incidents.values()) out.push(...refsOf(doc, contactRefsOfIncident));
  return out;
}

// One document's references depend on that document alone: kept per document object, so that a
// model rebuilt around unchanged documents (`serve`) reads each once.
const refsByDoc = new WeakMap<DocRecord, { file: string; ref: ContactRef }[]>();

function refsOf<D extends DocRecord>(doc: D, read: (doc: D) => ContactRef[]): { file: string; ref: ContactRef }[] {
  let refs = refsByDoc.get(doc);
  if (!refs) refsByDoc.set(doc, (refs = read(doc).map((ref) => ({ file: doc.file, ref }))));
  return refs;
}

/** Contacts that can be called now. */
export function isActive(contact: ContactDoc | undefined): contact is ContactDoc {
  return contact !== undefined && contact.data.status === 'active';
}
