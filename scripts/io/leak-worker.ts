// A worker thread of the leak guard: a share of the output, the same scan, over what is withheld
// compiled once by the build's thread (its tables in shared memory: one copy for every thread).
// Given a list of files, it reads them and answers at once. Streamed (see startLeakGuard), it is
// told of pages as they are rendered and reads each from disk once the file holds all of it; told
// `done`, it reads what it has not read yet and answers.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { findLeaksIn, LeakScanner, whenComplete, type GuardJob, type PageSize } from './leak-guard.js';

const job = workerData as GuardJob;
if (!job.streamed) parentPort!.postMessage(findLeaksIn(job.dir, job.files ?? [], job.compiled));
else {
  const scanner = new LeakScanner(job.compiled);
  /** Pages told of and not read yet, with their size once written. */
  const waiting = new Map<string, PageSize>();
  const read = (file: string) => {
    try {
      scanner.file(file, readFileSync(join(job.dir, file)));
    } catch {
      // not written after all: not in the output
    }
  };
  const sweep = () => {
    for (const [file, want] of waiting) {
      let size: number;
      try {
        size = statSync(join(job.dir, file)).size;
      } catch {
        continue; // not written yet
      }
      let bytes: Uint8Array | undefined;
      try {
        bytes = whenComplete(size, want, () => readFileSync(join(job.dir, file)));
      } catch {
        continue;
      }
      if (!bytes) continue;
      waiting.delete(file);
      scanner.file(file, bytes);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  parentPort!.on('message', (m: { file: string; size?: PageSize } | 'done') => {
    if (m === 'done') {
      clearTimeout(timer);
      // Everything is written now: whatever was not read yet is read as it is.
      for (const file of waiting.keys()) read(file);
      parentPort!.postMessage(scanner.leaks);
      parentPort!.close();
    } else if (m.size === undefined) read(m.file);
    else {
      waiting.set(m.file, m.size);
      timer ??= setTimeout(function again() {
        sweep();
        timer = waiting.size > 0 ? setTimeout(again, 20) : undefined;
      }, 20);
    }
  });
}
