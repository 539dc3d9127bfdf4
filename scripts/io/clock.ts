// The one place "now" comes from: --now, else FIREBREAK_NOW, else the wall clock.

import { nowFrom, type Now } from '../core/model/time.js';

export class UsageError extends Error {}

/** Resolve now; a malformed value is a usage error, never a silent fallback. */
export function resolveNow(flag: string | undefined, env: Record<string, string | undefined>, wall: () => Date = () => new Date()): Now {
  const source = flag !== undefined ? '--now' : env.FIREBREAK_NOW ? 'FIREBREAK_NOW' : undefined;
  const text = flag ?? env.FIREBREAK_NOW;
  if (source && text !== undefined) {
    const now = nowFrom(text);
    if (!now) throw new UsageError(`${source}: unexpected \`${text}\`, expected a date YYYY-MM-DD or an instant with a time zone`);
    return now;
  }
  const ms = wall().getTime();
  return { date: new Date(ms).toISOString().slice(0, 10), ms };
}
