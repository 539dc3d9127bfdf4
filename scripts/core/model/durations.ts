// The durations a responder and a manager ask for, from milestones, engagements and
// notifications, each with how well it is known (core/time/duration.ts).

import { between, type Figure } from '../time/duration.js';
import type { TimeValue } from '../time/parse.js';
import { timesOf } from './times.js';
import type { IncidentDoc, Milestone } from './types.js';

export interface Span {
  key: string;
  label: string;
  from: Milestone;
  to: Milestone;
  /** What it measures, for a title or a footnote. */
  means: string;
}

export const SPANS: readonly Span[] = [
  { key: 'detect', label: 'Time to detect', from: 'started', to: 'detected', means: 'from the start (of the incident, or of the attacker\'s activity) to detection' },
  { key: 'dwell', label: 'Dwell time', from: 'started', to: 'contained', means: 'from the start to containment: how long it could do harm' },
  { key: 'window', label: 'Outage or exposure', from: 'started', to: 'recovered', means: 'from the start to recovery: the window customers saw' },
  { key: 'declare', label: 'Time to declare', from: 'detected', to: 'declared', means: 'from detection to the declaration of an incident' },
  { key: 'contain', label: 'Time to contain', from: 'detected', to: 'contained', means: 'from detection to containment' },
  { key: 'recover', label: 'Time to recover', from: 'detected', to: 'recovered', means: 'from detection to recovery' },
  { key: 'resolve', label: 'Time to resolve', from: 'detected', to: 'resolved', means: 'from detection to resolution' },
  { key: 'review', label: 'Time to review', from: 'resolved', to: 'reviewed', means: 'from resolution to the post-incident review' },
];

export interface Duration extends Span {
  figure: Figure;
}

/** Every span with at least one end recorded. */
export function durations(doc: IncidentDoc): Duration[] {
  const m = timesOf(doc).milestones;
  const out: Duration[] = [];
  for (const span of SPANS) {
    const a = doc.data[span.from];
    const b = doc.data[span.to];
    if (a === undefined || b === undefined) continue;
    out.push({ ...span, figure: between(m[span.from], m[span.to], [span.from, span.to]) });
  }
  return out;
}

export type EngagementState = 'engaged' | 'engaged, time unknown' | 'waiting' | 'not recorded' | 'not reached' | 'declined';

export interface Engagement {
  contact: string;
  asked?: TimeValue;
  engaged?: TimeValue;
  state: EngagementState;
  /** From asking to engaged: the figure that matters most. */
  toEngage: Figure;
  /** From detection to engaged. */
  fromDetection: Figure;
  channel?: string;
  purpose?: string;
  issue?: string;
}

const OPEN = new Set(['open', 'contained']);

export function engagements(doc: IncidentDoc): Engagement[] {
  const times = timesOf(doc);
  return (doc.data.engagements ?? []).map((e, i) => {
    const t = times.engagements[i] ?? {};
    const state: EngagementState = e.outcome === 'not-reached' ? 'not reached' : e.outcome === 'declined' ? 'declined'
      : t.engaged?.kind === 'unknown' ? 'engaged, time unknown' : t.engaged ? 'engaged' : OPEN.has(doc.data.status) ? 'waiting' : 'not recorded';
    const out: Engagement = {
      contact: e.contact, state,
      toEngage: between(t.asked, t.engaged, ['asked', 'engaged']),
      fromDetection: between(times.milestones.detected, t.engaged, ['detected', 'engaged']),
    };
    if (t.asked) out.asked = t.asked;
    if (t.engaged) out.engaged = t.engaged;
    if (e.channel) out.channel = e.channel;
    if (e.purpose) out.purpose = e.purpose;
    if (e.issue) out.issue = e.issue;
    return out;
  });
}
