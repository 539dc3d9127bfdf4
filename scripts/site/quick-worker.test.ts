import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorker } from '../io/start-worker.js';
import { copyExample, replaceIn } from '../test/repo.js';

/** The next message of `worker` that `match` accepts. */
function next<T>(worker: Worker, match: (m: T) => boolean, ms = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such message from the quick-pages thread')), ms);
    const on = (m: T) => {
      if (!match(m)) return;
      clearTimeout(timer);
      worker.off('message', on);
      resolve(m);
    };
    worker.on('message', on);
  });
}

describe("serve's quick-pages thread", () => {
  let worker: Worker | undefined;
  afterEach(async () => {
    await worker?.terminate();
  });

  it('writes an edited page, and after a build that saw a deletion, starts from the repository as it is', async () => {
    const root = copyExample();
    const events = new Int32Array(new SharedArrayBuffer(4));
    worker = startWorker('site/quick-worker', { env: { FIREBREAK_ROOT: root, FIREBREAK_NOW: '2026-11-23', FIREBREAK_AUDIENCE: 'internal', FIREBREAK_BASE: '/' }, events });
    await next<{ ready?: boolean }>(worker, (m) => m.ready === true);
    const page = join(root, '_site', 'incidents', 'inc-2026-005', 'index.html');

    replaceIn(root, 'incidents/2026/inc-2026-005.md', 'Under way: mailbox audit log export requested.', 'Under way: the audit log export is in.');
    expect(await next<{ pages?: string[] }>(worker, (m) => m.pages !== undefined)).toEqual({ pages: ['incidents/inc-2026-005/index.html'] });
    expect(readFileSync(page, 'utf8')).toContain('the audit log export is in');
    expect(readFileSync(page, 'utf8')).not.toContain('Unexpected contact id `erin-walsh`');

    // A contact is deleted and the full build runs; then the incident that names it is edited.
    rmSync(join(root, 'contacts', 'erin-walsh.md'));
    worker.postMessage({ built: Atomics.add(events, 0, 1) });
    replaceIn(root, 'incidents/2026/inc-2026-005.md', 'the audit log export is in', 'the audit log export is in and read');
    await next<{ pages?: string[] }>(worker, (m) => m.pages !== undefined);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('the audit log export is in and read');
    expect(html).toContain('Unexpected contact id `erin-walsh`');
  }, 90_000);
});
