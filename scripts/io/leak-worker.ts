// A worker thread of the leak guard: one share of the output files, the same scan.

import { parentPort, workerData } from 'node:worker_threads';
import type { Withheld } from '../site/audience.js';
import { findLeaksIn } from './leak-guard.js';

const job = workerData as { dir: string; files: string[]; withheld: Withheld[] };
parentPort!.postMessage(findLeaksIn(job.dir, job.files, job.withheld));
