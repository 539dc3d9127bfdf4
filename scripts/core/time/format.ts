// Times as people read them, at the precision they are known: never a midnight that was not
// written, never "pending" for what is only unknown.

import type { Point, TimeValue } from './parse.js';

function utcMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function datePart(p: Point): string {
  const d = p.date;
  return [String(d.year), ...(d.month ? [String(d.month).padStart(2, '0')] : []), ...(d.day ? [String(d.day).padStart(2, '0')] : [])].join('-');
}

function point(p: Point, short = false): string {
  let text: string;
  if (p.precision === 'day' || p.precision === 'month' || p.precision === 'year') text = datePart(p);
  else if (p.precision === 'hour') text = `${utcMinute(p.at)}–${utcMinute(p.at + 3_600_000).slice(11)} UTC`;
  else text = `${short ? utcMinute(p.at).slice(11) : utcMinute(p.at)} UTC`;
  if (p.local && p.precision !== 'day' && p.precision !== 'month' && p.precision !== 'year') text = text.replace(/ UTC$/, ' (zone not stated)');
  const prefix = p.bound === 'before' ? 'before ' : p.bound === 'by' ? 'by ' : p.bound === 'after' ? 'after ' : '';
  return `${prefix}${p.approximate ? '≈ ' : ''}${text}`;
}

/** A time as people read it: `2026-03-14 01:10 UTC`, `2026-03-14`, `≈ 2026-03-14 18:00 UTC`, `unknown`. */
export function formatTime(v: TimeValue | undefined): string {
  if (v === undefined) return '—';
  if (v.kind === 'unknown') return v.reason === 'unknown' ? 'unknown' : v.reason === 'not-stated' ? 'not stated' : 'not applicable';
  if (v.kind === 'point') return point(v);
  const sameDay = v.start.precision !== 'day' && v.end.precision !== 'day' && new Date(v.start.at).toISOString().slice(0, 10) === new Date(v.end.at).toISOString().slice(0, 10);
  return `${point(v.start)} → ${sameDay ? point(v.end, true) : point(v.end)}`;
}

/** An instant for machines (`<time datetime>`), when the value names one to the minute or better. */
export function machineTime(v: TimeValue | undefined): string | undefined {
  if (v === undefined || v.kind !== 'point' || v.approximate || v.bound) return undefined;
  if (v.precision === 'day') return datePart(v);
  if (v.precision === 'month') return datePart(v);
  if (v.precision === 'year') return datePart(v);
  // A wall-clock time of a zone not stated names no instant: a local date-time, as HTML allows.
  if (v.local) return new Date(v.at).toISOString().slice(0, 16);
  return new Date(v.at).toISOString();
}
