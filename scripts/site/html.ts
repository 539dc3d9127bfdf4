// Every value from content is escaped on the way into HTML; only the kit's own markup is raw.

import { referenceTo } from './latin1.js';

export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Mark kit-generated markup as safe to insert as is. */
export function raw(value: string): Raw {
  return new Raw(value);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Also the punctuation beyond Latin-1 that English text and the kit's own values hold (dashes,
 * curly quotes, an ellipsis, arrows, the minus and "approximately" signs), as the numeric
 * references a page's layout would write them in anyway (site/latin1.ts): a page whose values hold
 * one is then one byte a character from the start, and every pass over its HTML reads half the
 * bytes. Other characters (letters of other scripts) are left to the layout.
 */
const SPECIAL = /[&<>"'\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2190\u2192\u2212\u2248]/;
const EVERY_SPECIAL = new RegExp(SPECIAL.source, 'g');

/** Escape text for an element or a quoted attribute (most values need nothing: tested first). */
export function escape(value: unknown): string {
  const text = String(value ?? '');
  return SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => ESCAPES[c] ?? referenceTo(c.charCodeAt(0))) : text;
}

type Value = unknown;

function render(value: Value): string {
  if (value instanceof Raw) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escape(value);
}

/** Tagged template: interpolations are escaped unless they are `raw()` (or arrays of them). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Raw {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Raw(out);
}
