// Everything the site shows, for one audience, from the loaded model and its diagnostics.
// Pure: the data file in site/_data wires the loader to it.

import type { Diagnostic } from '../core/diagnostic.js';
import { contactDueDay, planExerciseDue, planReviewDueDay } from '../core/model/derive.js';
import { dayOf, formatDay, parseDate, type Now } from '../core/model/time.js';
import { timesOf } from '../core/model/times.js';
import { atOf, type TimeValue } from '../core/time/parse.js';
import { SEVERITIES, type Channel, type ContactDoc, type DocRecord, type IncidentDoc, type Lesson, type Model, type PlanDoc } from '../core/model/types.js';
import { defaultConfig, type Config, type Policy } from '../core/policy.js';
import { channelsFor, visibleTo, withheldStrings, type Audience, type Withheld } from './audience.js';
import type { LinkTarget } from './markdown.js';

export interface Freshness {
  verified: string;
  daysAgo: number;
  due: string;
  daysLeft: number;
  state: 'fresh' | 'soon' | 'stale' | 'departed';
}

export interface ContactView {
  doc: ContactDoc;
  url: string;
  channels: Channel[];
  freshness: Freshness;
  /** Plans and roles this contact fills. */
  roles: { plan: PlanDoc; role: string; rank: number }[];
  incidents: IncidentDoc[];
  /** Contacts that name this one as a backup. */
  backupFor: ContactDoc[];
}

export interface PlanView {
  doc: PlanDoc;
  url: string;
  callSheetUrl: string;
  lastExercised?: { date: string; source: string };
  reviewDue: string;
  exerciseDue?: string;
  incidents: IncidentDoc[];
}

export interface LessonView {
  lesson: Lesson;
  incident: IncidentDoc;
  overdue: boolean;
}

export interface FacetPage {
  facet: 'year' | 'severity' | 'status' | 'category';
  value: string;
  url: string;
  incidents: IncidentDoc[];
}

export interface SiteData {
  model: Model;
  audience: Audience;
  now: Now;
  base: string;
  policy: Policy;
  /** The repository's configuration (requirements, sections), as check reads it. */
  config: Config;
  incidents: IncidentDoc[];
  /** Whether this build shows an incident (one function for the whole build, so indexes keyed by it are reused). */
  isShown(doc: IncidentDoc): boolean;
  /** The shown incidents that name an incident as the one they recur, or as related. */
  namedBy(id: string): { recurrences: IncidentDoc[]; related: IncidentDoc[] };
  contacts: ContactView[];
  plans: PlanView[];
  lessons: LessonView[];
  facets: FacetPage[];
  /** Diagnostics per file, for the banners (only files in this build). */
  problems: Record<string, Diagnostic[]>;
  diagnostics: Diagnostic[];
  links: LinkTarget;
  contact(id: string): ContactView | undefined;
  /**
   * How a contact is named where it has no page (the public build): an organisation by its name,
   * a person by their team, or "staff". Never a person's name or id.
   */
  label(id: string): string;
  plan(id: string): PlanView | undefined;
  incidentUrl(doc: IncidentDoc): string;
  /** What must not appear anywhere in the output, with the document and field it comes from. */
  forbidden: Withheld[];
}


/** Page path of a document, from its validated id only. */
/** A test that a text names none of `docs` (incidents, by id or by file). */
function mentionsNone(docs: readonly DocRecord[]): (text: string) => boolean {
  const names = new Set(docs.flatMap((d) => [d.id, d.file]).filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase()));
  if (names.size === 0) return () => true;
  return (text) => {
    for (const m of text.matchAll(/\b(?:INC|EX)-\d{4}-\d{3,}\b|\bincidents\/[^\s`'"(),]+?\.md\b/gi)) if (names.has(m[0].toLowerCase())) return false;
    return true;
  };
}

export function pagePath(doc: DocRecord): string {
  const id = doc.id!.toLowerCase();
  if (doc.kind === 'contact') return `/contacts/${id}/`;
  if (doc.kind === 'plan') return `/plans/${id}/`;
  return `/incidents/${id}/`;
}

export function buildSiteData(input: { model: Model; diagnostics: Diagnostic[]; now: Now; audience: Audience; base: string; policy: Policy; config?: Config }): SiteData {
  const { model, now, audience, policy } = input;
  const config = input.config ?? { ...defaultConfig(), policy };
  const base = input.base.replace(/\/?$/, '/');
  const url = (path: string) => base + path.replace(/^\//, '');
  const today = dayOf(now.ms);

  const isPublic = audience === 'public';
  const errorFiles = new Set(input.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  // A public build leaves out every document with an error: its messages may quote what it got wrong.
  // No build of any audience publishes a document with a secret in it.
  const shown = withholdClosure([...model.incidents.values()], (d) => visibleTo(d, audience) && !(isPublic && errorFiles.has(d.file)) && !d.secrets?.length);
  const incidents = [...model.incidents.values()]
    .filter((d) => shown.has(d))
    .sort((a, b) => (atOf(timesOf(b).milestones.detected) ?? 0) - (atOf(timesOf(a).milestones.detected) ?? 0) || (a.id < b.id ? -1 : 1));
  const withheld = [...model.incidents.values()].filter((d) => !shown.has(d));
  const inBuild = new Set<DocRecord>([...incidents, ...(isPublic ? [] : [...model.contacts.values(), ...model.plans.values()])]);
  // Invalid documents appear as problems only when they are not incidents (their visibility is unknown).
  const visibleFiles = new Set([...inBuild].map((d) => d.file));
  if (!isPublic) for (const d of model.docs) if (d.folder !== 'incidents' && !d.valid) visibleFiles.add(d.file);

  const byPlan = new Map<string, IncidentDoc[]>();
  for (const i of incidents) if (i.data.plan) append(byPlan, i.data.plan, i);
  const plansById = new Map<string, PlanView>();
  // One function for the whole build: indexes kept per filter function are then built once.
  const isShown = (doc: IncidentDoc) => shown.has(doc);
  for (const doc of isPublic ? [] : [...model.plans.values()].filter((p) => !p.secrets?.length).sort((a, b) => a.data.title.localeCompare(b.data.title))) {
    // Only exercises in this build count: a date from a left-out one would reveal that it exists.
    const exercise = planExerciseDue(model, doc, policy, isShown);
    const view: PlanView = {
      doc, url: url(pagePath(doc)), callSheetUrl: url(`${pagePath(doc)}call-sheet/`),
      reviewDue: formatDay(planReviewDueDay(doc.data, policy) ?? today),
      incidents: byPlan.get(doc.id) ?? [],
    };
    if (exercise) view.exerciseDue = formatDay(exercise.day);
    if (exercise?.last) view.lastExercised = exercise.last;
    plansById.set(doc.id, view);
  }

  const byContact = new Map<string, IncidentDoc[]>();
  for (const i of incidents) for (const id of mentioned(i)) append(byContact, id, i);
  const backups = new Map<string, ContactDoc[]>();
  for (const c of model.contacts.values()) for (const b of c.data.backups ?? []) append(backups, b, c);
  // Each contact's roles, from one pass over the plans (in the plans' order, then the roles').
  const rolesOf = new Map<string, ContactView['roles']>();
  for (const plan of plansById.values()) {
    for (const [role, ids] of Object.entries(plan.doc.data.roles)) {
      ids.forEach((id, rank) => {
        if (ids.indexOf(id) === rank) append(rolesOf, id, { plan: plan.doc, role, rank });
      });
    }
  }
  const contactsById = new Map<string, ContactView>();
  for (const doc of isPublic ? [] : [...model.contacts.values()].filter((c) => !c.secrets?.length).sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    const verified = parseDate(doc.data.last_verified) ?? today;
    const dueDay = contactDueDay(doc.data, policy) ?? today;
    const left = dueDay - today;
    const roles = rolesOf.get(doc.id) ?? [];
    contactsById.set(doc.id, {
      doc, url: url(pagePath(doc)), channels: channelsFor(doc, audience),
      freshness: {
        verified: doc.data.last_verified, daysAgo: today - verified, due: formatDay(dueDay), daysLeft: left,
        state: doc.data.status === 'departed' ? 'departed' : left < 0 ? 'stale' : left <= policy.contact_due_soon_days ? 'soon' : 'fresh',
      },
      roles,
      incidents: byContact.get(doc.id) ?? [],
      backupFor: backups.get(doc.id) ?? [],
    });
  }

  const lessons: LessonView[] = [];
  for (const incident of incidents) {
    for (const lesson of incident.data.lessons ?? []) {
      const due = parseDate(lesson.due);
      lessons.push({ lesson, incident, overdue: due !== undefined && due < today && (lesson.status === 'open' || lesson.status === 'in-progress') });
    }
  }

  const facets: FacetPage[] = [];
  const facet = (name: FacetPage['facet'], value: (d: IncidentDoc) => string | undefined, order?: readonly string[]) => {
    const groups = new Map<string, IncidentDoc[]>();
    for (const d of incidents) {
      const v = value(d);
      if (v) append(groups, v, d);
    }
    const keys = [...groups.keys()].sort((a, b) => (order ? order.indexOf(a) - order.indexOf(b) : name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
    for (const k of keys) facets.push({ facet: name, value: k, url: url(`/incidents/${name}/${k}/`), incidents: groups.get(k)! });
  };
  facet('year', (d) => yearOf(timesOf(d).milestones.detected));
  facet('severity', (d) => d.data.severity, SEVERITIES);
  facet('status', (d) => d.data.status, ['open', 'contained', 'resolved', 'reviewed', 'closed']);
  facet('category', (d) => d.data.category);

  const problems: Record<string, Diagnostic[]> = {};
  // The public site shows no findings: they quote content and describe the internal record.
  // A finding about a shown document may name one this build withholds (a possible recurrence of a
  // restricted incident): such a finding is left out, as the document would be.
  const unnamed = mentionsNone(model.docs.filter((d) => d.folder === 'incidents' && !visibleFiles.has(d.file)));
  const diagnostics = isPublic ? [] : input.diagnostics.filter((d) => visibleFiles.has(d.file) && unnamed(`${d.message}\n${d.hint ?? ''}`));
  for (const d of diagnostics) (problems[d.file] ??= []).push(d);

  const incidentIds = new Map(incidents.map((d) => [d.id.toLowerCase(), d]));
  const pageFiles = new Map<string, DocRecord>([...incidents, ...model.contacts.values(), ...model.plans.values()].map((d) => [d.file, d]));
  const links: LinkTarget = {
    byFile: (file) => {
      const doc = pageFiles.get(file);
      return doc ? url(pagePath(doc)) : undefined;
    },
    byId: (id) => {
      const lower = id.toLowerCase();
      const doc = incidentIds.get(lower) ?? (isPublic ? undefined : model.contacts.get(lower) ?? model.plans.get(lower));
      return doc ? url(pagePath(doc)) : undefined;
    },
    label: (id) => (model.contacts.has(id) ? label(id) : undefined),
  };
  const label = (id: string): string => {
    const c = model.contacts.get(id)?.data;
    if (!c) return 'staff';
    if (c.type !== 'person') return c.name;
    const team = c.team ? model.contacts.get(c.team)?.data : undefined;
    return team?.type === 'team' ? team.name : 'staff';
  };

  const naming = new Map<string, { recurrences: IncidentDoc[]; related: IncidentDoc[] }>();
  const namesOf = (id: string) => naming.get(id) ?? naming.set(id, { recurrences: [], related: [] }).get(id)!;
  for (const d of incidents) {
    if (d.data.recurrence) namesOf(d.data.recurrence.of).recurrences.push(d);
    for (const id of new Set(d.data.related ?? [])) namesOf(id).related.push(d);
  }

  return {
    model, audience, now, base, policy, config, incidents, isShown,
    namedBy: (id) => naming.get(id) ?? { recurrences: [], related: [] },
    contacts: [...contactsById.values()],
    plans: [...plansById.values()],
    lessons, facets, problems, diagnostics, links,
    contact: (id) => contactsById.get(id),
    label,
    plan: (id) => plansById.get(id),
    incidentUrl: (doc) => url(pagePath(doc)),
    forbidden: withheldStrings(model, withheld, audience),
  };
}

// What one document names depends on that document alone: kept per document object, so that a
// rebuild in `serve` (which keeps unchanged documents) reads each once.
const namesContacts = new WeakMap<IncidentDoc, Set<string>>();

/** Every contact an incident names, once. */
function mentioned(incident: IncidentDoc): Set<string> {
  let names = namesContacts.get(incident);
  if (!names) namesContacts.set(incident, (names = contactsNamed(incident)));
  return names;
}

function contactsNamed(incident: IncidentDoc): Set<string> {
  const x = incident.data;
  return new Set([
    x.commander, ...(x.participants ?? []), ...(x.engagements ?? []).map((e) => e.contact), ...(x.lessons ?? []).flatMap((l) => (l.owner ? [l.owner] : [])),
    ...(incident.timeline ?? []).flatMap((e) => e.mentions.map((m) => m.id)),
  ]);
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Incident ids written in a document's text: its body and every front-matter string. */
function idsMentioned(doc: IncidentDoc): Set<string> {
  // Read when the document was loaded (model/names.ts).
  return new Set(doc.names);
}

/**
 * The incidents this build shows: those `allowed`, less any that mention one it does not show
 * (and so on, until nothing changes), so that a left-out incident leaves no trace.
 */
function withholdClosure(all: IncidentDoc[], allowed: (d: IncidentDoc) => boolean): Set<IncidentDoc> {
  const shown = new Set(all.filter(allowed));
  const hidden = new Set(all.filter((d) => !shown.has(d)).map((d) => d.id.toUpperCase()));
  const mentions = new Map(all.map((d) => [d, idsMentioned(d)]));
  for (let changed = true; changed;) {
    changed = false;
    for (const d of shown) {
      if ([...mentions.get(d)!].some((id) => hidden.has(id) && id !== d.id.toUpperCase())) {
        shown.delete(d);
        hidden.add(d.id.toUpperCase());
        changed = true;
      }
    }
  }
  return shown;
}

/** The year a time falls in, when it is known to the year: a facet. */
function yearOf(v: TimeValue | undefined): string | undefined {
  if (!v || v.kind === 'unknown') return undefined;
  return String((v.kind === 'point' ? v : v.start).date.year);
}
