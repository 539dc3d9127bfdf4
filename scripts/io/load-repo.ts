// The one loader: the CLI, every command and the site read the repository through it.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseConfig } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadDocument, type LoadContext, type LoadedDoc } from '../core/load-doc.js';
import { buildModel } from '../core/model/build.js';
import type { DocRecord, Model } from '../core/model/types.js';
import { Placer } from '../core/place.js';
import type { Config } from '../core/policy.js';
import { KIT_ROOT, loadValidators } from './kit.js';
import { workingTree, type ContentFile, type ContentSource } from './sources.js';

export interface LoadOptions {
  /** Worker threads to use; default: by repository size and cores. 0 loads in this thread. */
  workers?: number;
  /** Analyse Markdown bodies (default true). */
  markdown?: boolean;
  /** Where documents are read from (default: the working tree under `root`). */
  source?: ContentSource;
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
}

/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/** Load every content document under `root`. Content problems are diagnostics, never throws. */
export async function loadRepo(root: string, options: LoadOptions = {}): Promise<LoadedRepo> {
  const source = options.source ?? workingTree(root);
  const validators = await loadValidators();
  const { config, diagnostics } = parseConfig(source.config(), validators);
  const listed = source.list();
  const ctx: LoadContext = { validators, policy: config.policy, rules: config.rules, sections: config.sections, markdown: options.markdown ?? true };

  const workers = options.workers ?? (listed.files.length >= PARALLEL_THRESHOLD ? Math.min(4, availableParallelism()) : 0);
  const limit = config.policy.max_file_bytes;
  const loaded = workers > 0
    ? await loadInWorkers(root, listed.files, ctx, workers, source.preloaded())
    : await Promise.all(listed.files.map((f) => loadDocument(f.file, f.folder, source.read(f.file, limit), ctx)));

  const records: DocRecord[] = [];
  for (const l of loaded) {
    records.push(l.record);
    diagnostics.push(...l.diagnostics);
  }
  const byFile = new Map(records.map((r) => [r.file, r]));
  const placer = new Placer((file) => byFile.get(file), config.rules);
  const { model, findings } = buildModel(records);
  for (const f of [...listed.findings, ...findings]) {
    const d = placer.place(f);
    if (d) diagnostics.push(d);
  }
  return { root, config, model, diagnostics, placer, source };
}

/** The worker module: compiled JavaScript, or TypeScript through tsx when run from sources (tests). */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(join(KIT_ROOT, 'dist', 'io', 'worker.js'), { workerData });
  const target = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${target}); })`;
  return new Worker(boot, { eval: true, workerData });
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
          const worker = startWorker({ root, files: share, policy: ctx.policy, rules: ctx.rules, sections: ctx.sections, markdown: ctx.markdown, contents: given });
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
