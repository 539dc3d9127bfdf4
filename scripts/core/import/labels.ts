// The few metadata a post-mortem carries, wherever it writes them: bold labels (`**Status**:
// Resolved`), heading fields (`## Owner: @name`, `## Severity` over a line), `Label: value` lists
// under a heading such as Stats, two-column tables, milestone lists (`First detected 2020-08-14
// 10:43`) and the source's own front matter. Each is found with its line. Pure.

import type { List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Label {
  /** As written, without the colon. */
  label: string;
  value: string;
  line: number;
  /** Where it was found, for the import's report. */
  from: 'bold label' | 'heading' | 'list' | 'table' | 'front matter';
}

/** A heading under which `Label: value` lines are metadata. */
const STATS_HEADING = /^(stats|statistics|metadata|details|incident details|key facts|facts|summary of the incident|incident info(rmation)?|overview|key events|key times|key dates|dates|times)\b/i;
const LABEL_VALUE = /^\s*([A-Za-z][A-Za-z /&()-]{0,40}?)\s*[:：]\s*(.+)$/s;
/** `First detected 2020-08-14 10:43`: words, then a date or a time. */
const WORDS_THEN_TIME = /^\s*([A-Za-z][A-Za-z /-]{0,40}?)\s*[:\-–—]?\s+((?:~|≈|about\s+|around\s+)?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}).*)$/is;

function line(node: { position?: { start: { line: number } } }, offset: number): number {
  return (node.position?.start.line ?? 1) + offset;
}

function plain(node: RootContent | Paragraph): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** `**Label**: value`, `**Label:** value`: the label and the rest of the paragraph. */
function boldLabel(p: Paragraph): { label: string; value: string } | undefined {
  const [first, ...rest] = p.children;
  if (!first || first.type !== 'strong') return undefined;
  let label = plain(first as never).trim();
  let value = rest.map((n) => toString(n)).join('').replace(/\s+/g, ' ').trim();
  if (label.endsWith(':')) label = label.slice(0, -1).trim();
  else if (value.startsWith(':')) value = value.slice(1).trim();
  // A bold line alone (`- **Key events**` over a list).
  else if (value !== '') return undefined;
  if (label === '' || label.length > 60) return undefined;
  return { label, value };
}

function* listItems(list: List): Generator<ListItem> {
  for (const item of list.children) yield item;
}

/** Every label of a body whose text starts on file line `offset + 1`. */
export function labelsOf(tree: Root, offset = 0): Label[] {
  const out: Label[] = [];
  const nodes = tree.children;
  let inStats = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') {
      const text = plain(node);
      inStats = STATS_HEADING.test(text);
      const field = LABEL_VALUE.exec(text);
      if (field && field[2]!.trim().length <= 80) out.push({ label: field[1]!.trim(), value: field[2]!.trim(), line: line(node, offset), from: 'heading' });
      else {
        // `## Severity` over a single short line.
        const next = nodes[i + 1];
        if (next?.type === 'paragraph' && text.length <= 30 && !text.includes(' ') && plain(next).length <= 60 && !plain(next).includes('. ')) {
          out.push({ label: text, value: plain(next), line: line(next, offset), from: 'heading' });
        }
      }
      continue;
    }
    if (node.type === 'paragraph') {
      const b = boldLabel(node);
      if (b) out.push({ ...b, line: line(node, offset), from: 'bold label' });
      else if (inStats) for (const l of plain(node).split(/\n/)) pushLine(out, l, line(node, offset), 'list');
      continue;
    }
    if (node.type === 'list') walkList(node, out, offset, inStats);
    if (node.type === 'table') tableLabels(node, out, offset);
  }
  return out;
}

function pushLine(out: Label[], text: string, at: number, from: Label['from']): void {
  const m = LABEL_VALUE.exec(text) ?? WORDS_THEN_TIME.exec(text);
  if (m) out.push({ label: m[1]!.trim(), value: m[2]!.replace(/\s+/g, ' ').trim(), line: at, from });
}

function walkList(list: List, out: Label[], offset: number, inStats: boolean): void {
  for (const item of listItems(list)) {
    const [first, ...rest] = item.children;
    const nested = rest.filter((n): n is List => n.type === 'list');
    const b = first?.type === 'paragraph' ? boldLabel(first) : undefined;
    if (b) {
      out.push({ ...b, line: line(item, offset), from: 'bold label' });
      // `**Key events**` over a list of milestones.
      if (b.value === '') for (const n of nested) for (const sub of listItems(n)) pushLine(out, plain(sub.children[0] ?? sub), line(sub, offset), 'list');
    } else if (inStats && first?.type === 'paragraph') {
      pushLine(out, plain(first), line(item, offset), 'list');
    }
  }
}

/** A two-column table of labels and values (`| Date | 2021-03-31 |`). */
function tableLabels(table: Table, out: Label[], offset: number): void {
  const rows = table.children;
  if (rows.some((r) => r.children.length !== 2)) return;
  const [head, ...body] = rows;
  const cell = (c: RootContent | undefined) => (c ? plain(c) : '');
  const headers = head!.children.map(cell);
  if (/\b(time|date|when|timestamp)\b/i.test(headers[0]!)) return;
  // A header row that is itself a label and a value counts as a row.
  const all = /^(field|key|name|property|item)$/i.test(headers[0]!) ? body : rows;
  for (const r of all) {
    const [k, v] = r.children.map(cell) as [string, string];
    if (k && v && k.length <= 40 && /^[A-Za-z]/.test(k)) out.push({ label: k.replace(/[:：]$/, ''), value: v, line: line(r, offset), from: 'table' });
  }
}

/** The source's own front matter as labels (scalars only), at line 1. */
export function frontMatterLabels(data: Record<string, unknown>): Label[] {
  return Object.entries(data)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date)
    .map(([k, v]) => ({ label: k, value: v instanceof Date ? v.toISOString() : String(v), line: 1, from: 'front matter' as const }));
}
