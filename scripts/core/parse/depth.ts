// How deeply front matter nests, read from the text before the YAML parser sees it: the parser
// recurses, and a few kilobytes of `[[[[…` would otherwise end in a stack overflow reported at a
// place that depends on the thread.

export const MAX_YAML_DEPTH = 32;
/**
 * Entries of one collection, counted in the text: the parser's duplicate-key check is quadratic
 * in them, so thousands of keys would take seconds before any cap on the parsed value applied.
 */
export const MAX_YAML_WIDTH = 1000;

export interface Shape {
  problem: 'deep' | 'wide';
  offset: number;
}

/**
 * Where front matter first nests deeper than `max` levels, or holds a collection of more than
 * `MAX_YAML_WIDTH` entries, or undefined. Upper bounds, never under-counts.
 */
export function tooDeep(text: string, max = MAX_YAML_DEPTH): Shape | undefined {
  const indents: number[] = [];
  const widths: number[] = [];
  const flowWidths: number[] = [];
  let flow = 0;
  /** The open quote's character code, or 0. */
  let quote = 0;
  let lineStart = 0;
  const n = text.length;
  // Read by character codes (-1 past the end): no one-character string per character.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (i === lineStart && c !== -1) {
      // A new line: block nesting is the stack of indents still open, plus `- ` entries on it.
      let j = i;
      while (text.charCodeAt(j) === SPACE) j++;
      const first = text.charCodeAt(j);
      const blank = first === NL || first === CR || first === HASH || j >= n;
      if (!blank && flow === 0 && quote === 0) {
        const indent = j - i;
        while (indents.length > 0 && indents[indents.length - 1]! > indent) {
          indents.pop();
          widths.pop();
        }
        if (indents.length > 0 && indents[indents.length - 1] === indent) {
          if (++widths[widths.length - 1]! > MAX_YAML_WIDTH) return { problem: 'wide', offset: i };
        } else {
          indents.push(indent);
          widths.push(1);
        }
        let dashes = 0;
        while (text.charCodeAt(j) === DASH && (text.charCodeAt(j + 1) === SPACE || text.charCodeAt(j + 1) === NL)) {
          dashes++;
          j += 2;
          while (text.charCodeAt(j) === SPACE) j++;
        }
        if (indents.length + dashes > max) return { problem: 'deep', offset: i };
      }
    }
    if (c === -1) break;
    if (c === NL) {
      lineStart = i + 1;
      continue;
    }
    if (quote !== 0) {
      if (c === BACKSLASH && quote === DOUBLE) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) {
      const nl = text.indexOf('\n', i);
      i = (nl === -1 ? n : nl) - 1;
      continue;
    }
    if ((c === DOUBLE || c === SINGLE) && (i === lineStart || OPENS_QUOTE.test(text[i - 1]!))) quote = c;
    else if (c === OPEN_LIST || c === OPEN_MAP) {
      flow++;
      flowWidths.push(1);
      if (indents.length + flow > max) return { problem: 'deep', offset: i };
    } else if ((c === CLOSE_LIST || c === CLOSE_MAP) && flow > 0) {
      flow--;
      flowWidths.pop();
    } else if (c === COMMA && flow > 0 && ++flowWidths[flowWidths.length - 1]! > MAX_YAML_WIDTH) return { problem: 'wide', offset: i };
  }
  return undefined;
}

const TAB = 0x09;
const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const DOUBLE = 0x22; // "
const HASH = 0x23; // #
const SINGLE = 0x27; // '
const COMMA = 0x2c;
const DASH = 0x2d;
const OPEN_LIST = 0x5b; // [
const BACKSLASH = 0x5c;
const CLOSE_LIST = 0x5d; // ]
const OPEN_MAP = 0x7b; // {
const CLOSE_MAP = 0x7d; // }
/** What may come before a quote that opens a quoted text. */
const OPENS_QUOTE = /[\s[{,:]/;
