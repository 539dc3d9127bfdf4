// A synthetic repository of realistic size and shape (deterministic), valid at BENCH_NOW, so
// that check, the floors and other tools can be measured on the same files.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_NOW = '2026-11-23';
const NOW_MS = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

/** Mulberry32: small, fast, reproducible (the corpus's generator, and the tests' where they generate input). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'alert analyst access backup bridge capture certificate channel console containment credential customer database detection endpoint escalation firewall forensic gateway host identity isolation laptop ledger log malware monitor network notify operator patch payload pager phishing portal proxy queue ransomware recovery registry restore rotation router sensor server session share signature storage ticket token tunnel vendor warehouse workstation'.split(' ');

function words(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export interface CorpusCounts {
  contacts: number;
  plans: number;
  incidents: number;
}

/** 10,000 documents by default: 15% contacts, 3% plans, the rest incidents and exercises. */
export function countsFor(total: number): CorpusCounts {
  const contacts = Math.max(12, Math.round(total * 0.15));
  const plans = Math.max(2, Math.round(total * 0.03));
  return { contacts, plans, incidents: Math.max(1, total - contacts - plans) };
}

/** Write the corpus under `root`; returns the number of documents written. */
export function writeCorpus(root: string, total = 10_000, seed = 42): number {
  const r = rng(seed);
  const { contacts, plans, incidents } = countsFor(total);
  const people: string[] = [];
  const teams: string[] = [];
  for (const d of ['contacts', 'plans']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'firebreak.yml'), '# synthetic benchmark repository\npolicy:\n  contact_review_days: 90\n');

  const teamCount = Math.max(3, Math.round(contacts / 40));
  for (let i = 0; i < teamCount; i++) teams.push(`team-${pad(i, 4)}`);
  const personCount = contacts - teamCount;
  for (let i = 0; i < personCount; i++) people.push(`person-${pad(i, 5)}`);
  const pick = (list: string[]) => list[Math.floor(r() * list.length)]!;
  /** Distinct items from a list. */
  const some = (list: string[], n: number) => {
    const start = Math.floor(r() * list.length);
    const step = 1 + Math.floor(r() * Math.max(1, list.length / n - 1));
    return Array.from({ length: n }, (_, k) => list[(start + k * step) % list.length]!);
  };
  const other = (list: string[], not: string) => {
    const i = list.indexOf(not);
    return list[(i + 1 + Math.floor(r() * (list.length - 1))) % list.length]!;
  };

  for (const id of teams) {
    writeFileSync(join(root, 'contacts', `${id}.md`), `---
id: ${id}
kind: contact
type: team
name: ${words(r, 2)} team
title: ${words(r, 6)}
roles: [technical-lead, network]
channels:
  - type: pager
    value: "PagerDuty ${id.toUpperCase()}"
  - type: chat
    value: "#${id}"
  - type: email
    value: ${id}@example.org
timezone: Europe/London
hours: 24/7 by pager
backups: [${pick(people)}]
owns: [sys-${Math.floor(r() * 250)}, sys-${250 + Math.floor(r() * 250)}]
status: active
last_verified: ${date(NOW_MS - Math.floor(r() * 60) * DAY)}
verified_by: ${pick(people)}
verified_method: drill
---

${words(r, 40)}.
`);
  }
  for (const id of people) {
    const commander = r() < 0.2;
    writeFileSync(join(root, 'contacts', `${id}.md`), `---
id: ${id}
kind: contact
type: person
name: ${words(r, 2)}
title: ${words(r, 3)}
team: ${pick(teams)}
roles: [${commander ? 'incident-commander, ' : ''}technical-lead]
channels:
  - type: phone
    value: "+44 20 7946 ${pad(Math.floor(r() * 10000), 4)}"
    label: mobile
  - type: email
    value: ${id}@example.org
  - type: chat
    value: "@${id}"
    personal: false
timezone: Europe/London
hours: Mon–Fri 08:00–18:00
backups: [${some(people.filter((p) => p !== id), 2).join(', ')}]
owns: [sys-${Math.floor(r() * 500)}]
access:
  - "${words(r, 5)}"
  - "${words(r, 4)}"
status: active
last_verified: ${date(NOW_MS - Math.floor(r() * 60) * DAY)}
verified_by: ${other(people, id)}
verified_method: call
---

${words(r, 30)}. ${words(r, 25)}.
`);
  }

  const planIds: string[] = [];
  for (let i = 0; i < plans; i++) {
    const id = `plan-${pad(i, 4)}`;
    planIds.push(id);
    writeFileSync(join(root, 'plans', `${id}.md`), `---
id: ${id}
kind: plan
title: ${words(r, 4)}
owner: ${pick(people)}
scope:
  categories: [email, web]
  systems: [sys-${Math.floor(r() * 500)}]
  summary: ${words(r, 14)}.
roles:
  incident-commander: [${some(people, 2).join(', ')}]
  scribe: [${pick(people)}]
  technical-lead: [${pick(people)}, ${pick(teams)}]
  communications: [${pick(people)}]
escalation:
  - after_minutes: 15
    contacts: [${pick(teams)}]
  - after_minutes: 45
    contacts: [${pick(people)}]
    note: ${words(r, 8)}.
notify:
  - audience: executives
    contacts: [${pick(people)}]
    within_hours: 4
    when: severity-high
last_reviewed: ${date(NOW_MS - Math.floor(r() * 300) * DAY)}
last_exercised: ${date(NOW_MS - Math.floor(r() * 150) * DAY)}
---

## Preparation

${words(r, 40)}.

## Detection and analysis

1. ${words(r, 12)}.
2. ${words(r, 12)}.

## Containment, eradication and recovery

1. ${words(r, 12)}.
2. ${words(r, 12)}.

## Post-incident activity

${words(r, 30)}.
`);
  }

  const perYear = new Map<number, number>();
  for (let i = 0; i < incidents; i++) {
    const exercise = i % 25 === 24;
    // Spread over the past 10 years; the newest within the last weeks.
    const detected = Math.floor((NOW_MS - 40 * DAY - r() * 3600 * DAY) / 60_000) * 60_000;
    const year = new Date(detected).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const id = `${exercise ? 'EX' : 'INC'}-${year}-${pad(n, 4)}`;
    const dir = join(root, 'incidents', String(year));
    mkdirSync(dir, { recursive: true });
    const m = (min: number) => detected + min * 60_000;
    const started = m(-(30 + Math.floor(r() * 600)));
    const declared = m(10 + Math.floor(r() * 30));
    const contained = m(60 + Math.floor(r() * 240));
    const recovered = m(300 + Math.floor(r() * 600));
    const resolved = m(1000 + Math.floor(r() * 2000));
    const reviewed = resolved + (2 + Math.floor(r() * 10)) * DAY;
    const closedCase = r() < 0.7;
    const closed = reviewed + (5 + Math.floor(r() * 10)) * DAY;
    const severity = pick(['critical', 'high', 'medium', 'low']);
    const commander = pick(people);
    const lessonCount = 2 + Math.floor(r() * 3);
    const lessons: string[] = [];
    for (let l = 0; l < lessonCount; l++) {
      const due = reviewed + (20 + Math.floor(r() * 40)) * DAY;
      if (closedCase) {
        lessons.push(`  - id: l${l + 1}
    title: ${words(r, 7)}
    phase: ${pick(['detection', 'analysis', 'containment', 'recovery', 'preparation'])}
    owner: ${pick(people)}
    due: ${date(due)}
    status: verified
    tracking: https://tracker.example.org/SEC-${Math.floor(r() * 9000) + 1000}
    verified: ${date(Math.min(closed - DAY, due))}
    verification: ${words(r, 9)}.`);
      } else {
        lessons.push(`  - id: l${l + 1}
    title: ${words(r, 7)}
    phase: ${pick(['detection', 'analysis', 'containment', 'recovery', 'preparation'])}
    owner: ${pick(people)}
    due: ${date(NOW_MS + (10 + Math.floor(r() * 90)) * DAY)}
    status: in-progress
    tracking: https://tracker.example.org/SEC-${Math.floor(r() * 9000) + 1000}`);
      }
    }
    const engaged = [pick(people), pick(teams)];
    const t = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    writeFileSync(join(dir, `${id.toLowerCase()}.md`), `---
id: ${id}
kind: ${exercise ? 'exercise' : 'incident'}
title: ${words(r, 6)}
status: ${closedCase ? 'closed' : 'reviewed'}
severity: ${severity}
category: ${pick(['email', 'web', 'attrition', 'impersonation', 'improper-usage', 'loss-or-theft'])}
plan: ${pick(planIds)}
commander: ${commander}
participants: [${some(people, 2).join(', ')}, ${pick(teams)}]
systems: [sys-${Math.floor(r() * 25000)}, sys-${25000 + Math.floor(r() * 25000)}]
visibility: ${pick(['public', 'internal', 'internal', 'restricted'])}
started: ${iso(started)}
detected: ${iso(detected)}
declared: ${iso(declared)}
contained: ${iso(contained)}
recovered: ${iso(recovered)}
resolved: ${iso(resolved)}
reviewed: ${iso(reviewed)}
${closedCase ? `closed: ${iso(closed)}\n` : ''}detection:
  source: ${words(r, 6)}
  method: ${pick(['alert', 'user-report', 'third-party', 'threat-hunt'])}
  could_be_earlier: ${words(r, 16)}.
engagements:
  - contact: ${engaged[0]}
    asked: ${iso(declared)}
    engaged: ${iso(declared + 10 * 60_000)}
    channel: phone
    purpose: ${words(r, 5)}
  - contact: ${engaged[1]}
    asked: ${iso(declared + 5 * 60_000)}
    engaged: ${iso(declared + (20 + Math.floor(r() * 50)) * 60_000)}
    channel: pager
    issue: ${words(r, 12)}.
gaps:
  - phase: analysis
    kind: ${pick(['access', 'visibility', 'communication', 'tooling'])}
    note: ${words(r, 14)}.
    delay_minutes: ${Math.floor(r() * 90)}
    lesson: l1
impact:
  summary: ${words(r, 18)}.
  personal_data: false
  downtime_minutes: ${Math.floor(r() * 600)}
notifications:
  - audience: executives
    contact: ${pick(people)}
    at: ${iso(declared + 60 * 60_000)}
root_cause:
  summary: ${words(r, 16)}.
  type: ${pick(['process', 'human', 'vendor', 'unknown'])}
lessons:
${lessons.join('\n')}
${exercise ? 'exercise:\n  format: tabletop\n  scenario: ' + words(r, 12) + '.\n' : ''}---

## Summary

${words(r, 60)}. ${words(r, 40)}.

## Timeline

- ${t(started)} ${words(r, 8)}.
- ${t(detected)} [detection] ${words(r, 10)} @${commander}.
- ${t(declared).slice(0, 10) === t(detected).slice(0, 10) ? hhmm(declared) : t(declared)} [analysis] ${words(r, 9)}.
- ${t(contained)} [containment] ${words(r, 10)}.
- ${t(recovered)} [recovery] ${words(r, 8)}.
- ${t(resolved)} [recovery] ${words(r, 6)}.

## Detection

${words(r, 45)}.

| Signal | Source | Delay |
| --- | --- | --- |
| ${words(r, 2)} | ${words(r, 1)} | ${Math.floor(r() * 60)} min |
| ${words(r, 2)} | ${words(r, 1)} | ${Math.floor(r() * 60)} min |
| ${words(r, 2)} | ${words(r, 1)} | ${Math.floor(r() * 60)} min |

## Response

${words(r, 50)}.

## Root cause

${words(r, 30)}.

## What went well

- ${words(r, 10)}.
- ${words(r, 8)}.

## What went poorly

- ${words(r, 10)}.
- ${words(r, 9)}.

## Lessons

${words(r, 25)}.
`);
  }
  return contacts + plans + incidents;
}
