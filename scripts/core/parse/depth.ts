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
  let quote: '"' | "'" | undefined;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === lineStart && c !== undefined) {
      // A new line: block nesting is the stack of indents still open, plus `- ` entries on it.
      let j = i;
      while (text[j] === ' ') j++;
      const blank = text[j] === '\n' || text[j] === '\r' || text[j] === '#' || j >= text.length;
      if (!blank && flow === 0 && quote === undefined) {
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
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
          dashes++;
          j += 2;
          while (text[j] === ' ') j++;
        }
        if (indents.length + dashes > max) return { problem: 'deep', offset: i };
      }
    }
    if (c === undefined) break;
    if (c === '\n') {
      lineStart = i + 1;
      if (quote === "'") continue;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      const nl = text.indexOf('\n', i);
      i = (nl === -1 ? text.length : nl) - 1;
      continue;
    }
    if ((c === '"' || c === "'") && (i === lineStart || /[\s[{,:]/.test(text[i - 1]!))) quote = c;
    else if (c === '[' || c === '{') {
      flow++;
      flowWidths.push(1);
      if (indents.length + flow > max) return { problem: 'deep', offset: i };
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
      flowWidths.pop();
    } else if (c === ',' && flow > 0 && ++flowWidths[flowWidths.length - 1]! > MAX_YAML_WIDTH) return { problem: 'wide', offset: i };
  }
  return undefined;
}
