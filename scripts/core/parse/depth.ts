// How deeply front matter nests, read from the text before the YAML parser sees it: the parser
// recurses, and a few kilobytes of `[[[[…` would otherwise end in a stack overflow reported at a
// place that depends on the thread.

export const MAX_YAML_DEPTH = 32;

/** The offset where nesting first exceeds `max`, or undefined. An upper bound, never an under-count. */
export function tooDeep(text: string, max = MAX_YAML_DEPTH): number | undefined {
  const indents: number[] = [];
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
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
          dashes++;
          j += 2;
          while (text[j] === ' ') j++;
        }
        if (indents.length + dashes > max) return i;
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
      if (indents.length + flow > max) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return undefined;
}
