// Start one of the kit's worker modules: the compiled one, or the TypeScript source through tsx
// when the kit runs from its sources (tests).

import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { KIT_ROOT } from './kit.js';

/**
 * `name` is the module's path under scripts/ without extension, as under dist/ (`io/worker`).
 * `resourceLimits` bound its heap (a V8 flag the process was started with, such as a build's
 * `--max-semi-space-size`, takes precedence over the same bound here).
 */
export function startWorker(name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(join(KIT_ROOT, 'dist', `${name}.js`), { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
  const target = JSON.stringify(new URL(`../${name}.ts`, import.meta.url).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${target}); })`;
  return new Worker(boot, { eval: true, workerData, ...(resourceLimits ? { resourceLimits } : {}) });
}
