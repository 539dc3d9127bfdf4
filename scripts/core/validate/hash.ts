// A fingerprint of the schemas, so precompiled validators are only used while they match.

import { createHash } from 'node:crypto';
import type { SchemaSet } from './types.js';

export function schemaHash(schemas: SchemaSet): string {
  return createHash('sha256').update(JSON.stringify(schemas)).digest('hex').slice(0, 16);
}
