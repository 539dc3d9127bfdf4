// Helpers for site tests: build with the real program, read every output file, check links.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KIT_ROOT } from '../io/kit.js';

/** Compile the kit once up front, as `npm ci` does through `prepare`. */
export function prepareBuild(): void {
  spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), '--help'], { stdio: 'ignore' });
}

export function buildSite(root: string, ...args: string[]): { code: number | null; out: string; err: string; dir: string } {
  const dir = join(root, '_site');
  const r = spawnSync(process.execPath, [join(KIT_ROOT, 'scripts', 'firebreak.mjs'), 'build', '--root', root, '--out', dir, ...args], { encoding: 'utf8', env: { ...process.env, FIREBREAK_NOW: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr, dir };
}

export function outputFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...outputFiles(dir, p));
    else out.push(p);
  }
  return out.sort();
}

/** A file's text; Pagefind's compressed index files are decompressed first. */
export function readOutput(dir: string, file: string): string {
  const bytes = readFileSync(join(dir, file));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('latin1');
  return bytes.toString('utf8');
}

/** A search record as Pagefind writes it (a fragment): the page's URL, text and metadata. */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Every record in one Pagefind bundle (its `fragment/` folder, decompressed). */
export function searchRecords(bundle: string): SearchRecord[] {
  return readdirSync(join(bundle, 'fragment')).map((f) => {
    const text = gunzipSync(readFileSync(join(bundle, 'fragment', f))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as SearchRecord;
  });
}

export function allText(dir: string): { file: string; text: string }[] {
  return outputFiles(dir).map((file) => ({ file, text: readOutput(dir, file) }));
}

/** Internal links and anchors that do not resolve in the built site. */
export function brokenLinks(dir: string, base = '/'): string[] {
  const ids = new Map<string, Set<string>>();
  const pages = outputFiles(dir).filter((f) => f.endsWith('.html'));
  for (const f of pages) ids.set(f, new Set([...readFileSync(join(dir, f), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  const broken: string[] = [];
  for (const f of pages) {
    const html = readFileSync(join(dir, f), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = m[1]!.replace(/&amp;/g, '&');
      if (/^[a-z]+:|^\/\//i.test(url)) continue;
      const [path, anchor] = url.split('#') as [string, string | undefined];
      let target = f;
      if (path !== '') {
        if (!path.startsWith(base)) {
          broken.push(`${f}: ${url} (not under ${base})`);
          continue;
        }
        let p = join(dir, decodeURIComponent(path.slice(base.length)));
        if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
        if (!existsSync(p)) {
          broken.push(`${f}: ${url}`);
          continue;
        }
        target = p.slice(dir.length + 1);
      }
      if (anchor && !ids.get(target)?.has(anchor)) broken.push(`${f}: ${url} (no #${anchor})`);
    }
  }
  return broken;
}
