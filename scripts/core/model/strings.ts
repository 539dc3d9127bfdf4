// Every string a document's front matter holds, with its path: what rules and builds search when
// the text of a value matters wherever it is (prompts left in place, mentions, withheld values).

import type { DataPath } from '../diagnostic.js';

export function* dataStrings(value: unknown, path: (string | number)[] = []): Generator<[DataPath, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* dataStrings(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* dataStrings(v, [...path, k]);
}

/** A path as people write it: `lessons[0].title`. */
export function pathText(path: DataPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}
