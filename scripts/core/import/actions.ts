// Action items as post-mortems write them, each becoming a lesson: its text as the title, and its
// owner, status, due date and ticket where the item says them; `unknown` status where it does
// not. Items come from lists (checkboxes too) and tables under an action heading, or under a bold
// `**Action items**` label. Narrative "lessons learned" are not action items. Pure.

import type { Heading, List, ListItem, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { LessonStatus } from '../model/types.js';

/** Headings (and bold labels) of the action-item family. */
const ACTION_HEADING = /^(?:\d+[.)]?\s*)?(action items?|actions?|action points|corrective (?:and|&) prevent(?:at)?ive (?:measures|actions)|corrective actions?|preventive (?:measures|actions)|preventative (?:measures|actions)|remediations?|remediation (?:items|actions|steps)|follow[- ]?ups?|follow[- ]?up (?:actions|items|tasks)|next steps|to ?dos?|tasks|improvements|what we(?:'|’)re doing about it|what we will do)\b/i;

export interface ActionItem {
  /** The item's text, plain, as written (links as their text). */
  text: string;
  /** The lesson title: the text without a trailing ticket link and its markers. */
  title: string;
  status: LessonStatus;
  /** How the status was read: a checkbox, a word in the item, a Status column; absent when unknown. */
  statusFrom?: string;
  owner?: string;
  due?: string;
  tracking?: string;
  line: number;
  /** The heading or label it came from, as written. */
  section: string;
}

export function isActionHeading(text: string): boolean {
  return ACTION_HEADING.test(text.replace(/[*_`]/g, '').trim());
}

function plain(node: RootContent | Root | TableRow): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** Every action item of a body whose text starts on file line `offset + 1`. */
export function actionItems(tree: Root, offset = 0): ActionItem[] {
  const out: ActionItem[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading' && isActionHeading(plain(node))) {
      const section = plain(node);
      // The section runs to the next heading of the same or a higher level.
      for (let j = i + 1; j < nodes.length; j++) {
        const n = nodes[j]!;
        if (n.type === 'heading' && n.depth <= (node as Heading).depth) break;
        if (n.type === 'list') listActions(n, section, offset, out);
        if (n.type === 'table') tableActions(n, section, offset, out);
      }
    }
  }
  // `- **Action items**:` over a nested list.
  visit(tree, 'listItem', (item: ListItem) => {
    const first = item.children[0];
    if (first?.type !== 'paragraph' || first.children[0]?.type !== 'strong') return;
    const label = plain(first.children[0] as never).replace(/:$/, '');
    if (!isActionHeading(label) || plain(first).replace(/^[^:]*:?/, '').trim() !== '') return;
    for (const n of item.children.slice(1)) if (n.type === 'list') listActions(n, label, offset, out);
  });
  return out.sort((a, b) => a.line - b.line);
}

function listActions(list: List, section: string, offset: number, out: ActionItem[]): void {
  for (const item of list.children) {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph') continue;
    const text = plain(first);
    if (text === '') continue;
    const links: { url: string; text: string; trailing: boolean }[] = [];
    const end = first.position?.end.offset;
    visit(first, 'link', (l) => {
      links.push({ url: l.url, text: plain(l as never), trailing: end !== undefined && l.position?.end.offset !== undefined && /^[\s).,;:\]]*$/.test(toStringAfter(first, l.position.end.offset)) });
    });
    const status = item.checked === true ? { status: 'implemented' as const, from: 'a ticked checkbox' } : item.checked === false ? { status: 'open' as const, from: 'an empty checkbox' } : statusInText(text);
    out.push(build(text, links, status, section, (item.position?.start.line ?? 1) + offset));
  }
}

/** The text of a paragraph after `offset` (to tell a trailing link). */
function toStringAfter(p: RootContent, offset: number): string {
  let after = '';
  visit(p, 'text', (t) => {
    if ((t.position?.start.offset ?? 0) >= offset) after += t.value;
  });
  return after;
}

/** The columns of an action table, by their headers. */
function columns(headers: string[]): { title: number; owner: number; status: number; ticket: number; due: number } {
  const find = (re: RegExp) => headers.findIndex((h) => re.test(h));
  const owner = find(/\b(owner|assignee|assigned|who|responsible|dri)\b/i);
  const status = find(/\b(status|state|done|complete)\b/i);
  const ticket = find(/\b(ticket|issue|link|tracking|jira|bug|pr)\b/i);
  const due = find(/\b(due|deadline|target|eta|by when)\b/i);
  const used = new Set([owner, status, ticket, due]);
  let title = find(/\b(action|item|task|description|what|title|remediation|follow)\b/i);
  if (title === -1 || used.has(title)) title = headers.findIndex((_, i) => !used.has(i));
  return { title, owner, status, ticket, due };
}

function tableActions(table: Table, section: string, offset: number, out: ActionItem[]): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const headers = head.children.map((c) => plain(c as never));
  const col = columns(headers);
  if (col.title === -1) return;
  for (const row of rows) {
    const cell = (i: number) => (i === -1 ? '' : plain((row.children[i] ?? { type: 'text', value: '' }) as never));
    const text = cell(col.title);
    if (text === '') continue;
    const links: { url: string; text: string; trailing: boolean }[] = [];
    if (col.ticket !== -1) visit(row.children[col.ticket] ?? { type: 'text', value: '' }, 'link', (l) => { links.push({ url: l.url, text: '', trailing: true }); });
    const ticketText = cell(col.ticket);
    if (links.length === 0 && /^https?:\/\/\S+$/.test(ticketText)) links.push({ url: ticketText, text: '', trailing: true });
    visit(row.children[col.title] ?? { type: 'text', value: '' }, 'link', (l) => { links.push({ url: l.url, text: plain(l as never), trailing: false }); });
    const statusText = cell(col.status);
    const status = statusText ? statusWord(statusText, `its ${headers[col.status]} column`) : statusInText(text);
    const item = build(text, links, status, section, (row.position?.start.line ?? 1) + offset);
    const owner = cell(col.owner);
    if (owner && !/^(-+|—|n\/?a|none|tbd|\?+)$/i.test(owner)) item.owner = owner;
    const due = /\d{4}-\d{2}-\d{2}/.exec(cell(col.due))?.[0];
    if (due) item.due = due;
    out.push(item);
  }
}

/** The status a table cell gives, or `unknown` (reported) when its word is not one the kit reads. */
function statusWord(word: string, from: string): { status: LessonStatus; from?: string } {
  const w = word.toLowerCase().replace(/[^a-z' ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(done|complete|completed|closed|fixed|resolved|implemented|shipped|merged|finished|yes)$/.test(w) || /[✅✔☑]/.test(word)) return { status: 'implemented', from };
  if (/^(verified|tested)$/.test(w)) return { status: 'verified', from };
  if (/^(in progress|wip|ongoing|started|in review|doing)$/.test(w)) return { status: 'in-progress', from };
  if (/^(open|todo|to do|not started|new|planned|pending|backlog|no)$/.test(w)) return { status: 'open', from };
  if (/^(won't fix|wont fix|wontfix|won't do|will not fix|cancelled|canceled|declined|dropped|rejected)$/.test(w)) return { status: 'wont-fix', from };
  return { status: 'unknown' };
}

/** A status the item's own text states: `(done)`, `DONE:`, `✅`, `(in progress)`, `(won't fix)`. */
function statusInText(text: string): { status: LessonStatus; from?: string } {
  const marker = /\((done|completed?|fixed|closed|in progress|wip|ongoing|won'?t fix|wontfix)\)|^(done|completed?|in progress|wip)\s*[:\-–]|[✅✔☑]/i.exec(text);
  if (!marker) return { status: 'unknown' };
  const word = (marker[1] ?? marker[2] ?? 'done').toLowerCase();
  const read = statusWord(word, `"${marker[0].trim()}" in its text`);
  return read.status === 'unknown' ? read : { status: read.status, from: `"${marker[0].trim()}" in its text` };
}

const TICKET_URL = /\/(issues|pull|pulls|merge_requests|browse|tickets?|cards?|tasks?)\/|jira|linear\.app|trello\.com|\/-\/issues\//i;
const OWNER_IN_TEXT = /(?:\b(?:owner|owned by|assignee|assigned to|responsible)\s*[:=]?\s*(@[\w-]+|[A-Z][\w.-]+(?: [A-Z][\w.-]+)?)|(?:^|[\s(])(@[A-Za-z0-9][\w-]*)(?![\w.@-]*\.\w))/;
const DUE_IN_TEXT = /\b(?:due|by|deadline|target)\s*:?\s*(\d{4}-\d{2}-\d{2})\b/i;

function build(text: string, links: { url: string; text: string; trailing: boolean }[], status: { status: LessonStatus; from?: string }, section: string, line: number): ActionItem {
  const ticket = links.find((l) => l.trailing && /^https?:\/\//.test(l.url)) ?? links.find((l) => TICKET_URL.test(l.url) && /^https?:\/\//.test(l.url));
  let title = text;
  // A trailing link that only points at the ticket ("[GitHub Issue](…)", "#365") leaves the title.
  if (ticket?.trailing && ticket.text && title.endsWith(ticket.text) && title.length > ticket.text.length) title = title.slice(0, -ticket.text.length).replace(/[\s(:–—-]+$/, '');
  title = title.replace(/^\s*(?:done|completed?|in progress|wip)\s*[:\-–]\s*/i, '').trim() || text;
  if (title.length > 200) title = `${title.slice(0, 199).replace(/\s+\S*$/, '')}…`;
  const owner = OWNER_IN_TEXT.exec(text);
  const due = DUE_IN_TEXT.exec(text);
  return {
    text, title, status: status.status, ...(status.from ? { statusFrom: status.from } : {}),
    ...(owner ? { owner: (owner[1] ?? owner[2])!.trim() } : {}),
    ...(due ? { due: due[1]! } : {}),
    ...(ticket ? { tracking: ticket.url } : {}),
    line, section,
  };
}
