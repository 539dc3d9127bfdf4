// What `serve`'s quick pages start from (site/quick.ts): every document of the repository, with
// every finding before the audience's filter, reusing the documents `memo` loaded before.

import { collectDiagnostics } from '../core/check.js';
import { resolveNow } from '../io/clock.js';
import { loadValidators } from '../io/kit.js';
import { loadRepo, type LoadMemo } from '../io/load-repo.js';
import type { Audience } from './audience.js';
import type { LastBuild } from './quick.js';

export async function loadLastBuild(env: Record<string, string | undefined>, memo: LoadMemo): Promise<LastBuild> {
  const cache = env.FIREBREAK_CACHE || undefined;
  const repo = await loadRepo(env.FIREBREAK_ROOT ?? process.cwd(), { markdown: false, memo, ...(cache ? { cache } : {}) });
  const { diagnostics } = collectDiagnostics({ model: repo.model, config: repo.config, placer: repo.placer, diagnostics: repo.diagnostics }, resolveNow(undefined, env));
  const { config } = repo;
  const ctx = { validators: await loadValidators(), policy: config.policy, rules: config.rules, sections: config.sections, markdown: false };
  return { records: repo.model.docs, diagnostics, config, ctx, audience: (env.FIREBREAK_AUDIENCE ?? 'internal') as Audience, base: env.FIREBREAK_BASE ?? '/' };
}
