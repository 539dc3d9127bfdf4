// A worker thread loads a share of the files with exactly the code the main thread uses.

import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadDocument, type LoadContext, type LoadedDoc } from '../core/load-doc.js';
import { loadValidators } from './kit.js';
import { readCapped, type ContentFile } from './sources.js';

interface Job {
  root: string;
  files: ContentFile[];
  policy: LoadContext['policy'];
  rules: LoadContext['rules'];
  sections: LoadContext['sections'];
  markdown?: boolean;
  bodies?: LoadContext['bodies'];
  contents?: (readonly [string, Uint8Array])[];
}

const job = workerData as Job;
const contents = new Map(job.contents ?? []);
const ctx: LoadContext = { validators: await loadValidators(), policy: job.policy, rules: job.rules, sections: job.sections, markdown: job.markdown ?? true, ...(job.bodies ? { bodies: job.bodies } : {}) };
// Results go out in batches, so the main thread receives while this one still parses and the
// worker's heap stays small.
const BATCH = 200;
let out: LoadedDoc[] = [];
for (const { file, folder } of job.files) {
  out.push(await loadDocument(file, folder, contents.get(file) ?? readCapped(join(job.root, file), ctx.policy.max_file_bytes), ctx));
  if (out.length === BATCH) {
    parentPort!.postMessage(out);
    out = [];
  }
}
parentPort!.postMessage(out);
parentPort!.postMessage('done');
