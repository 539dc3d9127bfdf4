// A worker thread of the leak guard: a share of the output, the same scan, over what is withheld
// compiled once by the build's thread (its tables in shared memory: one copy for every thread).
// Given a list of files, it reads them and answers at once. Streamed (see startLeakGuard), it may
// be handed pages' text as they are rendered, and reads each then; told of pages as they are
// written, it reads each from disk once the file holds all of it (a file that is the text it
// read already, byte for byte, is not read twice); told `done`, it reads what it has not read yet
// and answers.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { findLeaksIn, kilo, LeakScanner, whenComplete, type GuardAnswer, type GuardJob, type Leak, type PageSize } from './leak-guard.js';

const job = workerData as GuardJob;
const answer = (a: GuardAnswer) => parentPort!.postMessage(a);
if (!job.streamed) answer({ leaks: findLeaksIn(job.dir, job.files ?? [], job.compiled), early: 0 });
else {
  const scanner = new LeakScanner(job.compiled);
  const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');
  /** Pages read as rendered: the bytes their file must hold, and what they leak. */
  const asRendered = new Map<string, { length: number; digest: string; leaks: Leak[] }>();
  let early = 0;
  /** A file's bytes, read: compared with its page's text when that was read as rendered. */
  const take = (file: string, bytes: Uint8Array) => {
    const text = asRendered.get(file);
    asRendered.delete(file);
    if (text !== undefined && text.length === bytes.length && text.digest === digest(bytes)) {
      scanner.leaks.push(...text.leaks);
      early++;
    } else scanner.file(file, bytes);
  };
  /** Pages told of and not read yet, with their size once written. */
  const waiting = new Map<string, PageSize>();
  const read = (file: string) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(job.dir, file));
    } catch {
      return; // not written after all: not in the output
    }
    take(file, bytes);
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
      take(file, bytes);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  parentPort!.on('message', (m: { file: string; size?: PageSize; text?: string } | 'done') => {
    if (m === 'done') {
      clearTimeout(timer);
      // Everything is written now: whatever was not read yet is read as it is.
      for (const file of waiting.keys()) read(file);
      answer({ leaks: scanner.leaks, early });
      parentPort!.close();
    } else if (m.text !== undefined) {
      // As the build writes it (fs.writeFileSync of the text: UTF-8, a lone surrogate as U+FFFD).
      const bytes = Buffer.from(m.text, 'utf8');
      asRendered.set(m.file, { length: bytes.length, digest: digest(bytes), leaks: scanner.found(m.file, bytes) });
      Atomics.add(job.progress!, 0, kilo(m.text));
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
