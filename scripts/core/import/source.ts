// A post-mortem as another repository wrote it: its own front matter (kept as written), its
// Markdown parsed once, and whether it is a template rather than an incident. Pure.

import type { Root } from 'mdast';
import { markdownProcessor } from '../markdown/processor.js';
import { splitFences } from '../parse/fences.js';
import { parseSafeYaml } from '../parse/safe-yaml.js';

export interface SourceDoc {
  /** The Markdown after any front matter, exactly as written. */
  body: string;
  /** The source's own front matter, as written, and its values when they are plain data. */
  frontMatter?: { text: string; data: Record<string, unknown> };
  tree: Root;
}

/** Files a post-mortem folder holds besides post-mortems. */
const NOT_INCIDENTS = /^(readme|index|summary|contributing|license|licence|changelog|code_of_conduct|_sidebar|sidebar)(\.|$)/i;
/** What only a template says: its name, or fill-in markers where the facts go. */
const TEMPLATE_NAME = /template|example|sample|skeleton|boilerplate/i;
const TEMPLATE_MARKERS = /\{\{[^}]*\}\}|\b(?:yyyy|YYYY)-(?:mm|MM)-(?:dd|DD)\b|\b20xx-|\bHH:mm\b|\[(?:incident|service) name\]|<(?:date|incident[ _-]?name|title)>/;

/** Why a file is not imported (a template, a README), or undefined for a post-mortem. */
export function notAPostMortem(name: string, text: string): string | undefined {
  const base = name.split('/').pop() ?? name;
  if (NOT_INCIDENTS.test(base)) return 'not a post-mortem (a folder index or README)';
  if (TEMPLATE_NAME.test(base)) return 'a template (by its name)';
  const markers = text.match(new RegExp(TEMPLATE_MARKERS.source, 'g')) ?? [];
  if (markers.length >= 2) return `a template (fill-in markers such as \`${markers[0]}\`)`;
  if (text.trim() === '') return 'empty';
  return undefined;
}

/** Split off and read the source's own front matter; a file that cannot be read safely is refused with why. */
export function readSource(file: string, raw: string): SourceDoc | { refused: string } {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (/\u0000/.test(text)) return { refused: 'binary content (NUL bytes)' };
  let body = text;
  let frontMatter: SourceDoc['frontMatter'];
  if (/^---\r?\n/.test(text)) {
    const split = splitFences(text, file, { maxFrontMatterBytes: 64 * 1024 });
    if ('finding' in split) return { refused: `its front matter: ${split.finding.message}` };
    const parsed = parseSafeYaml(split.split.yaml);
    if (parsed.problems.length > 0 || parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
      return { refused: `its front matter: ${parsed.problems[0]?.message ?? 'expected a map of keys and values'}` };
    }
    frontMatter = { text: split.split.yaml, data: parsed.data as Record<string, unknown> };
    body = split.split.body.replace(/^\r?\n/, '');
  }
  return { body, ...(frontMatter ? { frontMatter } : {}), tree: markdownProcessor().parse(body) };
}
