// A thread that reads and digests a working tree's documents (io/read.ts) while the main thread
// reads the cache: the packed blocks are handed back without a copy.

import { parentPort, workerData } from 'node:worker_threads';
import { pack } from './read.js';

const job = workerData as { root: string; files: string[]; limit: number; salt: string };
const packed = pack(job.files, { root: job.root, limit: job.limit }, job.salt);
parentPort!.postMessage(packed, [...new Set(packed.blocks.map((b) => b.buffer as ArrayBuffer))]);
