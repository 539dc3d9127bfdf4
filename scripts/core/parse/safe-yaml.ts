// YAML from pull requests is hostile by default: YAML 1.2 core schema only (dates and `NO`
// stay strings), no anchors or aliases (no billion laughs), no custom tags, no duplicate keys,
// no keys that reach an object's prototype. Warnings are errors.

import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import { CONTROL } from './controls.js';
import { MAX_YAML_DEPTH, MAX_YAML_WIDTH, tooDeep } from './depth.js';
import { plainYaml } from './plain-yaml.js';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq',
]);

export interface YamlProblem {
  ruleId: string;
  offset: number;
  message: string;
  hint: string;
}

export interface ParsedYaml {
  /** The document with its positions: absent when the front matter was plain (parse/plain-yaml.ts). */
  doc?: Document.Parsed;
  /** Plain data, or undefined when any problem makes it untrustworthy. */
  data: unknown;
  problems: YamlProblem[];
}

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  customTags: [],
  keepSourceTokens: false,
};

/** Parse with positions kept, so any finding can be placed on its key or value. */
export function parseYamlDocument(text: string): Document.Parsed {
  return parseDocument(text, OPTIONS);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Caps on the shape of front matter, far above any real document and below what is slow. */
export const MAX_MAP_KEYS = 200;
export const MAX_SEQ_ITEMS = 1000;
export const MAX_NODES = 10_000;
/** `yaml` refuses an implicit key longer than this. */
const MAX_KEY_LENGTH = 1024;
const PLAIN_LIMITS = { maxMapKeys: MAX_MAP_KEYS, maxSeqItems: MAX_SEQ_ITEMS, maxNodes: MAX_NODES, maxKeyLength: MAX_KEY_LENGTH };

/** Parse and vet front matter; data is only produced when nothing is wrong. */
export function parseSafeYaml(text: string): ParsedYaml {
  const shape = tooDeep(text);
  if (shape !== undefined) {
    const deep = shape.problem === 'deep';
    return {
      doc: parseYamlDocument(''), data: undefined,
      problems: [{
        ruleId: deep ? 'parse/too-deep' : 'parse/too-large', offset: shape.offset,
        message: deep
          ? `Unexpected front matter nested more than ${MAX_YAML_DEPTH} levels deep, expected the few levels of the document kinds.`
          : `Unexpected collection of more than ${MAX_YAML_WIDTH} entries, expected a document's fields.`,
        hint: deep ? 'Flatten the structure: no Firebreak field nests more than four levels.' : 'Move long lists (logs, indicators, hosts) into the body or an attachment.',
      }],
    };
  }
  // Plain front matter without a problem (nearly all of it) needs no positions now: a rule that
  // finds something in it later has the place found by parsing again (core/place.ts).
  const plain = plainYaml(text, PLAIN_LIMITS);
  if (plain !== undefined) return { data: plain, problems: [] };
  return parseSafeYamlDocument(text);
}

/** `parseSafeYaml` without the fast path: every node parsed with its position, and vetted. */
export function parseSafeYamlDocument(text: string): ParsedYaml & { doc: Document.Parsed } {
  const doc = parseYamlDocument(text);
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    problems.push({
      ruleId: duplicate ? 'parse/duplicate-key' : 'parse/yaml-syntax',
      offset: error.pos[0],
      message: duplicate ? 'Unexpected duplicate key, expected each key once per mapping.' : `Unexpected YAML: ${firstLine(error.message)}.`,
      hint: duplicate
        ? 'Remove one of the two entries, or merge them: YAML keeps only one and the other would be lost silently.'
        : 'Fix the YAML syntax at this place; quote values that contain `: `, `#` or start with a special character.',
    });
  }
  for (const warning of doc.warnings) {
    const unresolvedTag = /tag/i.test(warning.message);
    problems.push({
      ruleId: unresolvedTag ? 'parse/custom-tag' : 'parse/yaml-warning',
      offset: warning.pos[0],
      message: `Unexpected YAML: ${firstLine(warning.message)}.`,
      hint: unresolvedTag ? 'Remove the `!tag`: front matter uses plain YAML values only.' : 'Rewrite this YAML so that it parses without warnings.',
    });
  }
  if (doc.errors.length === 0) vet(doc, problems, text);
  if (problems.length > 0) return { doc, data: undefined, problems };
  return { doc, data: doc.toJS({ maxAliasCount: 0 }), problems };
}

function vet(doc: Document.Parsed, problems: YamlProblem[], text: string): void {
  let nodes = 0;
  visit(doc, {
    Alias(_key, node) {
      if (problems.some((p) => p.ruleId === 'parse/alias')) return visit.BREAK;
      problems.push({
        ruleId: 'parse/alias', offset: node.range?.[0] ?? 0,
        message: `Unexpected alias \`*${node.source}\`, expected plain values.`,
        hint: 'Write the value out in full: anchors and aliases are refused so that a small file cannot expand into a huge one.',
      });
    },
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (key !== null && !isScalar(key)) {
        problems.push({
          ruleId: 'parse/complex-key', offset: (key as { range?: [number, number, number] }).range?.[0] ?? 0,
          message: 'Unexpected complex mapping key, expected a plain name.',
          hint: 'Use a plain word as the key.',
        });
      } else if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
        problems.push({
          ruleId: 'parse/forbidden-key', offset: key.range?.[0] ?? 0,
          message: `Unexpected key \`${String(key.value)}\`, expected a field of the document kind.`,
          hint: 'Remove this key: `__proto__`, `constructor` and `prototype` are refused at any depth.',
        });
      }
    },
    Node(_key, node) {
      if (isAlias(node)) return;
      if (++nodes > MAX_NODES) {
        problems.push({ ruleId: 'parse/too-large', offset: node.range?.[0] ?? 0, message: `Unexpected front matter of more than ${MAX_NODES} values, expected a document's fields.`, hint: 'Move lists of data (logs, indicators) out of the front matter, into the body or an attachment.' });
        return visit.BREAK;
      }
      if ((isMap(node) && node.items.length > MAX_MAP_KEYS) || (isSeq(node) && node.items.length > MAX_SEQ_ITEMS)) {
        const map = isMap(node);
        problems.push({
          ruleId: 'parse/too-large', offset: node.range?.[0] ?? 0,
          message: `Unexpected ${map ? `mapping of ${node.items.length} keys` : `list of ${node.items.length} items`}, expected at most ${map ? MAX_MAP_KEYS : MAX_SEQ_ITEMS}.`,
          hint: 'Move long lists (logs, indicators, hosts) into the body or an attachment.',
        });
        return visit.SKIP;
      }
      // Escapes (`"\0"`, `"\e"`) put control characters into values that the text scan cannot see.
      if (isScalar(node) && typeof node.value === 'string') {
        CONTROL.lastIndex = 0;
        const bad = CONTROL.exec(node.value);
        CONTROL.lastIndex = 0;
        // Written raw, the file scan reports it at its character; here only what an escape made
        // (the source is looked at only for a value that holds one).
        const raw = bad !== null && node.range !== undefined && node.range !== null && CONTROL.test(text.slice(node.range[0], node.range[1]));
        CONTROL.lastIndex = 0;
        if (bad && !raw) {
          problems.push({
            ruleId: 'parse/control-character', offset: node.range?.[0] ?? 0,
            message: `Unexpected control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in a value, expected printable text.`,
            hint: 'Remove the escape (`\\0`, `\\e`, `\\x1b`, …): it breaks feeds, calendars and terminals.',
          });
        }
      }
      if (node.anchor && !problems.some((p) => p.ruleId === 'parse/alias')) {
        problems.push({
          ruleId: 'parse/alias', offset: node.range?.[0] ?? 0,
          message: `Unexpected anchor \`&${node.anchor}\`, expected plain values.`,
          hint: 'Remove the anchor and write values out in full: anchors and aliases are refused.',
        });
      }
      const offset = node.range?.[0] ?? 0;
      if (node.tag && !CORE_TAGS.has(node.tag) && !problems.some((p) => p.ruleId === 'parse/custom-tag' && p.offset <= offset)) {
        problems.push({
          ruleId: 'parse/custom-tag', offset,
          message: `Unexpected tag \`${node.tag}\`, expected plain YAML values.`,
          hint: 'Remove the tag: front matter uses plain strings, numbers, booleans, lists and mappings.',
        });
      }
    },
  });
}
