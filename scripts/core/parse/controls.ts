// Characters that do not belong in a document: control characters (NUL, escape sequences,
// U+2028/U+2029) break the feed, the calendar and terminals, and bidirectional controls can make
// text read differently from what it is ("Trojan source"). Found at their place, never guessed.

import type { Finding } from '../diagnostic.js';

/** C0 controls except tab, LF and CR; DEL; C1; the line and paragraph separators. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional embedding, override and isolate controls. */
export const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** At most this many of each kind are reported per file; the rest are counted. */
const MAX_REPORTED = 5;

function name(c: string): string {
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0) return `NUL (${hex})`;
  if (code === 0x1b) return `ESC (${hex})`;
  if (code === 0x2028) return `LINE SEPARATOR (${hex})`;
  if (code === 0x2029) return `PARAGRAPH SEPARATOR (${hex})`;
  return hex;
}

/**
 * Control and bidirectional characters in a file's text, with their line and column. `bodyLine`
 * is where the Markdown body starts: bidi controls are errors above it (ids, titles, values) and
 * warnings in prose, where right-to-left text may legitimately use them.
 */
export function findControls(file: string, text: string, bodyLine: number): Finding[] {
  const out: Finding[] = [];
  for (const [re, kind] of [[CONTROL, 'control'], [BIDI, 'bidi']] as const) {
    re.lastIndex = 0;
    let count = 0;
    let first: Finding | undefined;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      count++;
      if (count > MAX_REPORTED) continue;
      const before = text.slice(0, m.index);
      const line = before.split('\n').length;
      const column = m.index - before.lastIndexOf('\n');
      const f: Finding = kind === 'control'
        ? { ruleId: 'parse/control-character', file, line, column, message: `Unexpected control character ${name(m[0])}, expected printable text.`, hint: 'Delete it (it is invisible in most editors): it breaks feeds, calendars and terminals.' }
        : { ruleId: 'parse/bidi-control', file, line, column, severity: line < bodyLine ? 'error' : 'warning', message: `Unexpected bidirectional control ${name(m[0])}, expected text that reads as it is stored.`, hint: 'Delete it: it can make text display differently from what it says.' };
      first ??= f;
      out.push(f);
    }
    if (count > MAX_REPORTED && first) out.push({ ...first, column: first.column, message: `${count - MAX_REPORTED} more ${kind === 'control' ? 'control characters' : 'bidirectional controls'} in this file.` });
  }
  return out;
}
