// The per-document cache: what loading each document found (parse, schema, Markdown, lint,
// secrets), kept in one file per kind of load in one folder (with a small one beside it of what
// the last few runs added: see `openCache`), and keyed by the document's path and
// bytes, the kit's code and schemas, the Node version and the configuration that loading reads.
// A key that matches is the same input to the same code, so the entry is the same answer. Only a
// speed-up: an unreadable or foreign cache file is ignored, and documents are then loaded as if
// none existed.

import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import v8 from 'node:v8';
import type { CacheEntry } from '../core/load-cache-entry.js';
import type { LoadContext } from '../core/load-doc.js';
import type { PlaceMemo, Position } from '../core/place.js';
import type { Io } from './io.js';
import { kitFingerprint } from './kit.js';
import { writeWhole } from './write.js';

/**
 * One file per kind of load: a check reads every body, a site build (and `check --no-markdown`)
 * the front matter only; in one folder, neither evicts the other's entries.
 */
/** The cache folder a command was given: `--cache DIR`, else FIREBREAK_CACHE, resolved; undefined for none. */
export function cacheFolder(flag: string | undefined, io: Pick<Io, 'cwd' | 'env'>): string | undefined {
  const dir = flag ?? (io.env.FIREBREAK_CACHE || undefined);
  return dir === undefined ? undefined : resolve(io.cwd, dir);
}

export function cacheFile(markdown: boolean): string {
  return markdown ? 'documents.v8' : 'documents.front-matter.v8';
}
const PLACES = 'places.v8';
const FORMAT = 6;
/** Documents whose placed findings are kept, at most (beyond it, only those of the last run). */
const PLACES_KEPT = 50_000;

export interface DocCache {
  /** An entry's key: the document's `contentDigest` (io/read.ts) under this cache's salt, and the kind of load. */
  key(digest: string, full: boolean): string;
  get(key: string): CacheEntry | undefined;
  /** Keep an entry for the next run (only entries used in this run are written back). */
  put(key: string, entry: CacheEntry): void;
  /**
   * Keep the entries used in this run (see `openCache`); nothing is written when they are what
   * was read. A folder that cannot be written is not an error (the cache is only a speed-up): what
   * went wrong is returned, for a warning.
   */
  save(): string | undefined;
  readonly stats: { hits: number; misses: number };
}

/** What, besides a document's bytes, decides what loading it finds. */
export function cacheSalt(ctx: LoadContext): string {
  const { validators: _, bodies: __, ...settings } = ctx;
  return createHash('sha256').update(`${kitFingerprint()}\0${process.version}\0${JSON.stringify(settings)}`).digest('hex');
}

/**
 * The file: the length of the index (4 bytes), the index (every entry without its `rest`, with
 * where its `rest` is instead), then every entry's `rest`. Reading it copies no `rest`: an entry's
 * is a view into the file's bytes, deserialised only if its document is loaded whole.
 */
function readCache(path: string): Map<string, CacheEntry> {
  const bytes = readFileSync(path);
  const size = bytes.readUInt32LE(0);
  const index = v8.deserialize(bytes.subarray(4, 4 + size)) as { format?: unknown; entries?: unknown };
  if (index.format !== FORMAT || !(index.entries instanceof Map)) return new Map();
  const blob = 4 + size;
  // Each entry gets its `rest` in place (no copy of 10,000 entries); `restAt` stays, unread.
  const entries = index.entries as Map<string, CacheEntry & { restAt: [number, number] }>;
  for (const e of entries.values()) {
    const [at, length] = e.restAt;
    if (blob + at + length > bytes.length) return new Map();
    e.rest = bytes.subarray(blob + at, blob + at + length);
  }
  return entries;
}

function writeCache(path: string, entries: ReadonlyMap<string, CacheEntry>): void {
  const index = new Map<string, Omit<CacheEntry, 'rest'> & { restAt: [number, number] }>();
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const [key, { rest, ...entry }] of entries) {
    index.set(key, { ...entry, restAt: [offset, rest.length] });
    parts.push(rest);
    offset += rest.length;
  }
  const head = v8.serialize({ format: FORMAT, entries: index });
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length, 0);
  // Under a name of this write's own, then renamed: `serve`'s two threads may write it at once.
  writeWhole(path, Buffer.concat([size, head, ...parts]));
}

/** The file beside the whole one, of the entries a few runs added (`documents.added.v8`). */
function addedFile(path: string): string {
  return path.replace(/\.v8$/, '.added.v8');
}

/**
 * The cache of one kind of load in `dir`. A run that changed a few entries writes them alone,
 * beside the whole file, instead of writing the whole file again (0.2 s for 10,000 documents, on
 * every pull request's check). Both are read. Once the entries beside it, and those of the whole
 * file no run used, are more than an eighth of the whole file, the used entries are written whole
 * again and the file beside removed. Any entry is a right answer for its key, so a run that stops
 * between the two writes leaves a cache that is still right.
 */
export function openCache(dir: string, markdown = true): DocCache {
  const path = join(dir, cacheFile(markdown));
  const read = (p: string) => {
    try {
      return readCache(p);
    } catch {
      // no cache yet, or not one this kit can read: start empty
      return new Map<string, CacheEntry>();
    }
  };
  const whole = read(path);
  const added = read(addedFile(path));
  let storedSize = whole.size;
  for (const key of added.keys()) if (!whole.has(key)) storedSize++;
  const used = new Map<string, CacheEntry>();
  let changed = false;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    key(digest, full) {
      return `${digest}${full ? '.whole' : '.front-matter'}`;
    },
    get(key) {
      const e = added.get(key) ?? whole.get(key);
      if (e) used.set(key, e);
      return e;
    },
    put(key, entry) {
      used.set(key, entry);
      changed = true;
    },
    save() {
      if (!changed && used.size === storedSize) return undefined;
      const beside = new Map([...used].filter(([key]) => !whole.has(key)));
      const unused = whole.size - (used.size - beside.size);
      if (beside.size + unused > whole.size / 8) {
        return written(dir, () => {
          writeCache(path, used);
          rmSync(addedFile(path), { force: true });
        });
      }
      // Nothing new, and the file beside holds what would be written there.
      if (!changed && beside.size === added.size) return undefined;
      return written(dir, () => (beside.size > 0 ? writeCache(addedFile(path), beside) : rmSync(addedFile(path), { force: true })));
    },
  };
}

export interface PlaceStore extends PlaceMemo {
  /** Write the positions found in this run, if any is new; what went wrong, if it could not. */
  save(): string | undefined;
}

/** Write into the cache folder; a problem as a sentence, never a throw. */
function written(dir: string, write: () => void): string | undefined {
  try {
    write();
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `the cache could not be written to ${dir} (${code ?? (error instanceof Error ? error.message : String(error))}); the run is unaffected, only not kept`;
  }
}

/**
 * Positions of findings (core/place.ts), kept beside the documents in `dir`, by each file's
 * `contentDigest` under the documents' salt. `digestOf` gives it for a file of this run, and is
 * called only for files with a finding to place.
 */
export function openPlaces(dir: string, digestOf: (file: string) => string | undefined): PlaceStore {
  const path = join(dir, PLACES);
  let stored = new Map<string, Map<string, Position | null>>();
  try {
    const read = v8.deserialize(readFileSync(path)) as { format?: unknown; places?: unknown };
    if (read.format === FORMAT && read.places instanceof Map) stored = read.places as typeof stored;
  } catch {
    // none yet, or unreadable: positions are found again
  }
  const keys = new Map<string, string | null>();
  const used = new Set<string>();
  let changed = false;
  const keyOf = (file: string): string | null => {
    let key = keys.get(file);
    if (key === undefined) {
      key = digestOf(file) ?? null;
      keys.set(file, key);
    }
    return key;
  };
  return {
    get(file, what) {
      const key = keyOf(file);
      if (key === null) return undefined;
      used.add(key);
      return stored.get(key)?.get(what);
    },
    set(file, what, position) {
      const key = keyOf(file);
      if (key === null) return;
      used.add(key);
      (stored.get(key) ?? stored.set(key, new Map()).get(key)!).set(what, position);
      changed = true;
    },
    save() {
      if (!changed) return undefined;
      const places = stored.size <= PLACES_KEPT ? stored : new Map([...stored].filter(([k]) => used.has(k)));
      return written(dir, () => writeWhole(path, v8.serialize({ format: FORMAT, places })));
    },
  };
}
