// The per-document cache: what loading each document found (parse, schema, Markdown, lint,
// secrets), kept in one file in one folder and keyed by the document's path and bytes, the kit's
// code and schemas, the Node version and the configuration that loading reads. A key that
// matches is the same input to the same code, so the entry is the same answer. Only a speed-up:
// an unreadable or foreign cache file is ignored, and documents are then loaded as if none existed.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import type { CacheEntry } from '../core/load-cache-entry.js';
import type { LoadContext } from '../core/load-doc.js';
import { kitFingerprint } from './kit.js';

const FILE = 'documents.v8';
const FORMAT = 1;

export interface DocCache {
  key(file: string, full: boolean, bytes: Uint8Array): string;
  get(key: string): CacheEntry | undefined;
  /** Keep an entry for the next run (only entries used in this run are written back). */
  put(key: string, entry: CacheEntry): void;
  /** Write the entries used in this run; nothing is written when they are what was read. */
  save(): void;
  readonly stats: { hits: number; misses: number };
}

/** What, besides a document's bytes, decides what loading it finds. */
export function cacheSalt(ctx: LoadContext): string {
  const { validators: _, bodies: __, ...settings } = ctx;
  return createHash('sha256').update(`${kitFingerprint()}\0${process.version}\0${JSON.stringify(settings)}`).digest('hex');
}

export function openCache(dir: string, salt: string): DocCache {
  const path = join(dir, FILE);
  let stored = new Map<string, CacheEntry>();
  try {
    const read = v8.deserialize(readFileSync(path)) as { format?: unknown; entries?: unknown };
    if (read.format === FORMAT && read.entries instanceof Map) stored = read.entries as Map<string, CacheEntry>;
  } catch {
    // no cache yet, or not one this kit can read: start empty
  }
  const used = new Map<string, CacheEntry>();
  let changed = false;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    key(file, full, bytes) {
      return createHash('sha256').update(salt).update(`\0${file}\0${full ? 'full' : 'front matter'}\0`).update(bytes).digest('base64url');
    },
    get(key) {
      const e = stored.get(key);
      if (e) used.set(key, e);
      return e;
    },
    put(key, entry) {
      used.set(key, entry);
      changed = true;
    },
    save() {
      if (!changed && used.size === stored.size) return;
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, v8.serialize({ format: FORMAT, entries: used }));
      renameSync(tmp, path);
    },
  };
}
