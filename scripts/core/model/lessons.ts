// Where each lesson reached: the plans and contacts it names as its targets, and the change each
// recorded for it (a `revisions:` entry naming `<incident>/<lesson>`). The record is in the target
// itself rather than in git history, so that it holds in a shallow clone, in a tarball and after a
// squash merge, and can be reviewed in the pull request that makes the change.

import { dayOf, parseDate } from './time.js';
import { timesOf } from './times.js';
import type { DocRecord, IncidentDoc, Lesson, LessonChange, Model, Revision } from './types.js';

export interface Reach {
  change: LessonChange;
  index: number;
  kind: 'plan' | 'contact';
  target: string;
  /** The target document, when it exists. */
  doc?: DocRecord & { data: { revisions?: Revision[] } };
  /** The revision that names the lesson, made on or after it was raised. */
  revision?: Revision;
  /** A revision that names the lesson but is dated before it was raised. */
  early?: Revision;
}

export const lessonRef = (doc: IncidentDoc, lesson: Lesson) => `${doc.id}/${lesson.id}`;

/** The day (epoch day) a lesson was raised: its own `raised`, else the review's day, else detection's. */
export function raisedDay(doc: IncidentDoc, lesson: Lesson): number | undefined {
  if (lesson.raised) return parseDate(lesson.raised);
  const m = timesOf(doc).milestones;
  for (const v of [m.reviewed, m.detected]) if (v && v.kind !== 'unknown' && Number.isFinite(v.earliest)) return dayOf(v.earliest);
  return undefined;
}

const revisionsByLesson = new WeakMap<object, Map<string, Revision[]>>();

/** A plan's or contact's revisions that name a lesson (`<incident>/<lesson>`), in their order; indexed once per document. */
function revisionsFor(data: { revisions?: Revision[] }, ref: string): Revision[] {
  let index = revisionsByLesson.get(data);
  if (!index) {
    index = new Map();
    for (const rev of data.revisions ?? []) {
      if (rev.lesson === undefined) continue;
      const list = index.get(rev.lesson);
      if (list) list.push(rev);
      else index.set(rev.lesson, [rev]);
    }
    revisionsByLesson.set(data, index);
  }
  return index.get(ref) ?? [];
}

/** Each plan or contact a lesson targets, and the change it recorded for the lesson. */
export function reachOf(model: Model, doc: IncidentDoc, lesson: Lesson): Reach[] {
  const ref = lessonRef(doc, lesson);
  const raised = raisedDay(doc, lesson);
  const out: Reach[] = [];
  (lesson.changes ?? []).forEach((change, index) => {
    const kind = change.plan !== undefined ? 'plan' : change.contact !== undefined ? 'contact' : undefined;
    if (!kind) return;
    const target = (change.plan ?? change.contact)!;
    const targetDoc = kind === 'plan' ? model.plans.get(target) : model.contacts.get(target);
    const r: Reach = { change, index, kind, target, ...(targetDoc ? { doc: targetDoc as Reach['doc'] } : {}) };
    for (const rev of targetDoc ? revisionsFor(targetDoc.data as { revisions?: Revision[] }, ref) : []) {
      const day = parseDate(rev.date);
      if (raised === undefined || day === undefined || day >= raised) r.revision ??= rev;
      else r.early ??= rev;
    }
    out.push(r);
  });
  return out;
}

type TargetLessons = { done: { incident: IncidentDoc; lesson: Lesson; revision: Revision }[]; pending: { incident: IncidentDoc; lesson: Lesson }[] };
const byTarget = new WeakMap<Model, Map<string, TargetLessons>>();

/** The lessons that changed a plan or contact (from its revisions), and those still to change it. */
export function lessonsOfTarget(model: Model, kind: 'plan' | 'contact', id: string): TargetLessons {
  let index = byTarget.get(model);
  if (!index) {
    // Every lesson's reach, once per model: each plan and contact page asks for its own.
    index = new Map();
    for (const incident of model.incidents.values()) {
      for (const lesson of incident.data.lessons ?? []) {
        for (const r of reachOf(model, incident, lesson)) {
          const key = `${r.kind}:${r.target}`;
          const entry = index.get(key) ?? index.set(key, { done: [], pending: [] }).get(key)!;
          if (r.revision) entry.done.push({ incident, lesson, revision: r.revision });
          else if (lesson.status !== 'wont-fix') entry.pending.push({ incident, lesson });
        }
      }
    }
    for (const e of index.values()) e.done.sort((a, b) => (a.revision.date < b.revision.date ? -1 : 1));
    byTarget.set(model, index);
  }
  const found = index.get(`${kind}:${id}`);
  return { done: [...(found?.done ?? [])], pending: [...(found?.pending ?? [])] };
}
