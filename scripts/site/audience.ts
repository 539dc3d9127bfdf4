// Who a build is for, and what each audience may see. Fails closed: anything not explicitly
// allowed for the audience is left out.

import type { Channel, Contact, ContactDoc, IncidentDoc, Visibility } from '../core/model/types.js';
import { UsageError } from '../io/clock.js';

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

/** Strings that must not appear anywhere in a build for `audience` (checked after writing). */
export function forbiddenStrings(contacts: Iterable<ContactDoc>, withheld: Iterable<IncidentDoc>, audience: Audience): string[] {
  const out: string[] = [];
  for (const doc of withheld) {
    out.push(doc.id);
    if (doc.data.title.length >= 12) out.push(doc.data.title);
  }
  if (audience === 'public') {
    for (const c of contacts) for (const ch of c.data.channels) if (isPersonal(c.data, ch) && ch.value.length >= 6) out.push(ch.value);
  }
  return out;
}
