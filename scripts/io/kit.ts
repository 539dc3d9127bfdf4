// Where the kit's own files live (schemas), independent of the repository being checked.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSchemas, type SchemaSet, type Validators } from '../core/validate/compile.js';

/** The kit's root folder: two levels above this module, from scripts/io or dist/io alike. */
export const KIT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The kit's JSON Schemas, read from schemas/. */
export function readSchemas(root: string = KIT_ROOT): SchemaSet {
  const read = (name: string) => JSON.parse(readFileSync(`${root}/schemas/${name}.schema.json`, 'utf8')) as object;
  return { defs: read('defs'), contact: read('contact'), plan: read('plan'), incident: read('incident'), config: read('config') };
}

let cached: Validators | undefined;

/** Compiled validators, once per thread. */
export function validators(): Validators {
  return (cached ??= compileSchemas(readSchemas()));
}
