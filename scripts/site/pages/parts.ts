// Small pieces shared by pages: badges, contact links, dates, durations.

import { formatDuration, formatUtc } from '../../core/model/time.js';
import type { Channel, IncidentDoc } from '../../core/model/types.js';
import { escape, html, raw, type Raw } from '../html.js';
import { formatTime, machineTime } from '../../core/time/format.js';
import type { TimeValue } from '../../core/time/parse.js';
import { figureNote, formatFigure, type Figure } from '../../core/time/duration.js';
import { isPlaceholder } from '../../core/requirements.js';
import type { ContactView, SiteData } from '../site-data.js';

/** A value from content, or "to be written" while it is still the scaffold's prompt: never shown as a fact. */
export function fact(value: string | undefined, missing: Raw | string = html`<span class="none">&#8212;</span>`): Raw | string {
  if (value === undefined) return missing;
  return isPlaceholder(value) ? html`<span class="to-write">to be written</span>` : value;
}

export function badge(kind: string, value: string, label: string = value): Raw {
  return html`<span class="badge badge-${kind}-${value.replace(/[^a-z0-9-]/gi, '')}">${label}</span>`;
}

export function contactLink(site: SiteData, id: string | undefined): Raw {
  if (id === undefined) return html`<span class="none">none</span>`;
  if (id === 'unknown') return html`<span class="none">not recorded</span>`;
  const c = site.contact(id);
  if (!c) return site.audience === 'public' ? html`${site.label(id)}` : html`<span class="unknown">${id}</span>`;
  return html`<a href="${c.url}">${c.doc.data.name}</a>${c.doc.data.status === 'departed' ? html` <span class="badge badge-departed">departed</span>` : html``}`;
}

/** A lesson's owner: the contact, else the name an imported source gives (as written), else none. */
export function lessonOwner(site: SiteData, lesson: { owner?: string; named_owner?: string }): Raw {
  if (lesson.owner === undefined && lesson.named_owner !== undefined) return html`${lesson.named_owner} <span class="muted">(as the source names them)</span>`;
  return contactLink(site, lesson.owner);
}

export function contactList(site: SiteData, ids: readonly string[] | undefined): Raw {
  if (!ids || ids.length === 0) return html`<span class="none">none</span>`;
  return html`${ids.map((id, i) => html`${i ? ', ' : ''}${contactLink(site, id)}`)}`;
}

export function incidentLink(site: SiteData, doc: IncidentDoc): Raw {
  return html`<a class="id" href="${site.incidentUrl(doc)}">${doc.id}</a>`;
}

/** A time at the precision it is known, with the machine-readable value when it names one, and the text as written. */
export function whenValue(v: TimeValue | undefined): Raw {
  if (v === undefined) return html`<span class="none">&#8212;</span>`;
  const shown = formatTime(v);
  if (v.kind === 'unknown') return html`<span class="unknown-time">${shown}</span>`;
  const machine = machineTime(v);
  const title = v.text.trim() !== shown ? v.text.trim() : undefined;
  return machine ? html`<time datetime="${machine}"${raw(title ? ` title="${escape(title)}"` : '')}>${shown}</time>` : html`<span class="time"${raw(title ? ` title="${escape(title)}"` : '')}>${shown}</span>`;
}

/** A duration figure as people read it, with why it is not exact in a note. */
export function figure(f: Figure): Raw {
  const note = figureNote(f);
  return note ? html`${formatFigure(f)} <span class="muted figure-note">(${note})</span>` : html`${formatFigure(f)}`;
}

/** An instant shown in UTC, with the machine-readable value. */
export function when(iso: string | undefined): Raw {
  if (!iso) return html`<span class="none">&#8212;</span>`;
  const ms = Date.parse(iso.replace(' UTC', 'Z').replace(' ', 'T'));
  const shown = Number.isNaN(ms) ? iso : formatUtc(ms);
  return html`<time datetime="${Number.isNaN(ms) ? iso : new Date(ms).toISOString()}">${shown}</time>`;
}

export function duration(ms: number | undefined): string {
  return ms === undefined ? '—' : formatDuration(ms);
}

export function freshness(c: ContactView): Raw {
  const f = c.freshness;
  if (f.state === 'departed') return html`<span class="fresh fresh-departed">departed</span>`;
  const ago = f.daysAgo <= 0 ? 'verified today' : f.daysAgo === 1 ? 'verified yesterday' : `verified ${f.daysAgo} d ago`;
  const text = f.state === 'stale' ? `stale: due ${f.due}` : f.state === 'soon' ? `due ${f.due} (${f.daysLeft === 0 ? 'today' : `${f.daysLeft} d`})` : ago;
  return html`<span class="fresh fresh-${f.state}" title="Last verified ${f.verified}; next due ${f.due}">${text}</span>`;
}

/** The preferred way to reach a contact in this build. */
export function firstChannel(c: ContactView | undefined): Raw {
  const ch = c?.channels[0];
  if (!ch) return html`<span class="none">no channel in this build</span>`;
  return html`${ch.type}: ${channelValue(ch)}`;
}

/** Where a channel can be tapped: a phone number, an e-mail address, a web address. */
export function channelHref(ch: Channel): string | undefined {
  const v = ch.value.trim();
  if (ch.type === 'phone' || ch.type === 'sms' || ch.type === 'pager') {
    const digits = v.replace(/[^\d+]/g, '');
    // A number, not a rota name or a pager id: at least six digits, a plus only in front.
    if (/^\+?\d{6,}$/.test(digits)) return `${ch.type === 'sms' ? 'sms' : 'tel'}:${digits}`;
    return undefined;
  }
  if (ch.type === 'email' || /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v)) return /^[^\s@<>"]+@[^\s@<>"]+$/.test(v) ? `mailto:${v}` : undefined;
  if (/^https:\/\/[^\s<>"]+$/i.test(v)) return v;
  return undefined;
}

/** A channel's value, as a link where one can be tapped; e-mail addresses may wrap after the @. */
export function channelValue(ch: Channel): Raw {
  const href = channelHref(ch);
  const at = ch.value.indexOf('@');
  // A number never breaks across lines; an e-mail address may, after the @.
  const shown = at > 0 && ch.type === 'email' ? html`${ch.value.slice(0, at + 1)}<wbr>${ch.value.slice(at + 1)}` : href?.startsWith('tel:') || href?.startsWith('sms:') ? html`${ch.value.replace(/ /g, '\u00a0').replace(/-/g, '\u2011')}` : html`${ch.value}`;
  return href ? html`<a class="channel" href="${href}"${raw(href.startsWith('https:') ? ' rel="noopener noreferrer"' : '')}>${shown}</a>` : html`<span class="channel">${shown}</span>`;
}

/** Lessons soonest due first; those without a due date last. */
export function soonestDue(a: { lesson: { due?: string } }, b: { lesson: { due?: string } }): number {
  const x = a.lesson.due ?? '9999';
  const y = b.lesson.due ?? '9999';
  return x < y ? -1 : x > y ? 1 : 0;
}
