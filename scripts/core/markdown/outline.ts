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

export interface OutlineLink {
  url: string;
  line: number;
  column: number;
}

export interface Outline {
  /** The last line of the body with text on it (file lines), where a missing last section goes. */
  lastLine: number;
  headings: OutlineHeading[];
  links: OutlineLink[];
  timelineItems: TimelineItem[];
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
  const children = tree.children;
  let timelineDepth: number | undefined;
  const timelineItems: TimelineItem[] = [];

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
      timelineDepth = normaliseHeading(text) === 'timeline' ? node.depth : timelineDepth !== undefined && node.depth <= timelineDepth ? undefined : timelineDepth;
      continue;
    }
    if (timelineDepth !== undefined && node.type === 'list') {
      for (const item of node.children) {
        const first = item.children[0];
        if (!first || first.type !== 'paragraph' || !first.position) continue;
        timelineItems.push({
          text: source.slice(first.position.start.offset, first.position.end.offset),
          line: first.position.start.line + lineOffset,
          column: first.position.start.column,
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
  return { lastLine: source.trimEnd().split('\n').length + lineOffset, headings, links, timelineItems };
}

