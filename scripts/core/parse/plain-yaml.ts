// Plain front matter, read fast. Nearly every document's front matter is plain YAML: block
// mappings and lists of unquoted or quoted words, no anchors, tags, escapes or block scalars.
// `js-yaml` reads that about ten times faster than `yaml` (which keeps every node's position for
// diagnostics). This reads it with `js-yaml`, resolving scalars exactly as `yaml`'s YAML 1.2 core
// schema does, and gives up (undefined) on anything where the two could disagree: the caller then
// parses with `yaml` (parse/safe-yaml.ts), which finds and places every problem. So the fast path
// only ever answers for front matter that has none.

import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { CONTROL } from './controls.js';

/** The scalars of `yaml`'s core schema, in its order, with its patterns (yaml/dist/schema/core). */
const CORE = [
  new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s), construct: () => null }),
  new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s), construct: (s: string) => s[0] === 't' || s[0] === 'T' }),
  new Type('tag:yaml.org,2002:int#oct', { kind: 'scalar', resolve: (s: string) => /^0o[0-7]+$/.test(s), construct: (s: string) => parseInt(s.substring(2), 8) }),
  new Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: (s: string) => /^[-+]?[0-9]+$/.test(s), construct: (s: string) => parseInt(s, 10) }),
  new Type('tag:yaml.org,2002:int#hex', { kind: 'scalar', resolve: (s: string) => /^0x[0-9a-fA-F]+$/.test(s), construct: (s: string) => parseInt(s.substring(2), 16) }),
  new Type('tag:yaml.org,2002:float#nan', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s),
    construct: (s: string) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  }),
  new Type('tag:yaml.org,2002:float#exp', { kind: 'scalar', resolve: (s: string) => /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s), construct: (s: string) => parseFloat(s) }),
  new Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: (s: string) => /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s), construct: (s: string) => parseFloat(s) }),
];
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE });

/**
 * What plain front matter does without, anywhere in it: tabs, carriage returns, control
 * characters and byte-order marks, escapes (`\\`), directives and document markers.
 */
const NOT_PLAIN = /[\t\r\\\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|^(?:---|\.\.\.|%)/m;

// One line of plain front matter: indentation, list dashes, perhaps a key, then a value on the
// line or none, then perhaps a comment. A value is a quoted text closed on its line, a flow list
// of words, or a plain word or phrase that starts with none of YAML's indicators (anchors,
// aliases, tags, block scalars, flow mappings, explicit keys). Every other line (a text carried
// over lines, a block scalar's lines, anything unusual) sends the whole front matter the slow way.
// Each pattern reads a line once, without backtracking over it: lines come from pull requests.
const HEAD = /^ *(?:- +)*(?:(?:[A-Za-z_][A-Za-z0-9_.-]*|"[^"]*"|'(?:[^']|'')*'):(?= |$))? */;
const END = /^(?: *| +#.*)$/;
const DOUBLE = /^"[^"]*"/;
const SINGLE = /^'(?:[^']|'')*'/;
const FLOW = /^\[(?:[^[\]{}#:'"&*!|>%@`?\-]|-(?=[A-Za-z0-9_.]))*\]/;
const PLAIN_START = /^(?:[^\s#'"[\]{},&*!|>%@`?:-]|[-?:](?=\S))/;
const NOT_IN_PLAIN = /:(?: |$)|[[\]{}]/;

/** Whether a line is a plain one. */
function plainLine(line: string): boolean {
  const head = HEAD.exec(line)![0];
  const value = line.slice(head.length);
  if (value === '') return true;
  // A comment where a key's or an item's value would be: `js-yaml` can nest what follows under
  // it; only a comment on a line of its own is plain.
  if (value[0] === '#') return head.trim() === '';
  const quoted = DOUBLE.exec(value) ?? SINGLE.exec(value) ?? FLOW.exec(value);
  if (quoted !== null) return END.test(value.slice(quoted[0].length));
  if (!PLAIN_START.test(value)) return false;
  const hash = value.indexOf(' #');
  return !NOT_IN_PLAIN.test(hash === -1 ? value : value.slice(0, hash));
}

const KEY_AT = /(?:[A-Za-z_][A-Za-z0-9_.-]*|"[^"]*"|'(?:[^']|'')*'):(?= |$)/y;

/**
 * Whether every line is a plain one, and the lines nest as `yaml` requires: a list's items at
 * one column, a mapping's keys at one column, what a key or an item holds further in (or, for a
 * list under a key, at the key's own column). `js-yaml` reads some misaligned lists that `yaml`
 * refuses; those go the slow way.
 */
function plainLines(text: string): boolean {
  /** The collections open at the line, innermost last: their column, and whether a list. */
  const cols: number[] = [];
  const lists: boolean[] = [];
  /**
   * Whether the last line left a value to come (a key or a dash with nothing after it), and how
   * many collections were open then: the value is the innermost one's, and is none once that closes.
   */
  let pending = true;
  let owner = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!plainLine(line)) return false;
    let c = 0;
    while (line.charCodeAt(c) === 0x20) c++;
    if (c === line.length || line.charCodeAt(c) === 0x23) continue;
    // The line's first token closes what is further in, then continues or opens a collection.
    let first = true;
    for (;;) {
      const dash = line.charCodeAt(c) === 0x2d && (c + 1 === line.length || line.charCodeAt(c + 1) === 0x20);
      KEY_AT.lastIndex = c;
      const key = !dash && KEY_AT.test(line);
      if (first) {
        while (cols.length > 0 && (cols.at(-1)! > c || (key && lists.at(-1) && cols.at(-1) === c))) {
          cols.pop();
          lists.pop();
          if (cols.length < owner) pending = false;
        }
        const top = cols.length - 1;
        const continues = top >= 0 && cols[top] === c && lists[top] === dash && (dash || key);
        if (!continues) {
          const opens = pending && (top < 0 || c > cols[top]! || (dash && !lists[top] && cols[top] === c));
          if (!opens) return false;
          if (dash || key) {
            cols.push(c);
            lists.push(dash);
          }
        }
        first = false;
      } else if (dash || key) {
        // Within a list item, on its line: a collection of its own at this column.
        cols.push(c);
        lists.push(dash);
      }
      if (dash) {
        c++;
        while (line.charCodeAt(c) === 0x20) c++;
        pending = c === line.length || line.charCodeAt(c) === 0x23;
        owner = cols.length;
        if (pending) break;
        continue;
      }
      if (key) {
        c = KEY_AT.lastIndex;
        while (line.charCodeAt(c) === 0x20) c++;
        pending = c === line.length || line.charCodeAt(c) === 0x23;
        owner = cols.length;
      } else pending = false;
      break;
    }
  }
  return true;
}

/**
 * A key that `yaml` may have read as something other than a string: empty, a null, a boolean, or
 * anything that starts as a number does (a sign, a dot or a digit).
 */
const NOT_STRING_KEY = /^(?:|~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+.0-9][\s\S]*)$/;

/** As safe-yaml.ts refuses them: keys that reach an object's prototype. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export interface PlainLimits {
  maxMapKeys: number;
  maxSeqItems: number;
  maxNodes: number;
  /** `yaml` refuses implicit keys longer than this (1024 characters). */
  maxKeyLength: number;
}

/**
 * The front matter's data when it is plain and has no problem, or undefined: then read it with
 * `yaml` instead. Never throws.
 */
export function plainYaml(text: string, limits: PlainLimits): Record<string, unknown> | undefined {
  if (NOT_PLAIN.test(text) || !plainLines(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  let nodes = 0;
  const plain = (value: unknown): boolean => {
    if (++nodes > limits.maxNodes) return false;
    // The text had no control character and no escape to make one: checked again, as yaml's
    // data is, so that this path never depends on the gate alone.
    if (typeof value === 'string') return !hasControl(value);
    if (value === null || typeof value !== 'object') return true;
    if (Array.isArray(value)) return value.length <= limits.maxSeqItems && value.every(plain);
    const keys = Object.keys(value);
    // A key `js-yaml` stringified from a null, a boolean or a number is one `yaml` would have
    // stringified differently (or refused): read those the slow way.
    if (keys.length > limits.maxMapKeys || Object.getPrototypeOf(value) !== Object.prototype) return false;
    for (const key of keys) {
      nodes++;
      if (FORBIDDEN.has(key) || key.length > limits.maxKeyLength || NOT_STRING_KEY.test(key) || hasControl(key)) return false;
      if (!plain((value as Record<string, unknown>)[key])) return false;
    }
    return true;
  };
  return plain(data) ? (data as Record<string, unknown>) : undefined;
}

function hasControl(s: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return found;
}
