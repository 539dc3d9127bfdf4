// A thread that reads and digests a working tree's documents (io/read.ts) while the main thread
// reads the cache: the packed blocks are handed back without a copy. The files are handed out by a
// counter both threads share, so that the main thread, once it has read the cache, reads the rest
// with it.

import { parentPort, workerData } from 'node:worker_threads';
import { pack } from './read.js';

const job = workerData as { root: string; files: string[]; limit: number; salt: string; next: SharedArrayBuffer };
const next = new Int32Array(job.next);
const packed = pack(job.files, { root: job.root, limit: job.limit }, job.salt, undefined, () => Atomics.add(next, 0, 1));
parentPort!.postMessage(packed, [...new Set(packed.blocks.map((b) => b.buffer as ArrayBuffer))]);
