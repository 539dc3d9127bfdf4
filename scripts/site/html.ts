// Every value from content is escaped on the way into HTML; only the kit's own markup is raw.

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

const SPECIAL = /[&<>"']/;
const EVERY_SPECIAL = /[&<>"']/g;

/** Escape text for an element or a quoted attribute (most values need nothing: tested first). */
export function escape(value: unknown): string {
  const text = String(value ?? '');
  return SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => ESCAPES[c]!) : text;
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
