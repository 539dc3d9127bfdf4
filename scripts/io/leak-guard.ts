// After a build, prove what must not be published is not: every output file is read and
// searched for the strings the audience may not see.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Leak {
  file: string;
  found: string;
}

function* walk(dir: string, rel = ''): Generator<string> {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, p);
    else yield p;
  }
}

/** Every (file, string) where a forbidden string occurs, case-insensitively. */
export function findLeaks(dir: string, forbidden: readonly string[]): Leak[] {
  if (forbidden.length === 0) return [];
  const needles = forbidden.map((s) => s.toLowerCase());
  const leaks: Leak[] = [];
  for (const file of walk(dir)) {
    const text = readFileSync(join(dir, file), 'latin1').toLowerCase();
    needles.forEach((n, i) => {
      if (text.includes(n)) leaks.push({ file, found: forbidden[i]! });
    });
  }
  return leaks;
}
