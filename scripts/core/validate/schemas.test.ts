import { describe, expect, it } from 'vitest';
import { readSchemas } from '../../io/kit.js';
import { createAjv } from './compile.js';

type Json = { [k: string]: unknown };

/** Every subschema with `examples`, with the path that reaches it. */
function* withExamples(node: unknown, path: string): Generator<[string, Json]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* withExamples(n, `${path}/${i}`);
    return;
  }
  const obj = node as Json;
  if ('examples' in obj) yield [path, obj];
  for (const [k, v] of Object.entries(obj)) if (k !== 'examples') yield* withExamples(v, `${path}/${k}`);
}

/** Every declared property in every schema. */
function* properties(node: unknown, path: string): Generator<[string, Json]> {
  if (node === null || typeof node !== 'object') return;
  const obj = node as Json;
  if (obj.properties && typeof obj.properties === 'object') {
    for (const [k, v] of Object.entries(obj.properties as Json)) yield [`${path}/${k}`, v as Json];
  }
  for (const [k, v] of Object.entries(obj)) if (k !== 'examples') yield* properties(v, `${path}/${k}`);
}

const schemas = readSchemas();

describe('schemas', () => {
  it.each(Object.entries(schemas))('%s: every property has a description and examples', (_name, schema) => {
    const missing = [...properties(schema, '')].filter(([, p]) => typeof p.description !== 'string' || !Array.isArray(p.examples) || (p.examples as unknown[]).length === 0);
    expect(missing.map(([p]) => p)).toEqual([]);
  });

  it.each(Object.entries(schemas))('%s: every object forbids unknown properties', (_name, schema) => {
    const open = [...withExamples(schema, '')].filter(([, s]) => s.type === 'object' && s.properties && s.additionalProperties !== false);
    expect(open.map(([p]) => p)).toEqual([]);
  });

  it('every example validates against the schema it belongs to', () => {
    const ajv = createAjv();
    for (const schema of Object.values(schemas)) ajv.addSchema(schema);
    const failures: string[] = [];
    let count = 0;
    for (const schema of Object.values(schemas)) {
      const id = (schema as Json).$id as string;
      for (const [path, sub] of withExamples(schema, '')) {
        const validate = ajv.getSchema(`${id}#${path}`);
        if (!validate) {
          failures.push(`${id}#${path}: not addressable`);
          continue;
        }
        for (const ex of sub.examples as unknown[]) {
          count++;
          if (!validate(ex)) failures.push(`${id}#${path}: ${JSON.stringify(ex)} ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(150);
  });
});
