// Build step: precompile the JSON Schemas into dist/validators.cjs for fast start-up.

import { writePrecompiledValidators } from './io/kit.js';

process.stdout.write(`firebreak: wrote ${await writePrecompiledValidators()}\n`);
