// Schemas are compiled once per process and reused for every document (ajv's own advice).

import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { parseDate, parseInstant } from '../model/time.js';

import { schemaHash } from './hash.js';
import type { SchemaSet, Validators } from './types.js';

export type { SchemaSet, Validators };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;
const standaloneCode = (standaloneCodeModule as unknown as { default: (ajv: Ajv2020, refs: Record<string, string>) => string }).default;

const OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };

/** An ajv instance with the kit's formats: `date` and `instant` are real calendar values. */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...OPTIONS, ...options });
  addFormats(ajv, ['uri']);
  ajv.addFormat('date', { type: 'string', validate: (s: string) => parseDate(s) !== undefined });
  ajv.addFormat('instant', { type: 'string', validate: (s: string) => parseInstant(s) !== undefined });
  return ajv;
}

/** Compile the kit's schemas, once per process. */
export function compileSchemas(schemas: SchemaSet): Validators {
  const ajv = createAjv();
  ajv.addSchema(schemas.defs);
  return {
    contact: ajv.compile(schemas.contact),
    plan: ajv.compile(schemas.plan),
    incident: ajv.compile(schemas.incident),
    config: ajv.compile(schemas.config),
  };
}


/**
 * The validators as a CommonJS module (ajv standalone code), so that start-up does not pay for
 * compiling schemas. Formats are embedded: the date and instant parsers are self-contained.
 */
export function validatorModule(schemas: SchemaSet): string {
  const ajv = createAjv({ code: { source: true, formats: _`FORMATS` } });
  ajv.addSchema(schemas.defs);
  for (const name of ['contact', 'plan', 'incident', 'config'] as const) ajv.addSchema(schemas[name], name);
  const code = standaloneCode(ajv, { contact: 'contact', plan: 'plan', incident: 'incident', config: 'config' });
  const preamble = [
    '// Generated from schemas/ by the build; do not edit.',
    `exports.schemaHash = ${JSON.stringify(schemaHash(schemas))};`,
    `const parseDate = ${parseDate.toString()};`,
    `const parseInstant = ${parseInstant.toString()};`,
    'const FORMATS = { date: { type: "string", validate: (s) => parseDate(s) !== undefined }, instant: { type: "string", validate: (s) => parseInstant(s) !== undefined }, uri: require("ajv-formats/dist/formats").fullFormats.uri };',
  ].join('\n');
  return `${preamble}\n${code}\n`;
}
