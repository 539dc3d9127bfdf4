import { mergeAliases } from '../core/sections.js';
// Tests build a small repository in memory (a valid fixture with one change per case) and
// read back `file:line:col ruleId` lines, through the same core the CLI uses.

import type { Regime } from '../core/regimes/types.js';
import { collectDiagnostics } from '../core/check.js';
import { capPerFile, type Diagnostic } from '../core/diagnostic.js';
import { loadDoc, loadDocument } from '../core/load-doc.js';
import { buildModel } from '../core/model/build.js';
import { nowFrom, type Now } from '../core/model/time.js';
import type { DocRecord, Folder, Model } from '../core/model/types.js';
import { Placer } from '../core/place.js';
import { DEFAULT_POLICY, DEFAULT_SECTIONS, defaultConfig, type Policy, type RuleSetting, type SectionKind } from '../core/policy.js';
import type { Requirements } from '../core/requirements.js';
import { loadValidators } from '../io/kit.js';

const validators = await loadValidators();

export const NOW: Now = nowFrom('2026-11-23')!;

/** A small, valid repository: every rule is quiet on it at NOW. */
export const BASE: Readonly<Record<string, string>> = {
  'contacts/ann-lee.md': `---
id: ann-lee
kind: contact
type: person
name: Ann Lee
team: secops
roles: [incident-commander]
channels:
  - type: phone
    value: "+44 20 7946 0001"
backups: [ben-ode]
status: active
last_verified: 2026-11-01
verified_by: ben-ode
---

Commander.
`,
  'contacts/ben-ode.md': `---
id: ben-ode
kind: contact
type: person
name: Ben Ode
team: secops
roles: [incident-commander, scribe]
channels:
  - type: phone
    value: "+44 20 7946 0002"
backups: [ann-lee]
status: active
last_verified: 2026-11-01
verified_by: ann-lee
---
`,
  'contacts/secops.md': `---
id: secops
kind: contact
type: team
name: Security Operations
channels:
  - type: pager
    value: SECOPS-P1
status: active
last_verified: 2026-11-01
verified_by: ann-lee
---
`,
  'contacts/ico.md': `---
id: ico
kind: contact
type: external
name: ICO
channels:
  - type: portal
    value: https://ico.example/report
status: active
last_verified: 2026-11-01
verified_by: ann-lee
---
`,
  'plans/breach.md': `---
id: breach
kind: plan
title: Personal data breach
owner: ann-lee
roles:
  incident-commander: [ann-lee, ben-ode]
  scribe: [ben-ode]
notify:
  - audience: regulator
    contacts: [ico]
    within_hours: 72
    when: personal-data
last_reviewed: 2026-06-01
last_exercised: 2026-10-01
---

## Preparation

Keep the ICO report template ready.
`,
  'incidents/inc-2026-001.md': `---
id: INC-2026-001
kind: incident
title: Exposed bucket
status: closed
severity: high
plan: breach
commander: ann-lee
participants: [ben-ode]
visibility: internal
started: 2026-03-01T10:00:00Z
detected: 2026-03-02T09:00:00Z
declared: 2026-03-02T09:30:00Z
contained: 2026-03-02T10:00:00Z
resolved: 2026-03-03T12:00:00Z
reviewed: 2026-03-10T12:00:00Z
closed: 2026-06-01T12:00:00Z
impact:
  personal_data: true
  summary: Bucket readable by anyone for a day.
notifications:
  - audience: regulator
    contact: ico
    at: 2026-03-04T09:00:00Z
root_cause:
  summary: Public ACL.
  type: configuration
  similar: Scanned all buckets.
lessons:
  - id: l1
    title: Block public ACLs
    owner: ben-ode
    due: 2026-04-01
    status: verified
    verified: 2026-04-02
    verification: Policy check rejected a test change.
detection:
  source: E-mail from a security researcher
---

## Summary

A storage bucket was public for a day.
`,
};

export interface RunOptions {
  now?: Now;
  policy?: Partial<Policy>;
  rules?: Record<string, RuleSetting>;
  sections?: Partial<Record<SectionKind, readonly string[]>>;
  /** Analyse bodies (default false: front-matter tables stay about front matter). */
  markdown?: boolean;
  requirements?: Requirements;
  /** Notification regimes declared for the repository (firebreak.yml `regimes:`). */
  regimes?: string[];
  regimeDefinitions?: Regime[];
  /** Headings that count as each section, added to the kit's. */
  sectionAliases?: Record<string, string[]>;
}

/** Load texts as a repository: the model every rule, report and page reads. */
export function loadModel(files: Readonly<Record<string, string>>, options: RunOptions = {}): Model {
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const records = Object.entries(files).sort().map(([file, text]) => loadDoc(file, file.split('/')[0] as Folder, new TextEncoder().encode(text), { validators, policy, rules: {}, sections: { ...DEFAULT_SECTIONS, ...options.sections }, markdown: options.markdown ?? true }).record);
  return buildModel(records).model;
}

/** Load texts (or bytes) as a repository and return every diagnostic, sorted. */
export function run(files: Readonly<Record<string, string | Uint8Array>>, options: RunOptions = {}): Diagnostic[] {
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const rules = options.rules ?? {};
  const records: DocRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [file, content] of Object.entries(files).sort()) {
    const folder = file.split('/')[0] as Folder;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const loaded = loadDoc(file, folder, bytes, { validators, policy, rules, sections: { ...DEFAULT_SECTIONS, ...options.sections }, markdown: options.markdown ?? false });
    records.push(loaded.record);
    diagnostics.push(...loaded.diagnostics);
  }
  const byFile = new Map(records.map((r) => [r.file, r]));
  const placer = new Placer((f) => byFile.get(f), rules);
  const { model, findings } = buildModel(records);
  for (const f of findings) {
    const d = placer.place(f);
    if (d) diagnostics.push(d);
  }
  const config = { ...defaultConfig(), policy, rules, sections: { ...DEFAULT_SECTIONS, ...options.sections } };
  if (options.requirements) config.requirements = options.requirements;
  if (options.regimes) config.regimes = options.regimes;
  if (options.regimeDefinitions) config.regimeDefinitions = options.regimeDefinitions;
  if (options.sectionAliases) config.sectionAliases = mergeAliases(options.sectionAliases);
  return collectDiagnostics({ model, config, placer, diagnostics }, options.now ?? NOW).diagnostics;
}

/**
 * Like `run`, through the loader's full path (secrets scanned, bodies analysed), with the same
 * per-file cap on findings as check.
 */
export async function runFull(files: Readonly<Record<string, string | Uint8Array>>, options: RunOptions = {}): Promise<Diagnostic[]> {
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const rules = options.rules ?? {};
  const sections = { ...DEFAULT_SECTIONS, ...options.sections };
  const records: DocRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [file, content] of Object.entries(files).sort()) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const loaded = await loadDocument(file, file.split('/')[0] as Folder, bytes.subarray(0, policy.max_file_bytes + 1), { validators, policy, rules, sections, markdown: options.markdown ?? true });
    records.push(loaded.record);
    diagnostics.push(...loaded.diagnostics);
  }
  const byFile = new Map(records.map((r) => [r.file, r]));
  const placer = new Placer((f) => byFile.get(f), rules);
  const { model, findings } = buildModel(records);
  for (const f of findings) {
    const d = placer.place(f);
    if (d) diagnostics.push(d);
  }
  const config = { ...defaultConfig(), policy, rules, sections };
  return capPerFile(collectDiagnostics({ model, config, placer, diagnostics }, options.now ?? NOW).diagnostics);
}

/** `file:line:col ruleId` per diagnostic. */
export function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
}

/** BASE with one file's text changed: `from` must occur exactly once. */
export function edit(file: string, from: string, to: string): Record<string, string> {
  const text = BASE[file];
  if (text === undefined) throw new Error(`no fixture ${file}`);
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`\`${from}\` occurs ${count} times in ${file}`);
  return { ...BASE, [file]: text.replace(from, to) };
}

/** BASE with one file replaced, added (string) or removed (null). */
export function withFile(file: string, text: string | null): Record<string, string> {
  const out: Record<string, string> = { ...BASE };
  if (text === null) delete out[file];
  else out[file] = text;
  return out;
}

/** firebreak.yml for BASE on disk: the fixture bodies are short, so require fewer sections. */
export const BASE_SECTIONS_YAML = 'sections:\n  incident: [Summary]\n  plan: [Preparation]\n';
