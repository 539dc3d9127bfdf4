// The document kinds as the schemas in schemas/ define them (validated data only).

import type { Outline } from '../markdown/outline.js';
import type { TimelineEntry } from '../markdown/timeline.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
/** An incident's severity: `unknown` when nobody has assessed it or the source does not say. */
export type IncidentSeverity = Severity | 'unknown';
/** Severities, most severe first, then `unknown`. */
export const SEVERITIES: readonly IncidentSeverity[] = ['critical', 'high', 'medium', 'low', 'unknown'];
export type Phase = 'preparation' | 'detection' | 'analysis' | 'containment' | 'eradication' | 'recovery' | 'post-incident';
export type Visibility = 'public' | 'internal' | 'restricted';
export type IncidentStatus = 'open' | 'contained' | 'resolved' | 'reviewed' | 'closed';
export type LessonStatus = 'open' | 'in-progress' | 'implemented' | 'verified' | 'wont-fix' | 'unknown';
export type Audience = 'regulator' | 'customers' | 'executives' | 'law-enforcement' | 'insurer' | 'partners' | 'staff' | 'data-subjects' | 'board' | 'public';

export interface Channel {
  type: 'phone' | 'email' | 'chat' | 'pager' | 'portal' | 'sms' | 'other';
  value: string;
  label?: string;
  personal?: boolean;
}

export interface Contact {
  id: string;
  kind: 'contact';
  type: 'person' | 'team' | 'vendor' | 'external';
  name: string;
  title?: string;
  team?: string;
  organisation?: string;
  roles?: string[];
  channels: Channel[];
  timezone?: string;
  hours?: string;
  backups?: string[];
  owns?: string[];
  access?: string[];
  contract?: { reference?: string; expires?: string; sla?: string; portal?: string };
  status: 'active' | 'departed';
  last_verified: string;
  verified_by: string;
  verified_method?: string;
  review_every?: number;
  notes?: string;
  revisions?: Revision[];
}

export interface NotifyDuty {
  /** The stage id in notifications' `duty: plan/<id>`; defaults to the audience. */
  id?: string;
  audience: Audience;
  contacts?: string[];
  within_hours: number;
  when: 'always' | 'personal-data' | 'customer-impact' | 'severity-high' | 'severity-critical';
  note?: string;
}

export interface Plan {
  id: string;
  kind: 'plan';
  title: string;
  owner: string;
  scope?: { categories?: string[]; systems?: string[]; summary?: string };
  roles: Record<string, string[]>;
  escalation?: { after_minutes: number; contacts: string[]; note?: string }[];
  notify?: NotifyDuty[];
  /** Notification regimes for incidents under this plan, instead of the repository's. */
  regimes?: string[];
  revisions?: Revision[];
  last_reviewed: string;
  review_every?: number;
  last_exercised?: string;
  exercise_every?: number;
}

/** What a lesson changes: a plan (and its section), a contact, or something outside the repository. */
export interface LessonChange {
  plan?: string;
  section?: string;
  contact?: string;
  external?: string;
}

/** A change recorded in a plan or contact, and the lesson (`INC-…/lesson-id`) that asked for it. */
export interface Revision {
  date: string;
  lesson: string;
  note?: string;
}

export interface Lesson {
  id: string;
  title: string;
  phase?: Phase;
  owner?: string;
  /** The owner as an imported source names them, when no contact is known to be them. */
  named_owner?: string;
  due?: string;
  status: LessonStatus;
  raised?: string;
  changes?: LessonChange[];
  implemented?: string;
  exercise?: string;
  tracking?: string;
  verified?: string;
  verification?: string;
  reason?: string;
}

/** Where an imported post-mortem came from; unfinished (no `finished`) imports are checked leniently. */
export interface Imported {
  from: string;
  repository?: string;
  commit?: string;
  at: string;
  front_matter?: string;
  finished?: string;
}

export const MILESTONES = ['started', 'detected', 'declared', 'contained', 'recovered', 'resolved', 'reviewed', 'closed'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** A time as written (docs/time.md), or with its sources and what other sources say. */
export type TimeFact = string | { at: string; sources?: string[]; note?: string; disputed?: { at: string; source: string }[] };
/** A count as written (exact, approximate, bounded, a range, unknown), or with its sources. */
export type CountFact = number | string | { value: number | string; sources?: string[]; note?: string; disputed?: { value: number | string; source: string }[] };

export type NotificationStatus = 'sent' | 'pending' | 'not-required' | 'decided-not-to' | 'unknown';

/** A decision a duty depends on: answered yes or no, when, and by whom. */
export interface Decision {
  answer: 'yes' | 'no';
  at?: string;
  by?: string;
  note?: string;
}

export interface Notification {
  audience: Audience;
  /** The duty it discharges: `<regime>/<stage>` (`uk-gdpr/authority`, `nis2/early-warning`, `plan/executives`). */
  duty?: string;
  contact?: string;
  due?: string;
  at?: string;
  status?: NotificationStatus;
  reason?: string;
  decision?: { by: string; at: string; reason: string };
  reference?: string;
  note?: string;
}

export interface Incident extends Partial<Record<Milestone, TimeFact>> {
  id: string;
  kind: 'incident' | 'exercise';
  title: string;
  status: IncidentStatus;
  severity: IncidentSeverity;
  category?: string;
  plan?: string;
  commander: string;
  participants?: string[];
  systems?: string[];
  visibility: Visibility;
  timezone?: string;
  sources?: string[];
  imported?: Imported;
  related?: string[];
  recurrence?: { of: string; lessons_held?: 'yes' | 'no' | 'partly' | 'unknown'; note?: string };
  unrelated?: string[];
  /** Decisions that start or stop notification clocks: materiality, major, significant, high-risk, risk… */
  decisions?: Record<string, Decision>;
  detection?: { source: string; method?: string; could_be_earlier?: string };
  engagements?: { contact: string; asked?: string; engaged?: string; outcome?: 'engaged' | 'not-reached' | 'declined'; channel?: string; purpose?: string; issue?: string }[];
  gaps?: { phase: Phase; kind: string; note: string; delay_minutes?: number; lesson?: string }[];
  accelerators?: string[];
  impact?: { summary?: string; personal_data: boolean | 'unknown'; records?: CountFact; customers_affected?: CountFact; devices_affected?: CountFact; downtime_minutes?: number; cost?: string };
  notifications?: Notification[];
  root_cause?: { summary: string; type?: string; similar?: string | { searched: string; found: string; tickets?: string[] } };
  lessons?: Lesson[];
  exercise?: { format: string; scenario?: string; facilitator?: string };
}

export type Folder = 'contacts' | 'plans' | 'incidents';
export type Kind = 'contact' | 'plan' | 'incident' | 'exercise';

/** One content file after loading: parsed, and validated when `valid`. */
export interface DocRecord {
  file: string;
  folder: Folder;
  kind?: Kind;
  id?: string;
  data?: Record<string, unknown>;
  valid: boolean;
  yaml: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
  /** Headings, links and timeline items of the body, from its one parse. */
  outline?: Outline;
  /** The timeline entries that could be read. */
  timeline?: TimelineEntry[];
  /** The incident ids it names anywhere, upper-cased, its own included (model/names.ts). */
  names?: string[];
  /** Secrets found in the file (their values): never published, never printed. */
  secrets?: string[];
  /**
   * Read for its front matter only (a check of other documents): its body was neither analysed
   * nor scanned for secrets.
   */
  partial?: boolean;
}

export interface ContactDoc extends DocRecord { kind: 'contact'; id: string; data: Contact & Record<string, unknown> }
export interface PlanDoc extends DocRecord { kind: 'plan'; id: string; data: Plan & Record<string, unknown> }
export interface IncidentDoc extends DocRecord { kind: 'incident' | 'exercise'; id: string; data: Incident & Record<string, unknown> }

/** The loaded repository: every document, and the valid ones indexed by id. */
export interface Model {
  docs: DocRecord[];
  contacts: Map<string, ContactDoc>;
  plans: Map<string, PlanDoc>;
  incidents: Map<string, IncidentDoc>;
  /** Every document with an id, valid or not (first one per normalised id). */
  ids: Map<string, DocRecord>;
}
