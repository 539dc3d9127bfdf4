// Timeline items as people write them during an incident: an ISO 8601 instant with a time zone
// (or a bare time that continues the day of the item before), an optional [phase] tag, and the
// text, with @contact-id mentions. Pure: text in, entries and problems out.

import { parseInstant } from '../model/time.js';

export const TIMELINE_PHASES: readonly string[] = ['preparation', 'detection', 'analysis', 'containment', 'eradication', 'recovery', 'post-incident'];

export interface TimelineItem {
  /** The item's first paragraph, as written. */
  text: string;
  line: number;
  column: number;
}

export interface Mention {
  id: string;
  line: number;
  column: number;
}

export interface TimelineEntry {
  /** Epoch milliseconds. */
  at: number;
  /** Written to the minute (no seconds): compare other times at that precision. */
  minute: boolean;
  /** The instant as an ISO string with its zone, as understood. */
  instant: string;
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
}

const FULL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:\s?(Z|UTC|[+-]\d{2}:?\d{2}))?(?=[\s,.:;—–-]|$)/;
const BARE = /^(\d{1,2}:\d{2}(?::\d{2})?)(?=[\s,.:;—–-]|$)/;
const PHASE = /^\[([^\]\n]*)\]/;
const MENTION = /(^|[^\w@./])@([a-z0-9]+(?:-[a-z0-9]+)*)/g;

function pad(time: string): string {
  return time.length === 4 || /^\d:/.test(time) ? `0${time}` : time;
}

function positionAt(item: TimelineItem, offset: number): { line: number; column: number } {
  const before = item.text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return nl === -1 ? { line: item.line, column: item.column + offset } : { line: item.line + before.split('\n').length - 1, column: offset - nl };
}

/** Compare an entry with a time at the entry's precision: negative when the entry is earlier. */
export function compareEntry(entry: TimelineEntry, ms: number): number {
  return entry.minute ? Math.floor(entry.at / 60_000) - Math.floor(ms / 60_000) : entry.at - ms;
}

/** Read a timeline; each unreadable item is one problem, the rest are still read. */
export function parseTimeline(items: readonly TimelineItem[]): { entries: TimelineEntry[]; problems: TimelineProblem[] } {
  const entries: TimelineEntry[] = [];
  const problems: TimelineProblem[] = [];
  let day: string | undefined;
  let zone: string | undefined;
  for (const item of items) {
    const text = item.text;
    const problem = (message: string, hint: string, offset = 0) => problems.push({ ...positionAt(item, offset), message, hint });
    let rest: string;
    let instant: string;
    const full = FULL.exec(text);
    const bare = full ? null : BARE.exec(text);
    if (full) {
      if (!full[3]) {
        problem(`Unexpected time \`${full[0]}\` without a time zone, expected \`Z\`, \`UTC\` or an offset such as \`+01:00\`.`,
          'Add the zone: `2026-03-14T01:10Z`. Without it the order of events across time zones is a guess.');
        continue;
      }
      day = full[1]!;
      zone = full[3];
      instant = `${day}T${pad(full[2]!)}${zone === 'UTC' ? 'Z' : zone}`;
      rest = text.slice(full[0].length);
    } else if (bare) {
      if (day === undefined || zone === undefined) {
        problem(`Unexpected bare time \`${bare[1]}\` on the first timeline item, expected a full instant such as \`2026-03-14T01:10Z\`.`,
          'A bare time continues the day of the item before, so the first item needs a date and a zone.');
        continue;
      }
      instant = `${day}T${pad(bare[1]!)}${zone === 'UTC' ? 'Z' : zone}`;
      rest = text.slice(bare[0].length);
    } else {
      problem(`Unexpected timeline item \`${text.split('\n')[0]!.slice(0, 40)}\`, expected it to start with an instant such as \`2026-03-14T01:10Z\` or a time such as \`01:10\`.`,
        'Start every item with when it happened; put notes without a time in another section.');
      continue;
    }
    const at = parseInstant(instant);
    if (at === undefined) {
      problem(`Unexpected instant \`${instant}\`, expected a real date and time.`, 'Check the day of the month and the hour.');
      continue;
    }
    const restOffset = text.length - rest.length;
    let body = rest.replace(/^[\s,.:;—–-]+/, '');
    let phase: string | undefined;
    const tag = PHASE.exec(body);
    if (tag) {
      const name = tag[1]!.trim().toLowerCase();
      if (!TIMELINE_PHASES.includes(name)) {
        problem(`Unexpected phase \`[${tag[1]}]\`, expected one of ${TIMELINE_PHASES.map((p) => `[${p}]`).join(', ')}.`,
          'Use a phase of the NIST lifecycle, or leave the tag out.', text.length - body.length);
        continue;
      }
      phase = name;
      body = body.slice(tag[0].length).trimStart();
    }
    const mentions: Mention[] = [];
    for (const m of text.slice(restOffset).matchAll(MENTION)) {
      mentions.push({ id: m[2]!, ...positionAt(item, restOffset + m.index + m[1]!.length) });
    }
    const entry: TimelineEntry = { at, minute: !/T\d{2}:\d{2}:/.test(instant), instant, text: body, mentions, line: item.line, column: item.column };
    if (phase) entry.phase = phase;
    entries.push(entry);
  }
  return { entries, problems };
}
