#!/usr/bin/env node
// The firebreak program: starts the compiled CLI, building it first when the sources changed.
//
// V8 flags are chosen by the size of the job. A check of a typical repository is over in a few
// hundred milliseconds and runs in this process. Large repositories and site builds run for
// seconds on every core: they are restarted with the flags scripts/launch-flags.mjs chooses, when
// this process does not have them already.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';
import { flagsFor, restartWith } from './launch-flags.mjs';

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
  // Sized by the walk alone (a small module): the CLI itself is loaded once, by the process that runs it.
  const flags = restartWith(process.execArgv, heavy((await import('../dist/io/walk.js')).countDocuments), () => flagsFor(args, process.env, existsSync, process.cwd()));
  if (flags !== undefined) {
    const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
    // A signal sent to this process alone (a service manager's or a test's SIGTERM) is passed on,
    // so that the job never outlives it. Ctrl-C reaches both.
    const forward = (signal) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
    child.on('error', () => {
      process.exitCode = 3;
    });
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 3);
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
    });
  } else {
    await (await import('../dist/cli.js')).run();
  }
}
