// The text under a heading of a Markdown body, for reports that quote the record.

/** The Markdown under `## name` (any level, any case), up to the next heading of that level. */
import { isSection } from '../sections.js';

export function sectionText(body: string, name: string, aliases?: Readonly<Record<string, readonly string[]>>): string | undefined {
  const lines = body.split(/\r?\n/);
  let level = 0;
  const out: string[] = [];
  for (const line of lines) {
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (level === 0) {
      if (h && isSection(h[2]!, name, aliases)) level = h[1]!.length;
      continue;
    }
    if (h && h[1]!.length <= level) break;
    out.push(line);
  }
  if (level === 0) return undefined;
  const text = out.join('\n').trim();
  return text === '' || /^TODO\b/.test(text) ? undefined : text;
}

/**
 * The sections of a body from its lines alone, for callers that did not parse the Markdown (the
 * site): ATX headings, and bold labels that open a top-level line (`- **Resolution**: …`), outside
 * code fences; empty when only blank lines or a `TODO` prompt follow before the next heading.
 */
export function quickSections(body: string): { text: string; line: number; column: number; empty: boolean }[] {
  const out: { text: string; line: number; column: number; empty: boolean; heading: boolean }[] = [];
  let fence: string | undefined;
  let last: (typeof out)[number] | undefined;
  body.split(/\r?\n/).forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1]![0];
      else if (f[1]![0] === fence) fence = undefined;
      if (last?.heading) last.empty = false;
      return;
    }
    if (fence !== undefined) return;
    const h = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      last = { text: h[2]!, line: i + 1, column: 1, empty: true, heading: true };
      out.push(last);
      return;
    }
    const b = /^(?:[-*+]\s+)?\*\*([^*]{1,60}?):?\*\*\s*:?\s*(.*)$/.exec(line);
    if (b && !/^\s/.test(line)) {
      out.push({ text: b[1]!.trim(), line: i + 1, column: 1, empty: b[2]!.trim() === '', heading: false });
      if (last?.heading && last.empty) last.empty = false;
      return;
    }
    if (last?.heading && last.empty && line.trim() !== '' && !/^\s*(?:[-*+>]\s*)*TODO\b/.test(line)) last.empty = false;
  });
  return out.map(({ heading: _h, ...s }) => s);
}
