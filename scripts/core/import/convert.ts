// One post-mortem in, one Firebreak incident out: the body exactly as written (its sections are
// read by their families, its timeline natively), front matter from what the source states, and
// `unknown` for what it does not; plus a report of what was mapped and what is left to do. Pure.

import { stringify } from 'yaml';
import { nextNumber, slugify, freeSlug } from '../authoring/ids.js';
import { analyseMarkdown } from '../markdown/analyse.js';
import { outline } from '../markdown/outline.js';
import type { Config } from '../policy.js';
import { outstanding, statusRank } from '../requirements.js';
import { isSection } from '../sections.js';
import { readZone } from '../time/zones.js';
import type { IncidentStatus, Lesson } from '../model/types.js';
import type { Root } from 'mdast';
import { actionItems, isActionHeading, type ActionItem } from './actions.js';
import { mapLabels, type Mapped, type NotMapped } from './fields.js';
import { frontMatterLabels, labelsOf, type Label } from './labels.js';
import { notAPostMortem, readSource } from './source.js';

export interface ImportInput {
  /** The source file as the report names it. */
  name: string;
  text: string;
  provenance: { from: string; repository?: string; commit?: string };
  visibility: string;
  /** The day of the import (YYYY-MM-DD). */
  today: string;
  /** Ids already taken (the repository's, and earlier imports of this run). */
  taken: ReadonlySet<string>;
  contactFor: (name: string) => string | undefined;
  config: Config;
  severityMap?: Readonly<Record<string, string>>;
}

export interface ImportReport {
  source: string;
  id: string;
  file: string;
  idFrom: string;
  title: { value: string; from: string };
  zone?: { value: string; from: string };
  timeline: { rows: number; read: number; findings: number };
  sections: { kit: string; as: string[] }[];
  otherSections: string[];
  lessons: { count: number; from: string[]; owners: number; named: number; statuses: Record<string, number>; tracked: number; due: number };
  mapped: { field: string; value: string; from: string }[];
  unknown: string[];
  toWrite: string[];
  notMapped: { label: string; value: string; why: string; line: number }[];
}

export type ImportResult =
  | { kind: 'incident'; id: string; file: string; text: string; report: ImportReport; actions: ActionItem[] }
  | { kind: 'skipped'; why: string }
  | { kind: 'refused'; why: string };

const IMPORTED_STATUS: IncidentStatus = 'reviewed';
/** Headings that only name the post-mortem, with the title in the paragraph under them. */
const TITLE_HEADING = /^(incident title|title|incident name|name of (the )?incident)$/i;

export function importPostMortem(input: ImportInput): ImportResult {
  const skip = notAPostMortem(input.name, input.text);
  if (skip) return { kind: 'skipped', why: skip };
  const source = readSource(input.name, input.text);
  if ('refused' in source) return { kind: 'refused', why: source.refused };
  const { body, tree } = source;

  // The title: the first heading (or the paragraph under "Incident Title"), else the source's front matter, else the file name.
  const labels: Label[] = [...(source.frontMatter ? frontMatterLabels(source.frontMatter.data) : []), ...labelsOf(tree)];
  const isKitSection = (text: string) => input.config.sections.incident.some((k) => isSection(text, k, input.config.sectionAliases)) || isActionHeading(text);
  const title = titleOf(tree, input.name, labels, isKitSection);

  // The zone the timeline declares, which is the document's zone for the times written without one.
  const shape = outline(tree, body);
  const declared = shape.timelineZone;
  const zone = declared && 'zone' in readZone(declared.text) ? { value: declared.text, from: `"${lineText(body, declared.line)}", line ${declared.line}` } : undefined;
  const zoneResult = zone ? readZone(zone.value) : undefined;
  const timeCtx = zoneResult && 'zone' in zoneResult ? { zone: zoneResult.zone, zoneFrom: 'timezone' } : { zone: { kind: 'unstated' as const, name: 'zone not stated' as const }, zoneFrom: 'timezone' };

  const { mapped, notMapped } = mapLabels(labels.filter((l) => l.label !== title.label), { time: timeCtx, contactFor: input.contactFor, ...(input.severityMap ? { severityMap: input.severityMap } : {}) });
  const field = (t: string) => mapped.find((m) => m.target === t);

  // The id: the source's own number when it has one (`PM2021-004`), else the next free one of the year it names.
  const { id, from: idFrom } = idOf(input, mapped, shape.timelineItems.map((i) => i.text));

  const items = actionItems(tree);
  const lessons = lessonsOf(items, input.contactFor);

  const status = (field('status')?.value as IncidentStatus | undefined) ?? IMPORTED_STATUS;
  const milestones = ['started', 'detected', 'declared', 'contained', 'recovered', 'resolved', 'reviewed'] as const;
  const times: Record<string, string> = {};
  for (const m of milestones) {
    const f = field(m);
    if (f) times[m] = String(f.value);
  }
  // What every record must hold, and the status needs: `unknown` where the source does not say.
  const unknown: string[] = [];
  const need = (name: string) => { unknown.push(name); return 'unknown'; };
  if (times.detected === undefined) times.detected = need('detected');
  for (const m of ['resolved', 'reviewed'] as const) if (statusRank(status) >= statusRank(m) && times[m] === undefined) times[m] = need(m);
  const anyTime = Object.values(times).some((t) => t !== 'unknown');
  const severity = (field('severity')?.value as string | undefined) ?? need('severity');
  const commander = (field('commander')?.value as string | undefined) ?? need('commander');
  const personal = field('personal_data')?.value ?? need('impact.personal_data');

  const front: Record<string, unknown> = {
    id, kind: 'incident', title: title.value, status, severity,
    ...(field('category') ? { category: field('category')!.value } : {}),
    commander, visibility: input.visibility,
    // Times the source writes without a zone are read in the zone its timeline declares, or as not stated.
    ...(zone ? { timezone: zone.value } : anyTime ? { timezone: 'not-stated' } : {}),
    imported: {
      from: input.provenance.from,
      ...(input.provenance.repository ? { repository: input.provenance.repository } : {}),
      ...(input.provenance.commit ? { commit: input.provenance.commit } : {}),
      at: input.today,
      ...(source.frontMatter ? { front_matter: source.frontMatter.text } : {}),
    },
    ...Object.fromEntries(milestones.filter((m) => times[m] !== undefined).map((m) => [m, times[m]])),
    impact: { personal_data: personal },
    ...(lessons.length ? { lessons } : {}),
  };
  if (!zone && anyTime) unknown.push('timezone (not-stated)');
  const yaml = stringify(front, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const text = `---\n${yaml}---\n\n${body.replace(/\s*$/, '\n')}`;
  const bodyLine = yaml.split('\n').length + 2;

  // What the checker reads of the body, exactly as `check` will.
  const analysis = analyseMarkdown(`${id}.md`, `\n${body}`, bodyLine, 'incident', zoneResult && 'zone' in zoneResult ? { zone: zoneResult.zone, zoneFrom: 'timezone' } : { zone: timeCtx.zone, zoneFrom: 'timezone' });
  const headings = 'outline' in analysis ? analysis.outline.sections : shape.sections;
  const kitSections = input.config.sections.incident;
  const sections = kitSections.map((kit) => ({ kit, as: headings.filter((h) => isSection(h.text, kit, input.config.sectionAliases)).map((h) => (h.label ? `**${h.text}**` : h.text)) })).filter((s) => s.as.length);
  const otherSections = ('outline' in analysis ? analysis.outline.headings : shape.headings).filter((h) => h.depth <= 2 && !kitSections.some((k) => isSection(h.text, k, input.config.sectionAliases)) && h.text !== title.value && !TITLE_HEADING.test(h.text)).map((h) => h.text);
  const toWrite = outstanding(front, headings, 'incident', input.config.requirements, kitSections, input.config.sectionAliases)
    .filter((o) => statusRank(o.since) <= statusRank(status))
    .map((o) => (o.what === 'section' ? `section ${o.name}` : o.name));
  const timelineFindings = 'outline' in analysis ? analysis.findings.filter((f) => f.ruleId.startsWith('md/timeline')).length : 0;

  if (headings.length === 0 && shape.timelineItems.length === 0 && items.length === 0) return { kind: 'skipped', why: 'nothing that reads as a post-mortem (no heading, section, timeline or action item)' };
  const file = `incidents/${id.slice(4, 8)}/${id.toLowerCase()}.md`;
  const report: ImportReport = {
    source: input.name, id, file, idFrom,
    title: { value: title.value, from: title.from },
    ...(zone ? { zone } : {}),
    timeline: { rows: shape.timelineItems.filter((i) => !i.heading || /\d{1,2}:\d{2}/.test(i.text)).length, read: 'timeline' in analysis ? analysis.timeline.length : 0, findings: timelineFindings },
    sections, otherSections,
    lessons: {
      count: lessons.length, from: [...new Set(items.map((i) => i.section))],
      owners: lessons.filter((l) => l.owner).length, named: lessons.filter((l) => l.named_owner).length,
      statuses: lessons.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.status]: (acc[l.status] ?? 0) + 1 }), {}),
      tracked: lessons.filter((l) => l.tracking).length, due: lessons.filter((l) => l.due).length,
    },
    mapped: mapped.filter((m) => m.target !== 'title').map((m) => ({ field: m.target === 'personal_data' ? 'impact.personal_data' : m.target, value: String(m.value), from: `${m.label.from} "${m.label.label}", line ${m.label.line}` })),
    unknown, toWrite,
    notMapped: notMapped.filter((n) => reportable(n) && !kitSections.some((k) => isSection(n.label.label, k, input.config.sectionAliases))).map((n) => ({ label: n.label.label, value: n.label.value, why: n.why, line: n.label.line })),
  };
  return { kind: 'incident', id, file, text, report, actions: items };
}

/** Labels worth a line in the report: bold labels, stats lists and front matter; not every heading over a paragraph. */
function reportable(n: NotMapped): boolean {
  if (n.label.from === 'heading' && n.why === 'no field of the kit') return false;
  if (n.label.from === 'front matter' && n.label.label === 'title') return false;
  // A label that introduces a section or a list (`**Impact**:` over bullets) is part of the body.
  return n.label.value !== '' || n.label.from === 'list';
}

function lineText(body: string, line: number): string {
  return (body.split('\n')[line - 1] ?? '').trim().replace(/^[#>*\s]+/, '').slice(0, 60);
}

function titleOf(tree: Root, name: string, labels: Label[], isKitSection: (text: string) => boolean): { value: string; from: string; label?: string } {
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type !== 'heading' || n.depth > 2) continue;
    const text = plainText(n);
    if (TITLE_HEADING.test(text)) {
      const next = nodes[i + 1];
      if (next?.type === 'paragraph') return { value: clip(plainText(next)), from: `the paragraph under "${text}"` };
      continue;
    }
    // A section heading (`## Summary`) names a part, not the incident.
    if (isKitSection(text)) break;
    if (text) return { value: clip(text), from: `the first heading, line ${n.position?.start.line ?? 1}` };
  }
  const fm = labels.find((l) => l.from === 'front matter' && /^title$/i.test(l.label));
  if (fm) return { value: clip(fm.value), from: 'the source\'s front matter', label: fm.label };
  const stem = (name.split('/').pop() ?? name).replace(/\.(md|markdown|mdx|txt)(\.erb)?$|\.html\.md\.erb$/i, '');
  return { value: clip(stem), from: 'the file name' };
}

function plainText(node: { children?: unknown[] } & object): string {
  const parts: string[] = [];
  const walk = (n: unknown) => {
    const x = n as { type?: string; value?: string; children?: unknown[] };
    if (typeof x.value === 'string' && (x.type === 'text' || x.type === 'inlineCode')) parts.push(x.value);
    x.children?.forEach(walk);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function clip(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 199).replace(/\s+\S*$/, '')}…`;
}

/** `PM2021-004`, `2021-004`: a year and number the file name states. */
const NUMBERED = /(?:^|[^0-9])((?:19|20)\d{2})-(\d{3,5})(?![0-9]|-\d)/;
const YEAR = /(?:^|[^0-9])((?:19|20)\d{2})(?:-\d{2}(?:-\d{2})?)?(?![0-9])/;

function idOf(input: ImportInput, mapped: Mapped[], timeline: string[]): { id: string; from: string } {
  const base = input.provenance.from.split('/').pop() ?? input.provenance.from;
  const numbered = NUMBERED.exec(base);
  if (numbered) {
    const id = `INC-${numbered[1]}-${numbered[2]!.padStart(3, '0')}`;
    if (![...input.taken].some((t) => t.toUpperCase() === id)) return { id, from: `year and number from the file name` };
  }
  const candidates: [string | undefined, string][] = [
    [YEAR.exec(base)?.[1], 'the file name'],
    [mapped.find((m) => m.target === 'date')?.label.value.slice(0, 4), 'its "Date"'],
    ...(['started', 'detected', 'declared', 'resolved'] as const).map((t): [string | undefined, string] => [YEAR.exec(String(mapped.find((m) => m.target === t)?.value ?? ''))?.[1], `its ${t} time`]),
    [YEAR.exec(mapped.find((m) => m.target === 'title')?.label.value ?? '')?.[1], 'its title'],
    [timeline.map((t) => YEAR.exec(t)?.[1]).find(Boolean), 'its timeline'],
  ];
  const found = candidates.find(([y]) => y !== undefined);
  const year = Number(found?.[0] ?? input.today.slice(0, 4));
  return { id: nextNumber('INC', year, input.taken), from: found ? `year from ${found[1]}, next free number` : 'the year of the import (the source states none), next free number' };
}

function lessonsOf(items: readonly ActionItem[], contactFor: (name: string) => string | undefined): Lesson[] {
  const ids = new Set<string>();
  return items.map((item, i) => {
    // The first words, whole, up to 40 characters: `implement-monitoring-of-adfs`.
    const words = slugify(item.title).split('-');
    let base = '';
    for (const w of words) {
      if ((base ? `${base}-${w}` : w).length > 40 || (base && base.split('-').length >= 5)) break;
      base = base ? `${base}-${w}` : w;
    }
    base ||= `action-${i + 1}`;
    const id = freeSlug(base, ids);
    ids.add(id);
    const owner = item.owner ? contactFor(item.owner) : undefined;
    const lesson: Lesson = { id, title: item.title, status: item.status };
    if (owner) lesson.owner = owner;
    else if (item.owner) lesson.named_owner = item.owner;
    if (item.due) lesson.due = item.due;
    if (item.tracking) lesson.tracking = item.tracking;
    return lesson;
  });
}
