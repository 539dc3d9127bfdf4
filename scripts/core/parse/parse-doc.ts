// Text of one content file → front matter data with YAML positions, and the Markdown body.
// gray-matter does the split, but only after the fences were checked, with an options object
// (no shared cache), the `yaml` package as its YAML engine, and code engines that refuse to run.

import matter from 'gray-matter';
import type { Document } from 'yaml';
import type { Finding } from '../diagnostic.js';
import { splitFences, type Split } from './fences.js';
import { Positions } from './positions.js';
import { parseSafeYaml } from './safe-yaml.js';

export interface ParseLimits {
  maxFrontMatterBytes: number;
}

export interface ParsedDoc {
  file: string;
  /** Front matter as plain data; undefined when it could not be trusted. */
  data: Record<string, unknown> | undefined;
  /** The YAML text between the fences (kept so positions can be rebuilt on demand). */
  yaml: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
  findings: Finding[];
  /** The parsed YAML document, when parsed in this thread. */
  yamlDoc?: Document.Parsed;
}

function refuse(): never {
  throw new Error('front matter in a programming language is refused');
}

const ENGINES = {
  js: { parse: refuse },
  javascript: { parse: refuse },
  coffee: { parse: refuse },
  json: { parse: refuse },
  toml: { parse: refuse },
};

/** Parse one document. Never throws for bad content: every problem is a finding. */
export function parseDoc(file: string, text: string, limits: ParseLimits): ParsedDoc {
  const result = splitFences(text, file, limits);
  if ('finding' in result) {
    return { file, data: undefined, yaml: '', yamlLine: 2, body: '', bodyLine: 1, findings: [result.finding] };
  }
  const split = result.split;
  const findings: Finding[] = [];
  const positions = new Positions(split.yaml, split.yamlLine);
  let parsed: ReturnType<typeof parseSafeYaml> | undefined;

  try {
    const file0 = matter(split.text, {
      language: 'yaml',
      delimiters: '---',
      excerpt: false,
      engines: {
        ...ENGINES,
        yaml: {
          parse: () => {
            parsed = parseSafeYaml(split.yaml);
            return {};
          },
        },
      },
    } as never);
    if (!sameBlock(file0.matter, split)) {
      findings.push(ambiguousFence(file, split));
    }
  } catch {
    findings.push(ambiguousFence(file, split));
  }
  parsed ??= parseSafeYaml(split.yaml);

  for (const problem of parsed.problems) {
    findings.push({ ruleId: problem.ruleId, file, ...positions.at(problem.offset), message: problem.message, hint: problem.hint });
  }
  let data: Record<string, unknown> | undefined;
  if (findings.length === 0) {
    const value = parsed.data;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      data = value as Record<string, unknown>;
    } else {
      findings.push({
        ruleId: 'parse/front-matter-not-mapping', file, line: split.yamlLine, column: 1,
        message: `Unexpected front matter of type ${value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'list' : typeof value}, expected a mapping of fields.`,
        hint: 'Write the front matter as `key: value` lines, starting with `id:` and `kind:`.',
      });
    }
  }
  return { file, data, yaml: split.yaml, yamlLine: split.yamlLine, body: split.body, bodyLine: split.bodyLine, findings, yamlDoc: parsed.doc };
}

/** gray-matter's own split must agree with the fence check, or the file is ambiguous. */
function sameBlock(matterText: string | undefined, split: Split): boolean {
  if (matterText === undefined) return split.yaml.trim() === '';
  const norm = (s: string) => s.replace(/\r/g, '').replace(/^\n/, '').replace(/\n$/, '');
  return norm(matterText) === norm(split.yaml);
}

function ambiguousFence(file: string, split: Split): Finding {
  return {
    ruleId: 'parse/front-matter-fence', file, line: split.yamlLine, column: 1,
    message: 'Unexpected line starting with `---` inside the front matter, expected a single closing `---` line.',
    hint: 'Lines such as `----` or `---foo` are read as a closing fence by some tools; remove or quote them.',
  };
}
