// Makes the pages' folders (site/page-folders.ts) in a thread of its own, one after another,
// while the build's main thread renders; posts 'done' when they are all there.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { root, folders } = workerData as { root: string; folders: string[] };
for (const dir of folders) {
  try {
    mkdirSync(join(root, dir), { recursive: true });
  } catch {
    // left to Eleventy, which makes what is missing and reports what it cannot write
  }
}
parentPort?.postMessage('done');
