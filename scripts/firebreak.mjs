#!/usr/bin/env node
// Start the compiled CLI (fast start-up for pre-commit hooks and editors), compiling it first
// when the TypeScript sources are newer than the last build.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const kit = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(kit, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() < Math.max(newestSource(join(kit, 'scripts')), statSync(join(kit, 'tsconfig.json')).mtimeMs)) {
  process.stderr.write('firebreak: compiling the kit (scripts/ changed)…\n');
  const tsc = join(kit, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(kit, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch {
    process.stderr.write('firebreak: the kit does not compile; fix the errors above.\n');
    process.exit(3);
  }
  writeFileSync(stamp, new Date().toISOString());
}

const { run } = await import('../dist/cli.js');
await run();
