// Markdown bodies to HTML with markdown-it: raw HTML off, no template engine, links to other
// documents rewritten to their pages, and links to left-out documents reduced to their text.

import MarkdownIt from 'markdown-it';
import { posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import { escape } from './html.js';
import { guardMarkdown } from '../core/markdown/guard.js';
import { TIMELINE_PHASES } from '../core/markdown/timeline.js';

export interface LinkTarget {
  /** Page URL of a document by repo-relative file, or undefined when not in this build. */
  byFile(file: string): string | undefined;
  /** Page URL of a document by id. */
  byId(id: string): string | undefined;
  /** For a contact without a page in this build: how to name it instead (never a person's name). */
  label?(id: string): string | undefined;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

// Headings get the same anchors as GitHub and the link checks (github-slugger).
md.core.ruler.push('heading_ids', (state) => {
  const slugger = new GithubSlugger();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const text = inline.children?.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('') ?? '';
      tokens[i]!.attrSet('id', slugger.slug(text));
    }
  }
});

// A scaffold prompt (`TODO: …`) left in a section is shown as "to be written", never as text.
md.core.ruler.push('placeholders', (state) => {
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const inline = tokens[i + 1]!;
    if (tokens[i]!.type !== 'paragraph_open' || inline.type !== 'inline' || !/^\s*TODO\b/.test(inline.content)) continue;
    tokens[i]!.attrSet('class', 'to-write');
    const text = new state.Token('text', '', 0);
    text.content = 'To be written.';
    inline.children = [text];
  }
});

const PHASES = new Set(TIMELINE_PHASES);
const MENTION_OR_TAG = /(^|[^\w@./])@([a-z0-9]+(?:-[a-z0-9]+)*)|\[([a-z-]+)\]/g;

// In text, `@contact-id` becomes a link to the contact's page and a timeline `[phase]` tag a label.
// The new tokens carry text only; their markup is the kit's, and the text is escaped by the renderer.
md.core.ruler.push('mentions_and_phases', (state) => {
  const links = (state.env as { links?: LinkTarget }).links;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: typeof block.children = [];
    let insideLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink++;
      if (token.type === 'link_close') insideLink--;
      if (token.type !== 'text' || insideLink > 0) {
        out.push(token);
        continue;
      }
      let last = 0;
      const text = token.content;
      for (const m of text.matchAll(MENTION_OR_TAG)) {
        const url = m[2] ? links?.byId(m[2]) : undefined;
        // A contact without a page here (the public build) is named by its team or as staff.
        const label = m[2] && !url ? links?.label?.(m[2]) : undefined;
        const isPhase = m[3] !== undefined && PHASES.has(m[3]);
        if (!url && !label && !isPhase) continue;
        const start = m.index + (m[1]?.length ?? 0);
        const before = new state.Token('text', '', 0);
        before.content = text.slice(last, start);
        out.push(before);
        if (label) {
          const named = new state.Token('text', '', 0);
          named.content = label;
          out.push(named);
        } else if (url) {
          const open = new state.Token('link_open', 'a', 1);
          open.attrSet('href', url);
          open.attrSet('class', 'mention');
          const label = new state.Token('text', '', 0);
          label.content = `@${m[2]}`;
          out.push(open, label, new state.Token('link_close', 'a', -1));
        } else {
          const open = new state.Token('phase_open', 'span', 1);
          open.attrSet('class', `phase phase-${m[3]}`);
          const label = new state.Token('text', '', 0);
          label.content = m[3]!;
          out.push(open, label, new state.Token('phase_close', 'span', -1));
        }
        last = start + (url || label ? m[2]!.length + 1 : m[0].length);
      }
      if (last === 0) {
        out.push(token);
        continue;
      }
      const after = new state.Token('text', '', 0);
      after.content = text.slice(last);
      out.push(after);
    }
    block.children = out;
  }
});

/** Render one document's body; `file` is its repo-relative path, for relative links. */
export function renderMarkdown(body: string, file: string, links: LinkTarget, base: string): string {
  // A body too complex to parse in bounded time is shown as the text it is.
  if (guardMarkdown(file, body, 1)) return `<pre class="plain">${escape(body)}</pre>`;
  const env = { file, links, base };
  return md.render(body, env);
}

/** `decodeURIComponent` that keeps a malformed escape (`%E0%A4%A`) as written instead of throwing. */
function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  const { file, links } = env as { file: string; links: LinkTarget };
  if (token.attrGet('class') === 'mention') return defaultLinkOpen(tokens, idx, options, env, self);
  if (!SCHEME.test(href) && !href.startsWith('#')) {
    const hash = href.indexOf('#');
    const path = decode(hash === -1 ? href : href.slice(0, hash));
    const anchor = hash === -1 ? '' : href.slice(hash);
    const url = path.endsWith('.md') || path.includes('/') ? links.byFile(posix.normalize(posix.join(posix.dirname(file), path))) : links.byId(path);
    if (url === undefined) {
      token.attrs = [];
      token.tag = 'span';
      token.attrSet('class', 'link-withheld');
      // The closing tag is found and changed below.
      markClose(tokens, idx);
      return self.renderToken(tokens, idx, options);
    }
    token.attrSet('href', url + anchor);
  } else if (SCHEME.test(href)) {
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

function markClose(tokens: { type: string; tag: string }[], open: number): void {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'link_open') depth++;
    if (t.type === 'link_close' && --depth === 0) {
      t.tag = 'span';
      return;
    }
  }
}
