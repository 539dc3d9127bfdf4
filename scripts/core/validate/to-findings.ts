// ajv's errors become one readable finding each, tied to the YAML key or value they concern.

import type { ErrorObject } from 'ajv';
import type { DataPath, Finding } from '../diagnostic.js';

interface SchemaInfo {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaInfo>;
  format?: string;
}

const FORMAT_EXPECTED: Record<string, string> = {
  date: 'a date `YYYY-MM-DD`, like `2026-11-02`',
  instant: 'an instant with a time zone, like `2026-03-14T01:10:00Z` or `2026-03-14T02:10+01:00`',
  uri: 'an absolute link, like `https://tracker.example.org/SEC-123`',
};

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}…` : value}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function fieldName(path: DataPath): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  return parts === '' ? 'the front matter' : `\`${parts.replace(/^\./, '')}\``;
}

function exampleOf(schema: SchemaInfo | undefined): string {
  const ex = schema?.examples?.[0];
  if (ex === undefined) return '';
  return ` For example: \`${typeof ex === 'string' ? ex : JSON.stringify(ex)}\`.`;
}

/** Closest known name, to suggest for a typo. */
function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Translate one ajv error; undefined for errors that only summarise others (if/then, anyOf). */
export function errorToFinding(file: string, error: ErrorObject): Finding | undefined {
  const path = pointerToPath(error.instancePath);
  const schema = error.parentSchema as SchemaInfo | undefined;
  const data = error.data;
  const field = fieldName(path);
  const base = { file, severity: 'error' as const };
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const prop = schema?.properties?.[missing];
      return {
        ...base, ruleId: 'schema/required', path, at: 'key',
        message: `Missing required field \`${missing}\`${path.length ? ` in ${field}` : ''}, expected it to be set.`,
        hint: `Add \`${missing}:\`${prop?.description ? ` — ${prop.description}` : ''}${exampleOf(prop)}`,
      };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema?.properties ?? {});
      const guess = closest(extra, known);
      return {
        ...base, ruleId: 'schema/unknown-field', path: [...path, extra], at: 'key',
        message: `Unexpected field \`${extra}\`${path.length ? ` in ${field}` : ''}, expected one of: ${known.join(', ')}.`,
        hint: guess ? `Did you mean \`${guess}\`?` : 'Remove it, or move free text into the Markdown body.',
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type).replace('object', 'mapping').replace('array', 'list');
      return {
        ...base, ruleId: 'schema/type', path, at: 'value',
        message: `Unexpected ${typeName(data)} for ${field}, expected ${expected}.`,
        hint: `${schema?.description ?? 'Change the value to the expected type.'}${exampleOf(schema)}`,
      };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'const'
        ? [(error.params as { allowedValue: unknown }).allowedValue]
        : (error.params as { allowedValues: unknown[] }).allowedValues;
      const guess = typeof data === 'string' ? closest(data, allowed.map(String)) : undefined;
      return {
        ...base, ruleId: path.length === 1 && path[0] === 'kind' ? 'schema/kind' : 'schema/enum', path, at: 'value',
        message: `Unexpected ${show(data)} for ${field}, expected ${allowed.length === 1 ? '' : 'one of '}${allowed.map((v) => `\`${String(v)}\``).join(', ')}.`,
        hint: guess ? `Did you mean \`${guess}\`?` : (schema?.description ?? 'Use one of the listed values.'),
      };
    }
    case 'format': {
      const format = (error.params as { format: string }).format;
      return {
        ...base, ruleId: 'schema/format', path, at: 'value',
        message: `Unexpected ${show(data)} for ${field}, expected ${FORMAT_EXPECTED[format] ?? format}.`,
        hint: format === 'instant' ? 'Add the time zone: `Z` for UTC, or an offset such as `+01:00`. Quote nothing: YAML keeps it as text.' : (schema?.description ?? ''),
      };
    }
    case 'pattern':
      return {
        ...base, ruleId: 'schema/pattern', path, at: 'value',
        message: `Unexpected ${show(data)} for ${field}, expected ${schema?.description ? schema.description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) : `text matching ${(error.params as { pattern: string }).pattern}`}.`,
        hint: `${exampleOf(schema).trim() || 'Use the documented form.'}`,
      };
    case 'propertyNames': {
      const name = (error.params as { propertyName: string }).propertyName;
      return {
        ...base, ruleId: 'schema/pattern', path: [...path, name], at: 'key',
        message: `Unexpected name \`${name}\` in ${field}, expected a lowercase slug such as \`incident-commander\`.`,
        hint: 'Use lowercase letters, digits and hyphens.',
      };
    }
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      const item = Array.isArray(data) ? data[i] : undefined;
      return {
        ...base, ruleId: 'schema/unique', path: [...path, i], at: 'value',
        message: `Unexpected duplicate ${show(item)} in ${field} (items ${j + 1} and ${i + 1}), expected each item once.`,
        hint: 'Remove the repeated item.',
      };
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
    case 'minLength': case 'maxLength': case 'minItems': case 'maxItems': case 'minProperties':
      return {
        ...base, ruleId: 'schema/range', path, at: 'value',
        message: `Unexpected ${show(data).replace(/^a /, '')} for ${field}: it ${error.message ?? 'is out of range'}.`,
        hint: `${schema?.description ?? ''}${exampleOf(schema)}`.trim(),
      };
    case 'if': case 'anyOf': case 'oneOf': case 'then': case 'else': case 'propertyNames$': case 'not':
      return undefined;
    default:
      return {
        ...base, ruleId: `schema/${error.keyword}`, path, at: 'value',
        message: `Unexpected ${show(data)} for ${field}: it ${error.message ?? 'is invalid'}.`,
        hint: schema?.description ?? '',
      };
  }
}

/** All errors of one validation, without the summaries ajv adds for nested failures. */
export function errorsToFindings(file: string, errors: readonly ErrorObject[] | null | undefined): Finding[] {
  const out: Finding[] = [];
  for (const e of errors ?? []) {
    // A failed property name is reported once, by its `propertyNames` error.
    if ((e as { propertyName?: string }).propertyName !== undefined && e.keyword !== 'propertyNames') continue;
    const f = errorToFinding(file, e);
    if (f) out.push(f);
  }
  return out;
}
