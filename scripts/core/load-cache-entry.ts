// A loaded document as the cache keeps it: everything its loading found, without the text the
// file itself holds. The body and front matter are kept as offsets into the file's text, and a
// secret only as where it is, so that no cache file ever holds a credential from a document.
// What only a whole load needs (the body's outline and timeline, the document's own findings) is
// kept serialised apart, and read only when the document is loaded whole: a check of some
// documents reads the others' front matter and nothing else.

import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from './diagnostic.js';
import type { LoadedDoc } from './load-doc.js';
import type { DocRecord } from './model/types.js';

type Lean = Omit<DocRecord, 'yaml' | 'body' | 'secrets' | 'outline' | 'timeline'>;
interface Rest {
  outline?: DocRecord['outline'];
  timeline?: DocRecord['timeline'];
  diagnostics: Diagnostic[];
}

export interface CacheEntry {
  record: Lean & { yaml?: string; body?: string };
  yamlAt?: [number, number];
  bodyAt?: number;
  secretsAt?: [number, number][];
  /** `Rest`, serialised. */
  rest: Uint8Array;
}

/** The entry for a document loaded from `text` (the file's decoded text); undefined if it cannot be kept. */
export function toEntry(doc: LoadedDoc, text: string): CacheEntry | undefined {
  const { yaml, body, secrets, outline, timeline, ...lean } = doc.record;
  const rest: Rest = { diagnostics: doc.diagnostics, ...(outline ? { outline } : {}), ...(timeline ? { timeline } : {}) };
  const entry: CacheEntry = { record: { ...lean }, rest: serialize(rest) };
  // Any place the text holds the same characters will do: only the string is rebuilt.
  const y = text.indexOf(yaml);
  if (y !== -1) entry.yamlAt = [y, y + yaml.length];
  else entry.record.yaml = yaml;
  if (text.endsWith(body)) entry.bodyAt = text.length - body.length;
  else entry.record.body = body;
  if (secrets) {
    const at: [number, number][] = [];
    for (const s of secrets) {
      const i = text.indexOf(s);
      // A secret the text does not hold as such could not be found again: the document is not kept.
      if (i === -1) return undefined;
      at.push([i, i + s.length]);
    }
    entry.secretsAt = at;
  }
  return entry;
}

/**
 * The loaded document again, from its entry and the same text: whole, or (`whole` false) as a
 * front-matter-only load gives it, without its body's analysis and its own findings.
 */
export function fromEntry(entry: CacheEntry, text: string, whole: boolean): LoadedDoc {
  const record = { ...entry.record } as DocRecord;
  record.yaml = entry.yamlAt ? text.slice(entry.yamlAt[0], entry.yamlAt[1]) : entry.record.yaml ?? '';
  record.body = entry.bodyAt !== undefined ? text.slice(entry.bodyAt) : entry.record.body ?? '';
  if (entry.secretsAt) record.secrets = entry.secretsAt.map(([a, b]) => text.slice(a, b));
  if (!whole) {
    record.partial = true;
    return { record, diagnostics: [] };
  }
  const rest = deserialize(entry.rest) as Rest;
  if (rest.outline) record.outline = rest.outline;
  if (rest.timeline) record.timeline = rest.timeline;
  return { record, diagnostics: rest.diagnostics };
}
