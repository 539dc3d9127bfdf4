// Every lesson across incidents, filtered the way owners and managers ask for them.

import { parseDate, type Now } from '../model/time.js';
import type { IncidentDoc, Lesson, Model } from '../model/types.js';

export type LessonFilter = 'open' | 'overdue' | 'unverified';

export interface LessonRow {
  lesson: Lesson;
  incident: IncidentDoc;
  overdue: boolean;
}

export function lessonRows(model: Model, now: Now, filter?: { status?: LessonFilter; owner?: string; incidents?: Iterable<IncidentDoc> }): LessonRow[] {
  const today = Math.floor(now.ms / 86_400_000);
  const rows: LessonRow[] = [];
  for (const incident of filter?.incidents ?? model.incidents.values()) {
    for (const lesson of incident.data.lessons ?? []) {
      const due = parseDate(lesson.due);
      const open = lesson.status !== 'verified' && lesson.status !== 'wont-fix';
      const overdue = due !== undefined && due < today && (lesson.status === 'open' || lesson.status === 'in-progress');
      if (filter?.owner && lesson.owner !== filter.owner) continue;
      if (filter?.status === 'open' && !open) continue;
      if (filter?.status === 'overdue' && !overdue) continue;
      if (filter?.status === 'unverified' && lesson.status !== 'implemented') continue;
      rows.push({ lesson, incident, overdue });
    }
  }
  return rows.sort((a, b) => (a.lesson.due ?? '9999') < (b.lesson.due ?? '9999') ? -1 : (a.lesson.due ?? '9999') > (b.lesson.due ?? '9999') ? 1 : a.incident.id < b.incident.id ? -1 : 1);
}
