#!/usr/bin/env -S node --no-opt
// The firebreak program: starts the compiled CLI, building it first when the sources changed.
//
// V8 flags are chosen by the size of the job. A check of a typical repository is over in a few
// hundred milliseconds, where the optimising compiler only costs time: it runs with --no-opt
// (as package.json starts it). Large repositories and site builds run for seconds on every core:
// they are restarted with the optimiser on and the flags scripts/launch-flags.mjs chooses.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';
import { flagsFor } from './launch-flags.mjs';

const LARGE = 400;
const args = process.argv.slice(2);

/** Whether the job runs for seconds: a build, or a repository of many documents (counted as the loader walks them). */
function heavy(countDocuments) {
  if (['build', 'serve', 'bench'].includes(args[0] ?? '')) return true;
  const i = args.indexOf('--root');
  return countDocuments(resolve(i === -1 ? '.' : args[i + 1] ?? '.'), LARGE) >= LARGE;
}

if (!(await ensureBuilt())) {
  process.exitCode = 3;
} else if (process.execArgv.includes('--no-opt') && heavy((await import('../dist/io/walk.js')).countDocuments)) {
  // Sized by the walk alone (a small module): the CLI itself is loaded once, by the process that runs it.
  const r = spawnSync(process.execPath, [...flagsFor(args, process.env, existsSync, process.cwd()), fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  process.exitCode = r.status ?? 3;
} else {
  await (await import('../dist/cli.js')).run();
}
