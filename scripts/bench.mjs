#!/usr/bin/env node
// `npm run bench`: build the kit if needed, then run the benchmark.

import { ensureBuilt } from './ensure-built.mjs';

if (await ensureBuilt()) await import('../dist/bench/run.js');
else process.exitCode = 3;
