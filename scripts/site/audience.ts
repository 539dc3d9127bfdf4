// Who a build is for, and what each audience may see. Fails closed: anything not explicitly
// allowed for the audience is left out.

import type { Channel, Contact, ContactDoc, IncidentDoc, Model, Visibility } from '../core/model/types.js';
import { UsageError } from '../io/clock.js';
import { dataStrings, pathText } from '../core/model/strings.js';

export type Audience = 'public' | 'internal' | 'restricted';
export const AUDIENCES: readonly Audience[] = ['public', 'internal', 'restricted'];

/** The `--audience` flag, checked. */
export function audienceFlag(value: string | undefined): Audience {
  const audience = (value ?? 'internal') as Audience;
  if (!AUDIENCES.includes(audience)) throw new UsageError(`--audience: unexpected \`${value}\`, expected public, internal or restricted`);
  return audience;
}

const ALLOWED: Record<Audience, readonly Visibility[]> = {
  public: ['public'],
  internal: ['public', 'internal'],
  restricted: ['public', 'internal', 'restricted'],
};

/** Whether an incident may appear in a build for `audience` (a missing visibility never does). */
export function visibleTo(doc: IncidentDoc, audience: Audience): boolean {
  return ALLOWED[audience].includes(doc.data.visibility);
}

/** People's channels are personal unless marked otherwise; organisations' are not. */
export function isPersonal(contact: Contact, channel: Channel): boolean {
  return channel.personal ?? contact.type === 'person';
}

/** The channels this audience may see. */
export function channelsFor(contact: ContactDoc, audience: Audience): Channel[] {
  return audience === 'public' ? contact.data.channels.filter((c) => !isPersonal(contact.data, c)) : contact.data.channels;
}

/** Something a build must not contain, and where it comes from (never the value, in messages). */
export interface Withheld {
  value: string;
  /** Compared by digits (phone numbers), else as text after normalisation and case folding. */
  kind: 'text' | 'phone';
  /** The document it comes from, and the field. */
  file: string;
  field: string;
}

/**
 * What must not appear anywhere in a build for `audience`, checked after writing: every secret,
 * the ids and titles of left-out incidents, and (public builds) every contact channel of a person.
 */
export function withheldStrings(model: Model, withheld: Iterable<IncidentDoc>, audience: Audience): Withheld[] {
  const out: Withheld[] = [];
  for (const doc of model.docs) for (const value of doc.secrets ?? []) out.push({ value, kind: 'text', file: doc.file, field: 'a secret' });
  for (const doc of withheld) {
    out.push({ value: doc.id, kind: 'text', file: doc.file, field: 'id' });
    if (doc.data.title.length >= 12) out.push({ value: doc.data.title, kind: 'text', file: doc.file, field: 'title' });
  }
  if (audience === 'public') {
    // A contact that failed its schema is not in the model, but what it holds is still personal:
    // anything in it that looks like a phone number or an e-mail address is withheld.
    for (const doc of model.docs) {
      if (doc.folder !== 'contacts' || doc.valid || !doc.data) continue;
      for (const [path, value] of dataStrings(doc.data)) {
        const field = pathText(path);
        if (/\S+@\S+\.\S+/.test(value)) out.push({ value, kind: 'text', file: doc.file, field });
        else if (value.replace(/\D/g, '').length >= 7) out.push({ value, kind: 'phone', file: doc.file, field });
      }
    }
    for (const c of model.contacts.values()) {
      // A person is named on the public site by their team, or as staff: never by their name.
      if (c.data.type === 'person' && /\S\s+\S/.test(c.data.name)) out.push({ value: c.data.name, kind: 'text', file: c.file, field: 'name' });
      c.data.channels.forEach((ch, i) => {
        if (!isPersonal(c.data, ch) || ch.value.length < 6) return;
        out.push({ value: ch.value, kind: ch.type === 'phone' || ch.type === 'sms' || ch.type === 'pager' ? 'phone' : 'text', file: c.file, field: `channels[${i}]` });
      });
    }
  }
  return out;
}

