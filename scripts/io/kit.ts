// Where the kit's own files live (schemas), independent of the repository being checked.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { schemaHash } from '../core/validate/hash.js';
import type { SchemaSet, Validators } from '../core/validate/types.js';

/** The kit's root folder (the one holding schemas/), from the sources or the bundle alike. */
export const KIT_ROOT = findKitRoot(dirname(fileURLToPath(import.meta.url)));

function findKitRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'schemas', 'incident.schema.json')) && existsSync(join(dir, 'package.json'))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`firebreak: cannot find the kit (schemas/) above ${from}`);
  }
}

/** The kit's JSON Schemas, read from schemas/. */
export function readSchemas(root: string = KIT_ROOT): SchemaSet {
  const read = (name: string) => JSON.parse(readFileSync(`${root}/schemas/${name}.schema.json`, 'utf8')) as object;
  return { defs: read('defs'), contact: read('contact'), plan: read('plan'), incident: read('incident'), config: read('config') };
}

/** The kit's version, from its package.json. */
export const KIT_VERSION: string = (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Where the rule reference is read: on GitHub, the file in the repository at the checked commit;
 * elsewhere FIREBREAK_RULES_URL, else the kit's own copy on disk.
 */
export function rulesUrl(env: Record<string, string | undefined>): string {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA) return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/docs/rules.md`;
  return env.FIREBREAK_RULES_URL ?? pathToFileURL(join(KIT_ROOT, 'docs', 'rules.md')).href;
}

let cached: Validators | undefined;

/** Where the build writes precompiled validators. */
const PRECOMPILED = join(process.env.FIREBREAK_DIST ?? join(KIT_ROOT, 'dist'), 'validators.cjs');

/**
 * Compiled validators, once per thread: the build's precompiled ones while they match the
 * schemas (fast start-up), else compiled now (ajv is only loaded then).
 */
export async function loadValidators(): Promise<Validators> {
  if (cached) return cached;
  const schemas = readSchemas();
  try {
    const mod = createRequire(import.meta.url)(PRECOMPILED) as Validators & { schemaHash: string };
    if (mod.schemaHash === schemaHash(schemas)) return (cached = mod);
  } catch {
    // not built (running from sources): compile below
  }
  const { compileSchemas } = await import('../core/validate/compile.js');
  return (cached = compileSchemas(schemas));
}

/** Write the precompiled validators (part of the build). */
export async function writePrecompiledValidators(): Promise<string> {
  const { validatorModule } = await import('../core/validate/compile.js');
  writeFileSync(PRECOMPILED, validatorModule(readSchemas()));
  return PRECOMPILED;
}

let fingerprint: string | undefined;

/**
 * A hash of the kit's code and schemas as this process runs them: the build (dist/) when running
 * compiled, else the TypeScript sources. Any change to either gives another fingerprint.
 */
export function kitFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(KIT_VERSION);
  const compiled = !import.meta.url.endsWith('.ts');
  const roots = compiled ? [process.env.FIREBREAK_DIST ?? join(KIT_ROOT, 'dist')] : [join(KIT_ROOT, 'scripts'), join(KIT_ROOT, 'schemas')];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'test') walk(path);
      } else if (/\.(c?js|ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) {
        hash.update(`${path.slice(KIT_ROOT.length)}\0`).update(readFileSync(path));
      }
    }
  };
  for (const root of roots) walk(root);
  return (fingerprint = hash.digest('hex'));
}
