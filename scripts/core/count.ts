// Counts as reports give them: exact, approximate, bounded, ranges, in thousands or millions, or
// unknown. Pure: a value in, its bounds and how to say it out.

export interface Count {
  /** The number as written, when there is one (a range has none). */
  value?: number;
  min: number;
  max: number;
  approximate?: boolean;
  unknown?: 'unknown' | 'not-stated';
  /** How a person says it: "~29,000", "fewer than 5", "145.5–148 million". */
  text: string;
}

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9 };
const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const UNIT = String.raw`(?:\s*(thousand|million|billion|k|m|mn|bn|b)\b)?`;

function num(n: string, unit: string | undefined): number {
  return Number(n.replace(/,/g, '')) * (unit ? SCALE[unit.toLowerCase()]! : 1);
}

function say(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** Read a count; undefined when it is not one. */
export function parseCount(input: number | string): Count | undefined {
  if (typeof input === 'number') return Number.isInteger(input) && input >= 0 ? { value: input, min: input, max: input, text: say(input) } : undefined;
  const t = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'unknown' || t === 'not known') return { min: 0, max: Infinity, unknown: 'unknown', text: 'unknown' };
  if (t === 'not stated' || t === 'not-stated') return { min: 0, max: Infinity, unknown: 'not-stated', text: 'not stated' };
  let m = new RegExp(`^${NUM}${UNIT}?\\s*(?:to|-|–|—)\\s*${NUM}${UNIT}$`).exec(t);
  if (m) {
    const unit = m[4] ?? m[2];
    const a = num(m[1]!, m[2] ?? unit);
    const b = num(m[3]!, unit);
    if (b < a) return undefined;
    return { min: a, max: b, text: `${input.trim().replace(/\s*(?:to|-|–|—)\s*/, '–')}` };
  }
  m = new RegExp(`^(~|≈|about |around |approximately |approx\\.? |some |nearly |almost |over |more than |at least |fewer than |less than |under |up to |at most |no more than |<=? ?|>=? ?)?${NUM}${UNIT}\\+?$`).exec(t);
  if (!m) return undefined;
  const n = num(m[2]!, m[3]);
  const q = (m[1] ?? '').trim();
  const plus = t.endsWith('+');
  if (q === '' && !plus) return Number.isFinite(n) ? { value: n, min: n, max: n, text: input.trim() } : undefined;
  if (['~', '≈', 'about', 'around', 'approximately', 'approx', 'approx.', 'some', 'nearly', 'almost'].includes(q)) return { value: n, min: n * 0.9, max: n * 1.1, approximate: true, text: `~${input.trim().replace(/^(~|≈|about|around|approximately|approx\.?|some|nearly|almost)\s*/i, '')}` };
  if (plus || ['over', 'more than', '>'].includes(q)) return { min: n + 1, max: Infinity, text: input.trim() };
  if (['at least', '>='].includes(q)) return { min: n, max: Infinity, text: input.trim() };
  if (['fewer than', 'less than', 'under', '<'].includes(q)) return { min: 0, max: n - 1, text: input.trim() };
  return { min: 0, max: n, text: input.trim() }; // up to, at most, no more than, <=
}

/** A count field's value: a count, or the value of its object form. */
export function countOf(field: unknown): Count | undefined {
  if (field === undefined || field === null) return undefined;
  if (typeof field === 'object' && !Array.isArray(field)) return countOf((field as { value?: unknown }).value);
  return typeof field === 'number' || typeof field === 'string' ? parseCount(field) : undefined;
}

/** More than none for certain. */
export function someFor(c: Count | undefined): boolean {
  return c !== undefined && c.unknown === undefined && c.min > 0;
}
