// Iterate the documents every rule reads, with their references resolved once.

import type { ContactDoc, Model } from '../model/types.js';
import { contactRefsOfContact, contactRefsOfIncident, contactRefsOfPlan, type ContactRef } from './refs.js';

const refsByModel = new WeakMap<Model, { file: string; ref: ContactRef }[]>();

/** Every contact reference in the repository, with the file it is in (collected once per model). */
export function allContactRefs(model: Model): { file: string; ref: ContactRef }[] {
  const known = refsByModel.get(model);
  if (known) return known;
  const out: { file: string; ref: ContactRef }[] = [];
  refsByModel.set(model, out);
  for (const doc of model.contacts.values()) for (const ref of contactRefsOfContact(doc)) out.push({ file: doc.file, ref });
  for (const doc of model.plans.values()) for (const ref of contactRefsOfPlan(doc)) out.push({ file: doc.file, ref });
  for (const doc of model.incidents.values()) for (const ref of contactRefsOfIncident(doc)) out.push({ file: doc.file, ref });
  return out;
}

/** Contacts that can be called now. */
export function isActive(contact: ContactDoc | undefined): contact is ContactDoc {
  return contact !== undefined && contact.data.status === 'active';
}
