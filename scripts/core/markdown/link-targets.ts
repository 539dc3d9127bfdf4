// Where a link in a body points: another document, by relative path or by id, and an anchor.
// One reading for the broken-link rule and for the loader (which analyses the bodies that an
// analysed body links to, so that anchors into them can be checked).

import { posix } from 'node:path';
import { normaliseId } from '../load-doc.js';
import type { DocRecord } from '../model/types.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface LinkTarget {
  /** The document, or undefined when none has that path or id; `from` itself for `#anchor`. */
  doc: DocRecord | undefined;
  anchor?: string;
}

export interface DocIndex {
  byFile: ReadonlyMap<string, DocRecord>;
  byId: ReadonlyMap<string, DocRecord>;
}

/** Index documents by file and by normalised id (the first of each). */
export function indexDocs(docs: Iterable<DocRecord>): DocIndex {
  const byFile = new Map<string, DocRecord>();
  const byId = new Map<string, DocRecord>();
  for (const d of docs) {
    byFile.set(d.file, d);
    if (d.id !== undefined && !byId.has(normaliseId(d.id))) byId.set(normaliseId(d.id), d);
  }
  return { byFile, byId };
}

/** The target of `url` in `from`'s body; undefined for links to the web. */
export function linkTarget(from: DocRecord, url: string, index: DocIndex): LinkTarget | undefined {
  if (SCHEME.test(url)) return undefined;
  const hash = url.indexOf('#');
  const path = decode(hash === -1 ? url : url.slice(0, hash));
  const anchor = hash === -1 ? undefined : decode(url.slice(hash + 1));
  let doc: DocRecord | undefined = from;
  if (path !== '') {
    doc = path.endsWith('.md') || path.includes('/')
      ? index.byFile.get(posix.normalize(posix.join(posix.dirname(from.file), path)))
      : index.byId.get(normaliseId(path));
  }
  return { doc, ...(anchor === undefined ? {} : { anchor }) };
}

/** The files that the bodies of `from` link to, among `docs`. */
export function linkTargets(from: readonly DocRecord[], docs: readonly DocRecord[]): Set<string> {
  const index = indexDocs(docs);
  const out = new Set<string>();
  for (const d of from) {
    for (const link of d.outline?.links ?? []) {
      const t = linkTarget(d, link.url, index);
      if (t?.doc && t.doc !== d) out.add(t.doc.file);
    }
  }
  return out;
}
