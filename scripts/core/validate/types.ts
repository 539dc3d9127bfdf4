// The compiled schemas, whether precompiled by the build or compiled at run time.

import type { ValidateFunction } from 'ajv';

export type SchemaName = 'contact' | 'plan' | 'incident' | 'config';

export interface SchemaSet {
  defs: object;
  contact: object;
  plan: object;
  incident: object;
  config: object;
}

export type Validators = Record<SchemaName, ValidateFunction>;
