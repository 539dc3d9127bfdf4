// The one loader: the CLI, every command and the site read the repository through it.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { fromEntry, toEntry } from '../core/load-cache-entry.js';
import { loadDocument, wholeDocument, type BodyScope, type LoadContext, type LoadedDoc } from '../core/load-doc.js';
import { linkTargets } from '../core/markdown/link-targets.js';
import { cacheSalt, openCache, openPlaces, type DocCache } from './doc-cache.js';
import { buildModel } from '../core/model/build.js';
import type { DocRecord, Model } from '../core/model/types.js';
import { Placer } from '../core/place.js';
import type { Config } from '../core/policy.js';
import { loadValidators } from './kit.js';
import { contentDigest, pack, packedBytes, packedTexts, readCapped, type Packed } from './read.js';
import { startWorker } from './start-worker.js';
import { workingTree, type ContentFile, type ContentSource } from './sources.js';

export interface LoadOptions {
  /** Worker threads to use; default: by repository size and cores. 0 loads in this thread. */
  workers?: number;
  /** Analyse Markdown bodies (default true). */
  markdown?: boolean;
  /** Where documents are read from (default: the working tree under `root`). */
  source?: ContentSource;
  /**
   * Analyse only some bodies (default: every one). Every front matter is still read: references
   * need them. See `wholeDocument`.
   */
  bodies?: BodyScope;
  /** A folder for the per-document cache (default: none; nothing is written). */
  cache?: string;
  /**
   * Documents loaded earlier in this process (`serve`): a document whose bytes and load settings
   * are unchanged is the same object again, and so are what rules and the site derived from it.
   * With `cache` too, the first load (an empty memo) comes through the cache; later ones only
   * through the memo, so that an edit does not rewrite the cache file.
   */
  memo?: LoadMemo;
}

/** What `loadRepo` loaded last time, by path: the bytes it read and what it made of them. */
export interface LoadMemo {
  salt?: string;
  docs: Map<string, { bytes: Uint8Array; doc: LoadedDoc }>;
}

export function loadMemo(): LoadMemo {
  return { docs: new Map() };
}

export interface LoadedRepo {
  root: string;
  config: Config;
  model: Model;
  /** Parse, schema and id diagnostics, placed. */
  diagnostics: Diagnostic[];
  /** Places findings of later rules in this repository's files. */
  placer: Placer;
  source: ContentSource;
  /** How many documents came from the cache, and how many were loaded. */
  cache?: DocCache['stats'];
  /**
   * Keep, in the cache, where this run placed findings (call once the findings are placed).
   * Returns what could not be written to the cache in this run, for warnings (it is only a speed-up).
   */
  savePlaces(): string[];
}

/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/** Load every content document under `root`. Content problems are diagnostics, never throws. */
export async function loadRepo(root: string, options: LoadOptions = {}): Promise<LoadedRepo> {
  const source = options.source ?? workingTree(root);
  const validators = await loadValidators();
  const { config, diagnostics } = parseConfig(source.config(), validators);
  const listed = source.list();
  const ctx: LoadContext = { validators, policy: config.policy, rules: config.rules, sections: config.sections, markdown: options.markdown ?? true, ...(options.bodies ? { bodies: options.bodies } : {}) };
  const limit = config.policy.max_file_bytes;
  const memoised = options.memo !== undefined && !ctx.bodies;
  // With a memo, the cache serves only its first load: later ones neither read nor write it.
  const useCache = options.cache !== undefined && !(memoised && options.memo!.docs.size > 0);
  // What else decides what loading a document finds (hashes the kit's code: only when needed).
  const salt = useCache || memoised ? cacheSalt(ctx) : '';
  // A large working tree is read and digested in a thread of its own while this one reads the cache.
  const early = useCache && !memoised && source.dir !== undefined && listed.files.length >= PARALLEL_THRESHOLD && options.workers !== 0
    ? readInWorker(source.dir, listed.files.map((f) => f.file), limit, salt)
    : undefined;
  const cache = useCache ? openCache(options.cache!, ctx.markdown !== false) : undefined;
  const parallel = (n: number) => options.workers ?? (n >= PARALLEL_THRESHOLD ? Math.min(4, availableParallelism()) : 0);
  const load = async (files: ContentFile[], contents: ReadonlyMap<string, Uint8Array> | undefined, whole?: ReadonlySet<string>): Promise<LoadedDoc[]> => {
    const c = whole ? { ...ctx, bodies: { files: [...whole], needles: [] } } : ctx;
    const workers = parallel(files.length);
    return workers > 0
      ? loadInWorkers(root, files, c, workers, contents)
      : Promise.all(files.map((f) => loadDocument(f.file, f.folder, contents?.get(f.file) ?? source.read(f.file, limit), c)));
  };

  // The cache is read: this thread reads what the reading thread has not yet taken.
  const read = await early?.finish();
  let loaded = memoised
    ? await loadMemoised(listed.files, options.memo!, salt, source, limit, cache ? (files, contents) => loadCached(files, cache, ctx, salt, source, limit, load, contents) : load)
    : cache ? await loadCached(listed.files, cache, ctx, salt, source, limit, load, read?.mine, read?.packed) : await load(listed.files, source.preloaded());
  if (ctx.bodies) {
    // A link's anchor is checked against the headings of the document it points to: the
    // documents that analysed bodies link to are analysed too.
    const analysed = loaded.filter((l) => l.record.outline);
    const targets = linkTargets(analysed.map((l) => l.record), loaded.map((l) => l.record));
    const more = new Set(loaded.filter((l) => l.record.partial && targets.has(l.record.file)).map((l) => l.record.file));
    if (more.size > 0) {
      const files = listed.files.filter((f) => more.has(f.file));
      const again = cache ? await loadCached(files, cache, { ...ctx, bodies: { files: [...more], needles: [] } }, salt, source, limit, load) : await load(files, source.preloaded(), more);
      const byFile = new Map(again.map((l) => [l.record.file, l]));
      loaded = loaded.map((l) => byFile.get(l.record.file) ?? l);
    }
  }
  const unsaved = cache?.save();

  const records: DocRecord[] = [];
  for (const l of loaded) {
    records.push(l.record);
    diagnostics.push(...l.diagnostics);
  }
  const byFile = new Map(records.map((r) => [r.file, r]));
  // Positions are kept beside the documents, on the same loads.
  const places = cache === undefined ? undefined : openPlaces(options.cache!, (file) => {
    try {
      return contentDigest(salt, file, source.read(file, limit));
    } catch {
      return undefined;
    }
  });
  const placer = new Placer((file) => byFile.get(file), config.rules, places);
  const { model, findings } = buildModel(records);
  for (const f of [...listed.findings, ...findings]) {
    const d = placer.place(f);
    if (d) diagnostics.push(d);
  }
  return { root, config, model, diagnostics, placer, source, ...(cache ? { cache: cache.stats } : {}), savePlaces: () => [...new Set([unsaved, places?.save()])].filter((p): p is string => p !== undefined) };
}

/**
 * Load through the cache: the documents it holds from their entries, the others by `load`. The
 * files are read here, unless the caller gave their bytes (`serve`'s memo) or read them already
 * (`packed`, in the same order as `files`).
 */
async function loadCached(
  files: ContentFile[], cache: DocCache, ctx: LoadContext, salt: string, source: ContentSource, limit: number,
  load: (files: ContentFile[], contents: ReadonlyMap<string, Uint8Array>, whole?: ReadonlySet<string>) => Promise<LoadedDoc[]>,
  given?: ReadonlyMap<string, Uint8Array>, packed?: Packed,
): Promise<LoadedDoc[]> {
  const out = new Map<string, LoadedDoc>();
  const missing: ContentFile[] = [];
  const contents = new Map<string, Uint8Array>();
  const keys = new Map<string, string>();
  const texts = new Map<string, string>();
  const whole = new Set<string>();
  const read = packed ?? pack(files.map((f) => f.file), (file) => given?.get(file) ?? source.read(file, limit), salt);
  const textOf = packedTexts(read);
  for (const [i, f] of files.entries()) {
    // A file that could not be read is read again here: its error is met where it always was.
    const bytes = packedBytes(read, i) ?? given?.get(f.file) ?? source.read(f.file, limit);
    const text = textOf(i) ?? utf8.decode(bytes);
    const digest = read.digests[i] || contentDigest(salt, f.file, bytes);
    const full = wholeDocument(f.file, text, ctx);
    if (full) whole.add(f.file);
    const key = cache.key(digest, full);
    // What a whole load found serves a front-matter-only load as well (it is a superset).
    const entry = cache.get(key) ?? (full ? undefined : cache.get(cache.key(digest, true)));
    if (entry) out.set(f.file, fromEntry(entry, text, full));
    else {
      missing.push(f);
      // Its own copy: a view would take the whole block along to a worker thread.
      contents.set(f.file, new Uint8Array(bytes));
      keys.set(f.file, key);
      texts.set(f.file, text);
    }
  }
  cache.stats.hits += out.size;
  cache.stats.misses += missing.length;
  if (missing.length > 0) {
    for (const doc of await load(missing, contents, new Set(missing.map((f) => f.file).filter((f) => whole.has(f))))) {
      out.set(doc.record.file, doc);
      const entry = toEntry(doc, texts.get(doc.record.file)!);
      if (entry) cache.put(keys.get(doc.record.file)!, entry);
    }
  }
  return files.map((f) => out.get(f.file)!);
}

const utf8 = new TextDecoder();

/**
 * Read and digest the files in a worker thread (io/read-worker.ts). `finish` reads, in this thread,
 * the files the worker has not taken yet, then waits for it: the files it read, and what it packed
 * (undefined if the thread failed: the caller reads what is missing).
 */
function readInWorker(root: string, files: string[], limit: number, salt: string): { finish(): Promise<{ mine: Map<string, Uint8Array>; packed?: Packed }> } {
  const shared = new SharedArrayBuffer(4);
  const next = new Int32Array(shared);
  const packed = new Promise<Packed | undefined>((resolve) => {
    const worker = startWorker('io/read-worker', { root, files, limit, salt, next: shared });
    worker.once('message', (m: Packed) => resolve(m));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return {
    async finish() {
      const mine = new Map<string, Uint8Array>();
      for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
        try {
          mine.set(files[i]!, readCapped(join(root, files[i]!), limit));
        } catch {
          // read again, where its error is met
        }
      }
      const p = await packed;
      return p ? { mine, packed: p } : { mine };
    },
  };
}

/** Load through an in-process memo: unchanged documents are the objects loaded last time. */
async function loadMemoised(
  files: ContentFile[], memo: LoadMemo, salt: string, source: ContentSource, limit: number,
  load: (files: ContentFile[], contents: ReadonlyMap<string, Uint8Array>) => Promise<LoadedDoc[]>,
): Promise<LoadedDoc[]> {
  if (memo.salt !== salt) {
    memo.docs.clear();
    memo.salt = salt;
  }
  const out = new Map<string, LoadedDoc>();
  const contents = new Map<string, Uint8Array>();
  const missing: ContentFile[] = [];
  for (const f of files) {
    const bytes = source.read(f.file, limit);
    const known = memo.docs.get(f.file);
    if (known && Buffer.compare(known.bytes, bytes) === 0) out.set(f.file, known.doc);
    else {
      missing.push(f);
      contents.set(f.file, bytes);
    }
  }
  if (missing.length > 0) {
    for (const doc of await load(missing, contents)) {
      out.set(doc.record.file, doc);
      memo.docs.set(doc.record.file, { bytes: contents.get(doc.record.file)!, doc });
    }
  }
  const listed = new Set(files.map((f) => f.file));
  for (const file of memo.docs.keys()) if (!listed.has(file)) memo.docs.delete(file);
  return files.map((f) => out.get(f.file)!);
}

async function loadInWorkers(root: string, files: ContentFile[], ctx: LoadContext, count: number, contents: ReadonlyMap<string, Uint8Array> | undefined): Promise<LoadedDoc[]> {
  const shares: ContentFile[][] = Array.from({ length: count }, () => []);
  files.forEach((f, i) => shares[i % count]!.push(f));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<LoadedDoc[]>((resolve, reject) => {
          const received: LoadedDoc[] = [];
          const given = contents ? share.map((f) => [f.file, contents.get(f.file) ?? new Uint8Array()] as const) : undefined;
          const worker = startWorker('io/worker', { root, files: share, policy: ctx.policy, rules: ctx.rules, sections: ctx.sections, markdown: ctx.markdown, bodies: ctx.bodies, contents: given });
          worker.on('message', (m: LoadedDoc[] | 'done') => {
            if (m === 'done') resolve(received);
            else for (const doc of m) received.push(doc);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`loader worker exited with code ${code}`));
          });
        }),
    ),
  );
  return results.flat().sort((a, b) => (a.record.file < b.record.file ? -1 : 1));
}
