// `serve`'s quick pages, in a thread of their own: Eleventy's full rebuild keeps the main thread
// busy for seconds at a time, and an edit is still answered within a second. This thread
// watches the content folders, writes the edited documents' own pages (site/quick.ts) and tells
// the main thread which, to reload the browsers; told that a full build has written the site, it
// writes again the pages that build overwrote with what it read before the edit.

import { watch } from 'node:fs';
import { join, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { resolveNow } from '../io/clock.js';
import { loadMemo } from '../io/load-repo.js';
import { CONTENT_FOLDERS, workingTree } from '../io/sources.js';
import { writeWhole } from '../io/write.js';
import { loadLastBuild } from './last-build.js';
import { editedPages } from './quick.js';

type Env = Record<string, string | undefined>;

const { env, events } = workerData as { env: Env; events: Int32Array };
const root = env.FIREBREAK_ROOT!;
const out = join(root, '_site');
const memo = loadMemo();
/** The repository as quick pages start from it, and the configuration's text it was loaded with. */
let configText: string | undefined;
const load = () => {
  configText = workingTree(root).config();
  return loadLastBuild(env, memo);
};
let last = load().then(async (build) => {
  // A few times through the path an edit takes (its result unused), so that the first edit is as
  // quick as the next ones: the engine optimises code only once it has run.
  const doc = build.records.find((r) => r.valid && r.folder === 'incidents');
  for (let i = 0; doc && i < 3; i++) await editedPages(build, [{ file: doc.file, bytes: workingTree(root).read(doc.file, build.config.policy.max_file_bytes) }], resolveNow(undefined, env)).catch(() => undefined);
  return build;
});
/** Pages written ahead of the full rebuild, and when (in `events`, the order shared with the main thread). */
const ahead = new Map<string, { html: string; at: number }>();
let queue: Promise<void> = Promise.resolve();
const then = (job: () => Promise<void>) => {
  queue = queue.then(job).catch(() => {
    // Anything unexpected leaves it to the full rebuild, which follows anyway.
  });
};

async function edited(files: string[]): Promise<void> {
  let build = await last.catch(() => undefined);
  const known = new Set(build?.records.map((r) => r.file));
  if (!build || files.some((f) => !known.has(f))) {
    // A new or renamed document (or a load that failed): start again from the repository as it is.
    last = load();
    build = await last;
  }
  const source = workingTree(root);
  const read = files.flatMap((file) => {
    try {
      return [{ file, bytes: source.read(file, build.config.policy.max_file_bytes) }];
    } catch {
      return []; // deleted, or refused by size: the full rebuild reports it
    }
  });
  const { pages, next } = await editedPages(build, read, resolveNow(undefined, env));
  last = Promise.resolve(next);
  const at = Atomics.add(events, 0, 1);
  for (const page of pages) {
    writeWhole(join(out, page.path), page.html);
    ahead.set(page.path, { html: page.html, at });
  }
  if (pages.length > 0) parentPort!.postMessage({ pages: pages.map((p) => p.path) });
}

async function built(readAt: number): Promise<void> {
  for (const [path, page] of ahead) {
    if (page.at > readAt) writeWhole(join(out, path), page.html);
    else ahead.delete(path);
  }
  // A document deleted, or the configuration changed, since the quick pages' model was loaded:
  // load it again (unchanged documents are kept), as the full build did.
  const build = await last.catch(() => undefined);
  const source = workingTree(root);
  const files = source.list().files;
  const known = new Set(build?.records.map((r) => r.file));
  if (!build || source.config() !== configText || files.length !== known.size || files.some((f) => !known.has(f.file))) last = load();
}

parentPort!.on('message', (m: { built: number }) => then(() => built(m.built)));

const pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;
for (const dir of CONTENT_FOLDERS) {
  try {
    watch(join(root, dir), { recursive: true }, (_event, name) => {
      if (!name || !name.toLowerCase().endsWith('.md')) return;
      pending.add(`${dir}/${name.split(sep).join('/')}`);
      // Editors save in several steps: wait until the folder has been still for 10 ms.
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending.clear();
        then(() => edited(files));
      }, 10);
    });
  } catch {
    // no such folder: Eleventy's own watcher rebuilds when one appears
  }
}
// Watching: edits from now on are seen.
parentPort!.postMessage({ ready: true });
