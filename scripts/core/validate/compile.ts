// Schemas are compiled once per process and reused for every document (ajv's own advice).

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parseDate, parseInstant } from '../model/time.js';

export type SchemaName = 'contact' | 'plan' | 'incident' | 'config';

export interface SchemaSet {
  defs: object;
  contact: object;
  plan: object;
  incident: object;
  config: object;
}

export type Validators = Record<SchemaName, ValidateFunction>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

/** An ajv instance with the kit's formats: `date` and `instant` are real calendar values. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
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
