// Timeline items as people write them during an incident: a time in the one grammar of
// docs/time.md (an instant, a date, `~18:00`, `06:40 → 10:15`, a bare time that continues the
// date and zone of the item above, `9:37 AM PT`), an optional [phase] tag, and the text, with
// @contact-id mentions. A bare time records where its date and zone came from. Pure.

import { parseTime, type TimeContext, type TimeProblem, type TimeValue } from '../time/parse.js';
import type { Zone } from '../time/zones.js';

export const TIMELINE_PHASES: readonly string[] = ['precursor', 'preparation', 'detection', 'analysis', 'containment', 'eradication', 'recovery', 'post-incident'];

export interface TimelineItem {
  /** The item's first paragraph (a table row's time and event, a heading's text), as written. */
  text: string;
  line: number;
  column: number;
  /** From a heading under the timeline (`### 2018-03-26 10:34`); a day heading only sets the date. */
  heading?: boolean;
  /** From a table row: columns joined, so positions after the time are approximate. */
  table?: boolean;
}

export interface Mention {
  id: string;
  line: number;
  column: number;
}

export interface TimelineEntry {
  /** When, at the precision written (a point or a window; never unknown). */
  value: TimeValue;
  /** The time as written at the start of the item. */
  written: string;
  phase?: string;
  text: string;
  mentions: Mention[];
  line: number;
  column: number;
}

export interface TimelineProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
  severity?: 'warning';
}

export interface TimelineContext {
  /** The document's `timezone`, or a zone the timeline declares once. */
  zone?: Zone;
  zoneFrom?: string;
  approxMinutes?: number;
}

const PHASE = /^\[([^\]\n]*)\]/;
const MENTION = /(^|[^\w@./])@([a-z0-9]+(?:-[a-z0-9]+)*)/g;
const SEPARATORS = /[\s,.:;—–-]+$/;
const MAX_TOKENS = 8;

function positionAt(item: TimelineItem, offset: number): { line: number; column: number } {
  const before = item.text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return nl === -1 ? { line: item.line, column: item.column + offset } : { line: item.line + before.split('\n').length - 1, column: offset - nl };
}

/**
 * The longest run of leading words that reads as a time: `2026-03-14 9:37 AM PT Deployed` is
 * `2026-03-14 9:37 AM PT`. The error of the shortest attempt is kept, to say what went wrong.
 */
function leadingTime(text: string, ctx: TimeContext): { written: string; value: TimeValue; warnings: TimeProblem[] } | { error: TimeProblem } {
  const tokens = [...text.matchAll(/\S+/g)].slice(0, MAX_TOKENS);
  const attempts: ({ n: number; written: string } & ({ value: TimeValue; warnings: TimeProblem[] } | { error: TimeProblem }))[] = [];
  for (let n = 1; n <= tokens.length; n++) {
    const t = tokens[n - 1]!;
    if (n > 1 && t[0].startsWith('[')) break;
    const written = text.slice(0, t.index + t[0].length).replace(SEPARATORS, '');
    const cleaned = written.replace(/\*\*|__/g, '');
    if (cleaned === '') continue;
    const r = parseTime(cleaned, ctx);
    attempts.push('error' in r ? { n, written, error: r.error } : { n, written, value: r.value, warnings: r.warnings });
  }
  const ok = [...attempts].reverse().find((a): a is typeof a & { value: TimeValue } => 'value' in a && a.value.kind !== 'unknown');
  // Longer readings that failed for a reason other than a word that is no zone (the text going on)
  // mean the time was meant to go on: `2026-03-14 14:00 Japan` is a time without a zone, not a date.
  const longer = attempts.filter((a): a is typeof a & { error: TimeProblem } => 'error' in a && (!ok || a.n > ok.n));
  const meant = [...longer].reverse().find((a) => !a.error.unknownZone);
  const resumes = ok && /^[\s,]*(?:\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\b|→|->|to\s+\d)/i.test(text.slice(ok.written.length));
  if (meant && (!ok || resumes)) return { error: meant.error };
  if (ok) return ok;
  return { error: longer[0]?.error ?? { message: 'Unexpected empty timeline item', hint: 'Start the item with when it happened.', offset: 0 } };
}

/** Read a timeline; each unreadable item is one problem, and the rest are still read. */
export function parseTimeline(items: readonly TimelineItem[], context: TimelineContext = {}): { entries: TimelineEntry[]; problems: TimelineProblem[] } {
  const entries: TimelineEntry[] = [];
  const problems: TimelineProblem[] = [];
  let ctx: TimeContext = { approxMinutes: context.approxMinutes ?? 30, ...(context.zone ? { zone: context.zone, zoneFrom: context.zoneFrom ?? '`timezone`' } : {}) };
  for (const item of items) {
    const text = item.text;
    const problem = (message: string, hint: string, offset = 0, severity?: 'warning') => problems.push({ ...positionAt(item, offset), message, hint, ...(severity ? { severity } : {}) });
    const lead = text.match(/^\s*/)![0].length;
    // A placeholder left in place of the time (`??`, `XX:XX`, `HH:MM`, `TBD`).
    const leftover = /^(?:\*\*)?\s*(\?{2,}|XX:XX|HH:MM(?::SS)?|hh:mm|TBD|TBC|\[time\])/i.exec(text.slice(lead));
    if (leftover) {
      problem(`Unexpected placeholder \`${leftover[1]}\` for the time of this item, expected when it happened (or \`unknown\`)`, 'Write the time at the precision you know it, or `unknown —` if nobody knows; the item is not placed in time until then.', lead + leftover[0].length - leftover[1]!.length);
      continue;
    }
    const read = leadingTime(text.slice(lead), ctx);
    if ('error' in read) {
      const e = read.error;
      const generic = /expected a time such as/.test(e.message);
      problem(generic
        ? `Unexpected timeline item \`${text.split('\n')[0]!.slice(0, 40)}\`, expected it to start with when it happened, such as \`2026-03-14T01:10Z\`, \`01:10\` after a dated item, or \`2026-03-14\``
        : `${e.message}.`, generic ? 'Start every item with when it happened; put notes without a time in another section (docs/time.md lists every form).' : e.hint, generic ? lead : lead + e.offset);
      continue;
    }
    for (const w of read.warnings) problem(`${w.message}.`, w.hint, lead + w.offset, 'warning');
    const value = read.value;
    // What the items below take: this one's date (a window's end) and, when written here, its zone.
    const last = value.kind === 'window' ? value.end : value.kind === 'point' ? value : undefined;
    if (last && last.date.day !== undefined && last.precision !== 'month' && last.precision !== 'year') {
      ctx = { ...ctx, date: last.date, dateFrom: `line ${item.line}` };
      if (last.zone && !last.inherited?.zone) ctx = { ...ctx, zone: last.zone, zoneFrom: `line ${item.line}` };
    }
    const restOffset = lead + read.written.length;
    // A day heading (`### 2025-07-26 Saturday`) dates the items below it; it is not an event.
    if (item.heading && /^[\s,.:;—–-]*(?:mon|tues|wednes|thurs|fri|satur|sun)?(?:day)?[\s.]*$/i.test(text.slice(restOffset))) continue;
    let body = text.slice(restOffset).replace(/^(\*\*|__)?[\s,.:;—–-]*/, '');
    let phase: string | undefined;
    const tag = PHASE.exec(body);
    if (tag) {
      const name = tag[1]!.trim().toLowerCase();
      if (!TIMELINE_PHASES.includes(name)) {
        problem(`Unexpected phase \`[${tag[1]}]\`, expected one of ${TIMELINE_PHASES.map((p) => `[${p}]`).join(', ')}.`,
          'Use a phase of the NIST lifecycle ([precursor] for what came before the incident), or leave the tag out.', text.length - body.length);
        continue;
      }
      phase = name;
      body = body.slice(tag[0].length).trimStart();
    }
    const mentions: Mention[] = [];
    for (const m of text.slice(restOffset).matchAll(MENTION)) {
      mentions.push({ id: m[2]!, ...positionAt(item, restOffset + m.index + m[1]!.length) });
    }
    const entry: TimelineEntry = { value, written: read.written, text: body, mentions, line: item.line, column: item.column };
    if (phase) entry.phase = phase;
    entries.push(entry);
  }
  return { entries, problems };
}

/** Where an entry starts, for sorting and display. */
export function entryStart(e: TimelineEntry): number {
  return e.value.kind === 'unknown' ? Number.NaN : e.value.kind === 'window' ? e.value.start.at : e.value.at;
}
