// Bodies are parsed by micromark, which is quadratic in a few constructs (runs of emphasis
// markers, brackets, strikethrough in one paragraph), recursive in nesting, and costs about a
// millisecond per hundred bytes of prose. A body is read first, in one linear pass, for those
// shapes and for its size in prose; one beyond the limits is reported at its place and not
// parsed, so that no document under the caps takes more than a moment to check.

import type { Finding } from '../diagnostic.js';

export const MARKDOWN_LIMITS = {
  /** Runs of `*`, `_` or `~` in one paragraph, heading, list item or cell. */
  delimiterRuns: 1500,
  /** `[`, `]`, `(` and `)` in one of them. */
  brackets: 2000,
  /** Backtick runs in one of them. */
  backtickRuns: 3000,
  /** Block quotes and lists inside each other. */
  depth: 24,
  /** Table cells in one row. */
  cells: 200,
  /**
   * The body's weight in bytes of prose: prose counts whole, code blocks an eighth (they are not
   * parsed inline), each block (paragraph, heading, item, row) 40 bytes, and emphasis and link
   * markers by their square per paragraph. Well under a second of parsing at the limit, and far
   * above any written record.
   */
  weight: 80 * 1024,
} as const;

interface Block {
  line: number;
  delimiterRuns: number;
  brackets: number;
  backtickRuns: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Bytes of prose that parse in the time of one more marker pair, squared, in a paragraph (measured). */
const QUADRATIC = 40;

/** The first shape beyond the limits, as a finding at its line, or undefined. */
export function guardMarkdown(file: string, body: string, bodyLine: number): Finding | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  let block: Block | undefined;
  let weight = 0;
  const tooMuch = (line: number, what: string, count: number, max: number): Finding => ({
    ruleId: 'md/too-complex', file, line: bodyLine + line, column: 1,
    message: `Unexpected ${what} (${count.toLocaleString('en')}), expected at most ${max.toLocaleString('en')}: the body is not checked further, and the site shows it as plain text.`,
    hint: 'Split the text into paragraphs, or move data (logs, dumps, lists of indicators) into a code block or an attachment.',
  });
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n]!.replace(/\r$/, '');
    const f = FENCE.exec(text);
    if (fence !== undefined) {
      weight += text.length / 8 + 1;
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && text.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]!;
      block = undefined;
      weight += 40;
      continue;
    }
    weight += text.length + 1;
    if (weight > MARKDOWN_LIMITS.weight) return tooMuch(n, 'body of this many bytes of prose, counting code blocks an eighth and each block 40', Math.round(weight), MARKDOWN_LIMITS.weight);
    if (text.trim() === '') {
      block = undefined;
      continue;
    }
    const { depth, start } = containers(text);
    if (depth > MARKDOWN_LIMITS.depth) return tooMuch(n, 'block quotes and lists nested this deep', depth, MARKDOWN_LIMITS.depth);
    const cells = text.includes('|') ? text.split('|').length - 1 : 0;
    if (cells > MARKDOWN_LIMITS.cells) return tooMuch(n, 'table row with this many cells', cells, MARKDOWN_LIMITS.cells);
    // A list item, heading or table row starts inline content of its own; other lines continue it.
    if (!block || start || /^#{1,6}(\s|$)/.test(text.slice(text.length - text.trimStart().length)) || cells > 0) {
      block = { line: n, delimiterRuns: 0, brackets: 0, backtickRuns: 0 };
      weight += 40;
    }
    let prev = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      // Resolving emphasis and links costs the square of their markers in one paragraph.
      if ((c === '*' || c === '_' || c === '~') && c !== prev) weight += (2 * block.delimiterRuns++ + 1) / QUADRATIC;
      else if (c === '[' || c === ']' || c === '(' || c === ')') weight += (2 * block.brackets++ + 1) / QUADRATIC;
      else if (c === '`' && prev !== '`') block.backtickRuns++;
      prev = c;
    }
    if (weight > MARKDOWN_LIMITS.weight) return tooMuch(block.line, 'body of this many bytes of prose, counting emphasis and link markers by their square per paragraph', Math.round(weight), MARKDOWN_LIMITS.weight);
    if (block.delimiterRuns > MARKDOWN_LIMITS.delimiterRuns) return tooMuch(block.line, 'runs of `*`, `_` or `~` in one paragraph', block.delimiterRuns, MARKDOWN_LIMITS.delimiterRuns);
    if (block.brackets > MARKDOWN_LIMITS.brackets) return tooMuch(block.line, '`[`, `]`, `(` and `)` in one paragraph', block.brackets, MARKDOWN_LIMITS.brackets);
    if (block.backtickRuns > MARKDOWN_LIMITS.backtickRuns) return tooMuch(block.line, 'runs of backticks in one paragraph', block.backtickRuns, MARKDOWN_LIMITS.backtickRuns);
  }
  return undefined;
}

/**
 * Containers a line opens (`>` markers, list markers, and indentation at two spaces a level),
 * and whether it starts a list item.
 */
function containers(text: string): { depth: number; start: boolean } {
  let depth = 0;
  let i = 0;
  let spaces = 0;
  let start = false;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') {
      spaces += text[i] === '\t' ? 4 : 1;
      i++;
    }
    if (text[i] === '>') {
      depth++;
      i++;
      continue;
    }
    const m = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(text.slice(i, i + 12));
    if (m) {
      depth++;
      start = true;
      i += m[0].length;
      continue;
    }
    break;
  }
  return { depth: depth + Math.floor(spaces / 2), start };
}
