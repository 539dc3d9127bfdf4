// A worker thread of the leak guard: a share of the output, the same scan. Given files (a list,
// read from disk), it answers at once. Streamed pages and files (see startLeakGuard) it reads as
// they come; when told `done`, it checks that each page's file holds exactly the text it was
// handed (reading the file instead if not), and answers.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Withheld } from '../site/audience.js';
import { findLeaksIn, LeakScanner } from './leak-guard.js';

type Message = { file: string; source: string } | { file: string; dir: string } | { done: string };

const digest = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64');

const job = workerData as { dir?: string; files?: string[]; withheld: Withheld[] };
if (job.files) parentPort!.postMessage(findLeaksIn(job.dir!, job.files, job.withheld));
else {
  const scanner = new LeakScanner(job.withheld);
  const handed = new Map<string, string>();
  parentPort!.on('message', (m: Message) => {
    if ('source' in m) {
      scanner.page(m.file, m.source);
      handed.set(m.file, digest(m.source));
    } else if ('dir' in m) scanner.file(m.file, readFileSync(join(m.dir, m.file)));
    else {
      for (const [file, hash] of handed) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(join(m.done, file));
        } catch {
          continue; // not written: not in the output
        }
        if (digest(bytes) !== hash) scanner.file(file, bytes);
      }
      parentPort!.postMessage(scanner.leaks);
      parentPort!.close();
    }
  });
}
