#!/usr/bin/env node
// The firebreak program: starts the compiled CLI, building it first when the sources changed.

import { ensureBuilt } from './ensure-built.mjs';

if (ensureBuilt()) {
  const { run } = await import('../dist/cli.js');
  await run();
} else {
  process.exitCode = 3;
}
