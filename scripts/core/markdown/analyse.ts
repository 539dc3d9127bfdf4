// One document's Markdown: parsed once, its outline and timeline derived, linted. Pure.

import { VFile } from 'vfile';
import type { Finding } from '../diagnostic.js';
import type { LintContext } from './context.js';
import { outline, type Outline } from './outline.js';
import { markdownProcessor } from './processor.js';
import { markdownSeverity } from './severity.js';
import { guardMarkdown } from './guard.js';
import { parseTimeline, type TimelineContext, type TimelineEntry } from './timeline.js';
import { readZone } from '../time/zones.js';

export interface BodyAnalysis {
  outline: Outline;
  timeline: TimelineEntry[];
  findings: Finding[];
}

/** Analyse a document's Markdown body, which starts on file line `bodyLine`; positions are the file's. */
export function analyseMarkdown(file: string, body: string, bodyLine: number, kind: string, timeline: TimelineContext = {}): BodyAnalysis | { findings: Finding[] } {
  const refused = guardMarkdown(file, body, bodyLine);
  if (refused) return { findings: [refused] };
  const processor = markdownProcessor();
  const offset = bodyLine - 1;
  const vfile = new VFile({ path: file, value: body });
  const tree = processor.parse(vfile);
  const shape = outline(tree, body, offset);
  // A zone the timeline declares once ("All times in UTC.", "Time (PT)") applies to its items.
  let timelineCtx = timeline;
  const declared = shape.timelineZone;
  const zoneProblems: { line: number; column: number; message: string; hint: string; severity?: 'warning' }[] = [];
  if (declared) {
    const z = readZone(declared.text);
    if ('zone' in z) timelineCtx = { ...timeline, zone: z.zone, zoneFrom: `line ${declared.line}` };
    else zoneProblems.push({ line: declared.line, column: declared.column, message: `${z.error} declared for the timeline.`, hint: z.hint });
  }
  const parsed = parseTimeline(shape.timelineItems, timelineCtx);
  const entries = parsed.entries;
  const problems = [...zoneProblems, ...parsed.problems];
  const context: LintContext = { kind, outline: shape, timelineProblems: problems, lineOffset: offset };
  (vfile.data as { firebreak?: LintContext }).firebreak = context;
  processor.runSync(tree, vfile);
  // An unknown `[phase]` tag is reported once, as a timeline problem, not also as a reference.
  const tagged = new Set(problems.map((p) => `${p.line}:${p.column}`));
  const messages = vfile.messages.filter((m) => !(m.ruleId === 'no-undefined-references' && tagged.has(`${(m.line ?? 0) + offset}:${m.column}`)));
  const findings: Finding[] = messages.map((m) => {
    const ruleId = `md/${m.ruleId ?? 'lint'}`;
    const f: Finding = {
      ruleId,
      severity: markdownSeverity(ruleId),
      file,
      line: (m.line ?? 1) + offset,
      column: m.column ?? 1,
      message: m.reason.endsWith('.') ? m.reason : `${m.reason}.`,
    };
    if (m.place && 'end' in m.place && m.place.end.line) {
      f.endLine = m.place.end.line + offset;
      f.endColumn = m.place.end.column;
    }
    const hint = m.note ?? (m.url ? `See ${m.url}` : undefined);
    if (hint) f.hint = hint;
    return f;
  });
  // A zone that disagrees with its day's daylight saving is read as written, and said.
  for (const p of problems) if (p.severity === 'warning') findings.push({ ruleId: 'md/timeline-zone', severity: 'warning', file, line: p.line, column: p.column, message: p.message, hint: p.hint });
  return { outline: shape, timeline: entries, findings };
}
