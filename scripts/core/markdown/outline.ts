// What checks, metrics and the site need from a body, derived from its one parse: headings with
// their anchors, sections, links, and the timeline items.

import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { TimelineItem } from './timeline.js';

export interface OutlineHeading {
  depth: number;
  text: string;
  /** The anchor GitHub (and the site) give this heading. */
  slug: string;
  line: number;
  column: number;
  /** True when nothing but placeholder text (`TODO: …`) follows before the next heading. */
  empty: boolean;
}

/** A section: a heading, or a bold label that opens a top-level paragraph or list item (`- **Resolution**: …`). */
export interface OutlineSection {
  text: string;
  line: number;
  column: number;
  empty: boolean;
  /** Written as a bold label, not a heading. */
  label?: true;
}

export interface OutlineLink {
  url: string;
  line: number;
  column: number;
}

export interface Outline {
  /** The last line of the body with text on it (file lines), where a missing last section goes. */
  lastLine: number;
  headings: OutlineHeading[];
  /** Headings and bold-label sections, in document order: what the section rules look for. */
  sections: OutlineSection[];
  links: OutlineLink[];
  timelineItems: TimelineItem[];
  /** A zone the timeline declares once: in its heading, a preface line, or a table's time column. */
  timelineZone?: { text: string; line: number; column: number };
}

/** Text that the scaffold writes as a prompt, to be replaced. */
export const PLACEHOLDER = /^\s*TODO\b/;

export function normaliseHeading(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function isPlaceholder(node: RootContent, source: string): boolean {
  if (node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'list') {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const text = source.slice(start, end).replace(/^[>\s*+-]+/gm, '');
    return text.split('\n').every((l) => l.trim() === '' || PLACEHOLDER.test(l));
  }
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/**
 * Derive the outline of a parsed body; `source` is the text that was parsed, which starts on
 * file line `lineOffset + 1`.
 */
export function outline(tree: Root, source: string, lineOffset = 0): Outline {
  const slugger = new GithubSlugger();
  const headings: OutlineHeading[] = [];
  const labelled: OutlineSection[] = [];
  const children = tree.children;
  let timelineDepth: number | undefined;
  const timelineItems: TimelineItem[] = [];

  let timelineZone: Outline['timelineZone'];
  const declare = (text: string, line: number, column: number, label = false) => {
    const zone = zoneDeclared(text, label);
    if (zone && !timelineZone) timelineZone = { text: zone, line, column };
  };
  const item = (text: string, line: number, column: number, extra: Partial<TimelineItem> = {}) => timelineItems.push({ text, line: line + lineOffset, column, ...extra });

  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'heading') {
      const text = toString(node);
      let empty = true;
      for (let j = i + 1; j < children.length; j++) {
        const next = children[j]!;
        if (next.type === 'heading' && next.depth <= node.depth) break;
        if (!isPlaceholder(next, source)) {
          empty = false;
          break;
        }
      }
      headings.push({ depth: node.depth, text, slug: slugger.slug(text), line: node.position!.start.line + lineOffset, column: node.position!.start.column, empty });
      if (timelineDepth !== undefined && node.depth > timelineDepth) {
        // One heading per event (`### 2018-03-26 10:34`, `### 21:00 - Team alerted`) or per day (`### 2025-07-26 Saturday`).
        const h = node.position!;
        const body = source.slice(h.start.offset!, h.end.offset!).replace(/^#+\s*/, '').replace(/\s*#*\s*$/, '');
        if (TIMEISH.test(body)) {
          const next = children[i + 1];
          const said = next?.type === 'paragraph' ? toString(next).split('\n')[0] : '';
          item(said && !/\s-\s\S/.test(body) ? `${body} — ${said}` : body, h.start.line, h.start.column + (h.end.offset! - h.start.offset! - body.length > 0 ? source.slice(h.start.offset!, h.end.offset!).indexOf(body) : 0), { heading: true });
        }
        continue;
      }
      const norm = normaliseHeading(text);
      timelineDepth = /^timeline\b/.test(norm) ? node.depth : timelineDepth !== undefined && node.depth <= timelineDepth ? undefined : timelineDepth;
      if (timelineDepth === node.depth) declare(text, node.position!.start.line + lineOffset, node.position!.start.column, true);
      continue;
    }
    if (node.type === 'paragraph' || node.type === 'list') labelSections(node, labelled, lineOffset);
    if (timelineDepth === undefined) continue;
    if (node.type === 'list') {
      for (const li of node.children) {
        const first = li.children[0];
        if (!first || first.type !== 'paragraph' || !first.position) continue;
        item(source.slice(first.position.start.offset, first.position.end.offset), first.position.start.line, first.position.start.column);
      }
    } else if (node.type === 'table' && node.position) {
      tableItems(node as unknown as MdTable, source, item, declare, lineOffset);
    } else if ((node.type === 'paragraph' || node.type === 'blockquote') && node.position) {
      const text = source.slice(node.position.start.offset, node.position.end.offset);
      declare(text, node.position.start.line + lineOffset, node.position.start.column);
      // One event per line: a paragraph whose lines start with times.
      const lines = text.split('\n');
      if (node.type === 'paragraph' && lines.filter((l) => LINE_TIME.test(l)).length >= 2) {
        let offset = 0;
        lines.forEach((l, k) => {
          if (LINE_TIME.test(l)) item(l.replace(/\s+$/, ''), node.position!.start.line + k, k === 0 ? node.position!.start.column : 1);
          offset += l.length + 1;
        });
      }
    }
  }

  const links: OutlineLink[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      links.push({ url: (node as { url: string }).url, line: node.position.start.line + lineOffset, column: node.position.start.column });
    }
  });
  const sections: OutlineSection[] = [...headings.map(({ text, line, column, empty }) => ({ text, line, column, empty })), ...labelled].sort((a, b) => a.line - b.line);
  return { lastLine: source.trimEnd().split('\n').length + lineOffset, headings, sections, links, timelineItems, ...(timelineZone ? { timelineZone } : {}) };
}

/** `**Label**: text` or `**Label:** text` at the start of a paragraph: the label, and whether anything follows it. */
function boldLabel(p: RootContent): { text: string; empty: boolean } | undefined {
  if (p.type !== 'paragraph') return undefined;
  const [first, ...rest] = p.children;
  if (first?.type !== 'strong') return undefined;
  let text = toString(first).replace(/\s+/g, ' ').trim();
  let after = rest.map((n) => toString(n)).join('').trim();
  if (text.endsWith(':')) text = text.slice(0, -1).trim();
  else if (after.startsWith(':')) after = after.slice(1).trim();
  else if (after !== '') return undefined;
  return text && text.length <= 60 ? { text, empty: after === '' } : undefined;
}

/** Sections written as bold labels: a top-level paragraph, or an item of a top-level list, that opens with one. */
function labelSections(node: RootContent, out: OutlineSection[], lineOffset: number): void {
  const add = (p: RootContent, more: boolean) => {
    const b = boldLabel(p);
    if (b && p.position) out.push({ text: b.text, line: p.position.start.line + lineOffset, column: p.position.start.column, empty: b.empty && !more, label: true });
  };
  if (node.type === 'paragraph') add(node, false);
  else if (node.type === 'list') for (const li of node.children) if (li.children[0]) add(li.children[0], li.children.length > 1);
}

/** A heading that names a time: a date, a time of day, or an approximate one. */
const TIMEISH = /^(?:\*\*)?\s*(?:~|≈|around\s+|about\s+)?(?:\d{4,}-(?:\d{1,2}|MM)|\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\b)/i;
/** A line that starts with a time, as one-event-per-line timelines write them. */
const LINE_TIME = /^\s*(?:\*\*|__)?\s*(?:~|≈)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})/;

/**
 * The zone a line declares for the timeline: "All times in UTC.", "(all times in GMT)"; and, in a
 * heading or a column header (`label`), "Timeline (UTC)", "Time (PT)".
 */
export function zoneDeclared(text: string, label = false): string | undefined {
  const t = text.replace(/[*_>`]/g, ' ');
  const m = /^\s*\(?\s*(?:all\s+)?times?\s+(?:are\s+|shown\s+|given\s+)?in\s+([A-Za-z][A-Za-z_/+\-]*(?:\/[A-Za-z_]+)?|UTC[+\-]\d{1,2}(?::\d{2})?)\b/i.exec(t)
    ?? (label ? /\((?:times?\s+in\s+)?([A-Z]{2,5}|UTC[+\-]\d{1,2}(?::\d{2})?|[A-Za-z]+\/[A-Za-z_]+)\)/.exec(t) : null);
  return m?.[1];
}

interface MdCell { position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } } }
interface MdTable { children: { children: MdCell[]; position?: { start: { line: number; column: number } } }[] }

/** Rows of a table with a time column (and maybe a date column) and an event: `Time | Event`, `Day | Date | Time (PT) | Event`. */
function tableItems(table: MdTable, source: string, item: (text: string, line: number, column: number, extra?: Partial<TimelineItem>) => void, declare: (text: string, line: number, column: number, label?: boolean) => void, lineOffset: number): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const cell = (c: MdCell | undefined) => (c ? toString(c as never).trim() : '');
  const headers = head.children.map(cell);
  const timeCol = headers.findIndex((h) => /\b(time|when|timestamp)\b/i.test(h));
  const dateCol = headers.findIndex((h, i) => i !== timeCol && /\bdate\b/i.test(h));
  if (timeCol === -1 && dateCol === -1) return;
  const first = timeCol === -1 ? dateCol : timeCol;
  declare(headers[first]!, head.position!.start.line + lineOffset, head.children[first]?.position?.start.column ?? 1, true);
  const skip = new Set([timeCol, dateCol, headers.findIndex((h) => /^day$/i.test(h))]);
  for (const row of rows) {
    const when = [dateCol === -1 ? '' : cell(row.children[dateCol]), timeCol === -1 ? '' : cell(row.children[timeCol])].filter(Boolean).join(' ');
    const what = row.children.filter((_, i) => !skip.has(i)).map(cell).filter(Boolean).join(' — ');
    const at = row.children[dateCol === -1 ? timeCol : dateCol]?.position?.start ?? row.position?.start;
    if (!at || (!when && !what)) continue;
    item(`${when} ${what}`.trim(), at.line, at.column, { table: true });
  }
}

