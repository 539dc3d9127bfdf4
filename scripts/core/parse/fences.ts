// gray-matter guesses silently (a missing closer drops the body, `---js` runs code), so the
// fences are checked here first, and only a well-formed split is ever handed on.

import type { Finding } from '../diagnostic.js';

export interface Split {
  /** Text between the fences, from the start of line 2. */
  yaml: string;
  /** Offset of `yaml` in the text (after any BOM). */
  yamlOffset: number;
  /** 1-based line of the first front-matter line. */
  yamlLine: number;
  /** Markdown after the closing fence. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The text without its BOM, as gray-matter will see it. */
  text: string;
}

export interface FenceLimits {
  maxFrontMatterBytes: number;
}

const BOM = '\uFEFF';

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

/** Text for a message: control characters shown as escapes. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Split a document into front matter and body, or say exactly why it cannot be. */
export function splitFences(
  raw: string,
  file: string,
  limits: FenceLimits,
): { split: Split } | { finding: Finding } {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  const fail = (ruleId: string, line: number, column: number, message: string, hint: string) => ({
    finding: { ruleId, file, line, column, message, hint },
  });

  if (text.trim() === '') {
    return fail('parse/empty-file', 1, 1, 'Unexpected empty file, expected front matter between `---` lines.',
      'Start the file with `---`, the YAML front matter, and a closing `---`; `npm run new` writes one for you.');
  }
  const cr = text.search(/\r(?!\n)/);
  if (cr !== -1) {
    const line = text.slice(0, cr).split('\n').length;
    return fail('parse/line-endings', line, cr - text.lastIndexOf('\n', cr - 1), 'Unexpected carriage return without line feed (old Mac line endings), expected LF or CRLF.',
      'Convert the file to LF line endings (for example `dos2unix -c mac FILE`).');
  }
  const firstEnd = lineEnd(text, 0);
  const first = stripCr(text.slice(0, firstEnd));
  if (first !== '---') {
    if (first.trimEnd() === '---') {
      return fail('parse/front-matter-fence', 1, 4, 'Unexpected whitespace after the opening `---`, expected a bare `---`.',
        'Delete the spaces or tabs after `---` on the first line: other tools do not read it as front matter.');
    }
    if (first.startsWith('---')) {
      return fail('parse/front-matter-fence', 1, 4, `Unexpected \`${printable(first.slice(0, 40))}\` as the opening fence, expected a bare \`---\`.`,
        'Front matter is YAML only: open it with a line that is exactly `---`. Other languages (`---js`, `---json`) are refused and never run.');
    }
    if (first.trim() === '' && /^\s*\n---\s*$/m.test(text.slice(0, lineEnd(text, firstEnd + 1) + 1))) {
      return fail('parse/front-matter-fence', 1, 1, 'Unexpected blank line before the opening `---`, expected `---` on the first line.',
        'Delete the blank lines above `---`.');
    }
    return fail('parse/no-front-matter', 1, 1, 'Unexpected Markdown without front matter, expected `---` on the first line.',
      'Add YAML front matter between `---` lines at the top: at least `id`, `kind` and a title or name.');
  }

  let pos = firstEnd + 1;
  let line = 2;
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    const current = stripCr(text.slice(pos, end));
    if (current !== '---' && current.startsWith('---')) {
      const message = current.trimEnd() === '---'
        ? 'Unexpected whitespace after the closing `---`, expected a bare `---`.'
        : `Unexpected \`${printable(current.slice(0, 40))}\` in the front matter, expected a bare \`---\` to close it.`;
      return fail('parse/front-matter-fence', line, 4, message,
        current.trimEnd() === '---' ? 'Delete the spaces or tabs after `---`.' : 'Close the front matter with a line that is exactly `---`; a value that starts with `---` must be quoted.');
    }
    if (current === '---') {
      const yaml = text.slice(firstEnd + 1, pos);
      if (Buffer.byteLength(yaml, 'utf8') > limits.maxFrontMatterBytes) {
        return fail('parse/too-large', 2, 1, `Unexpected front matter of ${Buffer.byteLength(yaml, 'utf8')} bytes, expected at most ${limits.maxFrontMatterBytes}.`,
          'Move long prose into the Markdown body; front matter holds the structured record.');
      }
      return {
        split: {
          yaml,
          yamlOffset: firstEnd + 1,
          yamlLine: 2,
          body: end >= text.length ? '' : text.slice(end + 1),
          bodyLine: line + 1,
          text,
        },
      };
    }
    if (current.trimEnd() === '...') {
      return fail('parse/front-matter-fence', line, 1, 'Unexpected `...` closing the front matter, expected `---`.',
        'Close the front matter with a line that is exactly `---`.');
    }
    if (end >= text.length) break;
    pos = end + 1;
    line++;
  }
  return fail('parse/unterminated-front-matter', 1, 1, 'Unexpected end of file inside front matter, expected a closing `---` line.',
    'Add a line with exactly `---` after the last YAML key, before the Markdown body.');
}
