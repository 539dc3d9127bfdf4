// What became of each notification: sent (on time or late, or at a time nobody recorded),
// pending or overdue, not required, decided against, or unknown. Never "pending" for what was
// only not recorded in a closed record.

import { certainlyBefore, type TimeValue } from '../time/parse.js';
import type { Now } from './time.js';
import type { IncidentDoc, Notification } from './types.js';
import { timesOf } from './times.js';

export type NoticeState = 'sent' | 'sent late' | 'sent, time unknown' | 'pending' | 'overdue' | 'not required' | 'decided not to' | 'unknown';

export interface Notice {
  index: number;
  notification: Notification;
  at?: TimeValue;
  due?: TimeValue;
  state: NoticeState;
}

/** The state of one notification as of `now`. */
export function noticeState(n: Notification, at: TimeValue | undefined, due: TimeValue | undefined, now: Now): NoticeState {
  if (n.status === 'not-required') return 'not required';
  if (n.status === 'decided-not-to') return 'decided not to';
  if (n.status === 'unknown') return 'unknown';
  if (at) {
    if (at.kind === 'unknown') return 'sent, time unknown';
    return due && due.kind !== 'unknown' && certainlyBefore(due, at) ? 'sent late' : 'sent';
  }
  if (n.status === 'sent') return 'sent, time unknown';
  return due && due.kind !== 'unknown' && due.latest <= now.ms ? 'overdue' : 'pending';
}

/** Every notification of an incident with its state. */
export function notices(doc: IncidentDoc, now: Now): Notice[] {
  const times = timesOf(doc);
  return (doc.data.notifications ?? []).map((n, index) => {
    const t = times.notifications[index] ?? {};
    return { index, notification: n, ...(t.at ? { at: t.at } : {}), ...(t.due ? { due: t.due } : {}), state: noticeState(n, t.at, t.due, now) };
  });
}

/** Whether a notification discharges a duty: sent (at whatever time), decided against, or not required. */
export function discharges(state: NoticeState): boolean {
  return state === 'sent' || state === 'sent late' || state === 'sent, time unknown' || state === 'decided not to' || state === 'not required';
}
