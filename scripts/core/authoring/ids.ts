// New ids: the next free incident or exercise number of a year, or a slug of a name.

import anyAscii from 'any-ascii';

/**
 * `Alice Nguyen` → `alice-nguyen`; other scripts transliterated (`Владимир Петров` →
 * `vladimir-petrov`, `王芳` → `wang-fang`), anything else a hyphen. May be empty: callers ask for
 * an id then, never writing a file with an empty or hidden name.
 */
export function slugify(text: string): string {
  return anyAscii(text.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/**
 * The next `PREFIX-YEAR-NNN` after the highest used (gaps are not reused: a number, once
 * published, means one incident), looking at ids and file names across all folders.
 */
export function nextNumber(prefix: 'INC' | 'EX', year: number, taken: Iterable<string>): string {
  const re = new RegExp(`^${prefix}-${year}-(\\d+)$`, 'i');
  let max = 0;
  for (const id of taken) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${year}-${String(max + 1).padStart(3, '0')}`;
}

/** A slug not yet taken: `name`, else `name-2`, `name-3`, … */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
