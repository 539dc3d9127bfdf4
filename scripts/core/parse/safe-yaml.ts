// YAML from pull requests is hostile by default: YAML 1.2 core schema only (dates and `NO`
// stay strings), no anchors or aliases (no billion laughs), no custom tags, no duplicate keys,
// no keys that reach an object's prototype. Warnings are errors.

import { isAlias, isScalar, parseDocument, visit, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';

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
  doc: Document.Parsed;
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

/** Parse and vet front matter; data is only produced when nothing is wrong. */
export function parseSafeYaml(text: string): ParsedYaml {
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
  if (doc.errors.length === 0) vet(doc, problems);
  if (problems.length > 0) return { doc, data: undefined, problems };
  return { doc, data: doc.toJS({ maxAliasCount: 0 }), problems };
}

function vet(doc: Document.Parsed, problems: YamlProblem[]): void {
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
