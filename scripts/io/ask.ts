// Asking for what a flag did not give: only on a terminal and never in CI; otherwise a missing
// value is a usage error.

import { UsageError } from './clock.js';
import type { Io } from './io.js';

export interface Question {
  flag: string;
  message: string;
  options?: readonly string[];
  placeholder?: string;
  optional?: boolean;
  /** The option selected when the question opens (Enter keeps it). */
  initial?: string;
}

/** The flag's value, else the answer to the question, else a usage error. */
export async function ask(io: Io, value: string | undefined, q: Question): Promise<string | undefined> {
  if (value !== undefined && value !== '') {
    if (q.options && !q.options.includes(value)) throw new UsageError(`--${q.flag}: unexpected \`${value}\`, expected one of ${q.options.join(', ')}`);
    return value;
  }
  if (!io.interactive) {
    if (q.optional) return undefined;
    throw new UsageError(`--${q.flag} is required (${q.message.toLowerCase()})${q.options ? `: one of ${q.options.join(', ')}` : ''}`);
  }
  const prompts = await import('@clack/prompts');
  const answer = q.options
    ? await prompts.select({ message: q.message, options: q.options.map((o) => ({ value: o, label: o })), ...(q.initial ? { initialValue: q.initial } : {}) })
    : await prompts.text({ message: q.message, placeholder: q.placeholder ?? '', validate: (v) => (!q.optional && !v ? 'Required' : undefined) });
  if (prompts.isCancel(answer)) throw new UsageError('cancelled');
  const text = String(answer ?? '');
  return text === '' ? undefined : text;
}
