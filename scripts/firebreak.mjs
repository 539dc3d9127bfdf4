#!/usr/bin/env -S node --no-opt
// The firebreak program: starts the compiled CLI, building it first when the sources changed.
//
// V8 flags are chosen by the size of the job. A check of a typical repository is over in a few
// hundred milliseconds, where the optimising compiler only costs time: it runs with --no-opt
// (as package.json starts it). Large repositories and site builds run for seconds on every core:
// they are restarted with the optimiser on and --single-threaded-gc, as background GC threads
// would only take time from the workers parsing documents. A site build also gets a larger young
// generation: rendering makes short-lived strings, and fewer of them are then copied before they
// die (4–5% faster on the 10,000-document benchmark, paired runs).

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

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
} else {
  const cli = await import('../dist/cli.js');
  if (process.execArgv.includes('--no-opt') && heavy(cli.countDocuments)) {
    const flags = ['build', 'serve'].includes(args[0] ?? '') ? ['--single-threaded-gc', '--max-semi-space-size=32'] : ['--single-threaded-gc'];
    const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
    process.exitCode = r.status ?? 3;
  } else {
    await cli.run();
  }
}
