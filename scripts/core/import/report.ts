// The import's account of one document: where it went, what was mapped from where, what was
// written as unknown, what is left to write, and what the source says that has no field. Pure.

import type { ImportReport } from './convert.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatImportReport(r: ImportReport, written: boolean): string {
  const lines = [`${r.source} → ${r.file} (${r.id}${written ? '' : ', not written'})`];
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(11)}${text}`);
  row('id', r.idFrom);
  row('title', `${r.title.value} (from ${r.title.from})`);
  row('zone', r.zone ? `${r.zone.value} (from ${r.zone.from})` : 'not stated: times are read as wall-clock times (docs/time.md)');
  row('timeline', r.timeline.rows === 0 ? 'none found' : `${plural(r.timeline.read, 'entry', 'entries')} read${r.timeline.findings ? `; ${plural(r.timeline.findings, 'finding')} for \`check\` to show` : ''}`);
  row('sections', [...r.sections.map((s) => (s.as.length === 1 && s.as[0]!.toLowerCase() === s.kit.toLowerCase() ? s.kit : `${s.kit} ← ${s.as.map((a) => `"${a}"`).join(', ')}`)), ...(r.otherSections.length ? [`kept as written: ${r.otherSections.map((s) => `"${s}"`).join(', ')}`] : [])].join('; ') || 'none');
  if (r.lessons.count === 0) row('lessons', 'no action items found');
  else {
    const statuses = Object.entries(r.lessons.statuses).map(([s, n]) => `${n} ${s}`).join(', ');
    const owners = r.lessons.owners + r.lessons.named === 0 ? 'no owner named' : `${r.lessons.owners} owned by a contact${r.lessons.named ? `, ${r.lessons.named} naming someone not yet a contact` : ''}`;
    row('lessons', `${r.lessons.count} from ${r.lessons.from.map((f) => `"${f}"`).join(', ')}: status ${statuses}; ${owners}; ${r.lessons.tracked} with a ticket; ${r.lessons.due} with a due date`);
  }
  if (r.mapped.length) row('mapped', r.mapped.map((m) => `${m.field} ${m.value} (${m.from})`).join('; '));
  if (r.unknown.length) row('unknown', r.unknown.join(', '));
  if (r.toWrite.length) row('to write', r.toWrite.join(', '));
  for (const n of r.notMapped) row('not mapped', `"${n.label}: ${n.value.length > 50 ? `${n.value.slice(0, 49)}…` : n.value}" (line ${n.line}): ${n.why}`);
  return `${lines.join('\n')}\n`;
}
