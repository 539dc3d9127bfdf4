#!/usr/bin/env -S node --single-threaded-gc
// The firebreak program: starts the compiled CLI, building it first when the sources changed.
// Run with --single-threaded-gc (package.json does): when every core parses documents,
// background GC threads only steal from them (13% faster on the benchmark).

import { ensureBuilt } from './ensure-built.mjs';

if (await ensureBuilt()) {
  const { run } = await import('../dist/cli.js');
  await run();
} else {
  process.exitCode = 3;
}
