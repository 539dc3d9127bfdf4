// The durations a responder and a manager ask for, from milestones and engagements.

import { parseInstant } from './time.js';
import type { Incident } from './types.js';

export interface Duration {
  label: string;
  ms: number;
}

const SPANS: [string, keyof Incident, keyof Incident][] = [
  ['Time to detect', 'started', 'detected'],
  ['Time to declare', 'detected', 'declared'],
  ['Time to contain', 'detected', 'contained'],
  ['Time to recover', 'detected', 'recovered'],
  ['Time to resolve', 'detected', 'resolved'],
  ['Time to review', 'resolved', 'reviewed'],
];

export function durations(x: Incident): Duration[] {
  const out: Duration[] = [];
  for (const [label, from, to] of SPANS) {
    const a = parseInstant(x[from]);
    const b = parseInstant(x[to]);
    if (a !== undefined && b !== undefined && b >= a) out.push({ label, ms: b - a });
  }
  return out;
}

export interface Engagement {
  contact: string;
  askedMs: number;
  engagedMs?: number;
  /** Time to engage, when engaged. */
  ms?: number;
  channel?: string;
  purpose?: string;
  issue?: string;
}

export function engagements(x: Incident): Engagement[] {
  return (x.engagements ?? []).map((e) => {
    const asked = parseInstant(e.asked)!;
    const engaged = parseInstant(e.engaged);
    const out: Engagement = { contact: e.contact, askedMs: asked };
    if (engaged !== undefined) {
      out.engagedMs = engaged;
      out.ms = engaged - asked;
    }
    if (e.channel) out.channel = e.channel;
    if (e.purpose) out.purpose = e.purpose;
    if (e.issue) out.issue = e.issue;
    return out;
  });
}
