// Place a finding on the key or value a front-matter path names, from the YAML parser's node
// ranges (never by searching text). A path that does not exist lands on its deepest existing part.

import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { DataPath } from '../diagnostic.js';

export interface Range {
  start: number;
  end: number;
}

type Ranged = { range?: [number, number, number] | null };

/** Offsets of the key (or value) that `path` names in the document. */
export function locate(doc: Document.Parsed, path: DataPath, at: 'key' | 'value' = 'key'): Range | undefined {
  let node: unknown = doc.contents;
  let keyNode: Ranged | undefined;
  let found: Range | undefined = rangeOf(node as Ranged);
  if (found) found = { start: found.start, end: found.start };

  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return found;
      keyNode = pair.key as Ranged;
      node = pair.value;
      found = rangeOf(keyNode);
      if (at === 'value') found = rangeOf(node as Ranged) ?? found;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return found;
      node = item;
      keyNode = undefined;
      found = rangeOf(item as Ranged) ?? found;
    } else {
      return found;
    }
  }
  if (at === 'key' && keyNode) return rangeOf(keyNode);
  return found;
}

function rangeOf(node: Ranged | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

