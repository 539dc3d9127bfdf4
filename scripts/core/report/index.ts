// Output formats are renderers of the same diagnostics.

import { renderGithub } from './github.js';
import { renderHuman } from './human.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import type { ReportInput } from './types.js';

export const FORMATS = { human: renderHuman, json: renderJson, github: renderGithub, sarif: renderSarif } as const;
export type Format = keyof typeof FORMATS;

export function isFormat(s: string): s is Format {
  return Object.hasOwn(FORMATS, s);
}

export type { ReportInput };
