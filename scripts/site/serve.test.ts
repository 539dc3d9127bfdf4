import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../io/kit.js';
import { copyExample, replaceIn } from '../test/repo.js';
import { prepareBuild } from '../test/site.js';

async function poll(url: string, until: (body: string) => boolean, ms: number): Promise<string> {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      last = await res.text();
      if (res.ok && until(last)) return last;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}; last body: ${last.slice(0, 200)}`);
}

describe('npm start', () => {
  it('serves the site on 127.0.0.1 only, and rebuilds it when a document changes', async () => {
    prepareBuild();
    const root = copyExample();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), 'serve', '--root', root, '--port', String(port), '--now', '2026-11-23'], { stdio: 'ignore' });
    try {
      const page = await poll(`http://127.0.0.1:${port}/contacts/carol-smith/`, (b) => b.includes('Carol Smith'), 30_000);
      expect(page).toContain('verified');
      // The internal site (staff phone numbers) answers on this machine only.
      const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
      if (external) await expect(fetch(`http://${external}:${port}/`)).rejects.toThrow();
      else console.log('serve test: no non-loopback IPv4 interface here, so only the loopback answer is checked');
      replaceIn(root, 'contacts/carol-smith.md', 'title: Security Analyst', 'title: Senior Security Analyst');
      await poll(`http://127.0.0.1:${port}/contacts/carol-smith/`, (b) => b.includes('Senior Security Analyst'), 30_000);
      // Incidents are kept in a folder per year: a change there rebuilds as well.
      replaceIn(root, 'incidents/2026/inc-2026-005.md', 'Under way: mailbox audit log export requested.', 'Under way: the audit log export is in.');
      await poll(`http://127.0.0.1:${port}/incidents/inc-2026-005/`, (b) => b.includes('the audit log export is in'), 30_000);
    } finally {
      child.kill();
    }
    // Stopped with a signal, the program stops serving: the launcher runs the server in a
    // process of its own, and passes the signal on (it once outlived it).
    const stopped = Date.now() + 15_000;
    let answering = true;
    while (answering && Date.now() < stopped) {
      answering = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
      if (answering) await new Promise((r) => setTimeout(r, 250));
    }
    expect(answering).toBe(false);
  }, 90_000);
});
