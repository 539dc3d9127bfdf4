// Change top-level front-matter values in place through the `yaml` package's concrete syntax
// tree: every byte outside the changed values (comments, key order, quoting, blank lines, line
// endings, a BOM, the body) stays as it was.

import { CST, Parser } from 'yaml';

export type Edits = Record<string, string>;

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** A scalar written the way the old one was: plain stays plain (when safe), quotes stay quotes. */
function written(type: string, value: string): string {
  if (type === 'single-quoted-scalar') return `'${value.replace(/'/g, "''")}'`;
  if (type === 'double-quoted-scalar') return JSON.stringify(value);
  return /^[A-Za-z0-9][A-Za-z0-9 ._:/@+-]*$/.test(value) && !/: |\s#|\s$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Apply `edits` (top-level key → new string value) to a document's text. Keys that exist are
 * changed where they are; keys that do not are added after `after` (or at the end of the front
 * matter). Returns undefined when the text has no well-formed front matter.
 */
export function editFrontMatter(text: string, edits: Edits, after?: string): string | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const open = text.indexOf('\n', bom);
  if (open === -1 || text.slice(bom, open).replace(/\r$/, '').trimEnd() !== '---') return undefined;
  const start = open + 1;
  const close = text.slice(start).search(/^---[ \t]*\r?$/m);
  if (close === -1) return undefined;
  const yaml = text.slice(start, start + close);

  const splices: Splice[] = [];
  const pending = new Map(Object.entries(edits));
  let insertAt = yaml.length;
  let indent = '';
  for (const token of new Parser().parse(yaml)) {
    if (token.type !== 'document' || token.value?.type !== 'block-map') continue;
    const map = token.value;
    indent = ' '.repeat(map.indent);
    for (const item of map.items) {
      const key = item.key && 'source' in item.key ? item.key.source : undefined;
      const value = item.value;
      if (key === undefined || !pending.has(key)) continue;
      if (!value || !CST.isScalar(value)) return undefined;
      splices.push({ at: value.offset, remove: value.source.length, insert: written(value.type, pending.get(key)!) });
      pending.delete(key);
    }
    const anchor = map.items.find((i) => i.key && 'source' in i.key && i.key.source === after);
    if (anchor?.value) {
      const end = yaml.indexOf('\n', anchor.value.offset);
      insertAt = end === -1 ? yaml.length : end + 1;
    }
  }
  const added = [...pending].map(([k, v]) => `${indent}${k}: ${written('plain', v)}${eol}`).join('');
  if (added) splices.push({ at: insertAt, remove: 0, insert: insertAt === yaml.length && yaml.length > 0 && !yaml.endsWith('\n') ? eol + added : added });

  let out = yaml;
  for (const s of splices.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  return text.slice(0, start) + out + text.slice(start + close);
}
