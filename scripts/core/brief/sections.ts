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
