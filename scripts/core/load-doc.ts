// One content file, bytes in: decoded, split, parsed, checked against its kind's schema.
// Pure (no I/O) so that the main thread and the worker threads run exactly the same code.

import { incidentIdsNamed } from './model/names.js';
import type { Diagnostic, Finding } from './diagnostic.js';
import { parseDoc } from './parse/parse-doc.js';
import { findControls } from './parse/controls.js';
import { readZone } from './time/zones.js';
import { scanSecrets } from './secrets.js';
import { Placer } from './place.js';
import { analyseMarkdown } from './markdown/analyse.js';
import type { Policy, RuleSetting, SectionKind } from './policy.js';
import type { Validators } from './validate/compile.js';
import { errorsToFindings } from './validate/to-findings.js';
import type { DocRecord, Folder, Kind } from './model/types.js';

export interface LoadContext {
  validators: Validators;
  policy: Pick<Policy, 'max_file_bytes' | 'max_front_matter_bytes' | 'approximate_minutes'>;
  rules: Record<string, RuleSetting>;
  sections: Record<SectionKind, readonly string[]>;
  /** Lint and analyse Markdown bodies (default true). */
  markdown?: boolean;
  /** Analyse only these bodies (default: every one); see `wholeDocument`. */
  bodies?: BodyScope;
}

/**
 * The bodies a check of some documents analyses: the named files, and every document whose text
 * names one of `needles` (lowercase ids and file names of changed or deleted documents: a body
 * that mentions or links to them may be what the change breaks). The others are read for their
 * front matter only, as references need it.
 */
export interface BodyScope {
  files: readonly string[];
  needles: readonly string[];
}

const scopeSets = new WeakMap<BodyScope, ReadonlySet<string>>();
/** The needles as one case-insensitive search (no lower-cased copy of every document's text). */
const scopeNeedles = new WeakMap<BodyScope, RegExp>();

/** Whether `file` is loaded whole (body analysed, secrets scanned) or for its front matter only. */
export function wholeDocument(file: string, text: string, ctx: Pick<LoadContext, 'bodies'>): boolean {
  const scope = ctx.bodies;
  if (!scope) return true;
  let files = scopeSets.get(scope);
  if (!files) scopeSets.set(scope, (files = new Set(scope.files)));
  if (files.has(file)) return true;
  if (scope.needles.length === 0) return false;
  let needles = scopeNeedles.get(scope);
  if (!needles) scopeNeedles.set(scope, (needles = new RegExp(scope.needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu')));
  return needles.test(text);
}

export interface LoadedDoc {
  record: DocRecord;
  diagnostics: Diagnostic[];
}

const KIND_FOLDER: Record<Kind, Folder> = { contact: 'contacts', plan: 'plans', incident: 'incidents', exercise: 'incidents' };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Normalised form used for file names and uniqueness: NFKC, case-folded. */
export function normaliseId(id: string): string {
  return id.normalize('NFKC').toLowerCase();
}

function badUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Find the first offending byte by decoding growing prefixes line by line.
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(lineStart, i));
      } catch {
        break;
      }
      line++;
      lineStart = i + 1;
    }
  }
  const lossy = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, Math.min(bytes.length, lineStart + 100_000)));
  const bad = lossy.indexOf('\uFFFD');
  return { line, column: bad === -1 ? 1 : bad + 1 };
}

/**
 * Load one file of `folder`. Every problem is a diagnostic; nothing is thrown for content. `whole`
 * (or what it says of the decoded text) false reads the front matter only.
 */
export function loadDoc(file: string, folder: Folder, bytes: Uint8Array, ctx: LoadContext, whole: boolean | ((text: string) => boolean) = true): LoadedDoc {
  const record: DocRecord = { file, folder, valid: false, yaml: '', yamlLine: 2, body: '', bodyLine: 1 };
  const placer = new Placer(() => record, ctx.rules);
  const done = (findings: Finding[]): LoadedDoc => ({
    record,
    diagnostics: findings.map((f) => placer.place(f)).filter((d): d is Diagnostic => d !== undefined),
  });

  if (bytes.length > ctx.policy.max_file_bytes) {
    return done([{
      ruleId: 'parse/too-large', file, line: 1, column: 1,
      message: `Unexpected file larger than ${ctx.policy.max_file_bytes} bytes, expected at most that (\`max_file_bytes\`).`,
      hint: 'Split the document, or move attachments (logs, captures) out of the repository and link to them.',
    }]);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return done([{
      ruleId: 'parse/not-utf8', file, ...badUtf8(bytes),
      message: 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file.',
      hint: 'Re-save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).',
    }]);
  }
  const analyse = typeof whole === 'function' ? whole(text) : whole;

  const parsed = parseDoc(file, text, { maxFrontMatterBytes: ctx.policy.max_front_matter_bytes });
  parsed.findings.push(...findControls(file, text.startsWith('\uFEFF') ? text.slice(1) : text, parsed.data ? parsed.bodyLine : Number.MAX_SAFE_INTEGER));
  Object.assign(record, { yaml: parsed.yaml, yamlLine: parsed.yamlLine, body: parsed.body, bodyLine: parsed.bodyLine });
  if (parsed.yamlDoc) placer.prime(record, parsed.yamlDoc);
  const findings: Finding[] = [...parsed.findings];
  const data = parsed.data;
  if (!data) return done(findings);
  record.data = data;
  record.names = incidentIdsNamed(data, parsed.body);

  if (typeof data.id === 'string') record.id = data.id;
  const kind = data.kind;
  if (kind !== 'contact' && kind !== 'plan' && kind !== 'incident' && kind !== 'exercise') {
    findings.push({
      ruleId: 'schema/kind', file, path: ['kind'], at: kind === undefined ? 'key' : 'value',
      message: kind === undefined
        ? 'Missing required field `kind`, expected one of `contact`, `plan`, `incident`, `exercise`.'
        : `Unexpected kind \`${String(kind)}\`, expected one of \`contact\`, \`plan\`, \`incident\`, \`exercise\`.`,
      hint: `Files in ${folder}/ are ${folder === 'contacts' ? '`kind: contact`' : folder === 'plans' ? '`kind: plan`' : '`kind: incident` or `kind: exercise`'}.`,
    });
    return done(findings);
  }
  record.kind = kind;
  if (KIND_FOLDER[kind] !== folder) {
    findings.push({
      ruleId: 'ref/wrong-folder', file, path: ['kind'], at: 'value',
      message: `Unexpected \`kind: ${kind}\` in ${folder}/, expected it in ${KIND_FOLDER[kind]}/.`,
      hint: `Move the file to ${KIND_FOLDER[kind]}/, or fix \`kind\`.`,
    });
  }
  if (!analyse) record.partial = true;
  else if (ctx.markdown !== false) {
    const zone = typeof data.timezone === 'string' ? readZone(data.timezone) : undefined;
    const analysis = analyseMarkdown(file, parsed.body, parsed.bodyLine, kind, { ...(zone && 'zone' in zone ? { zone: zone.zone } : {}), approxMinutes: ctx.policy.approximate_minutes });
    if ('outline' in analysis) {
      record.outline = analysis.outline;
      record.timeline = analysis.timeline;
    }
    findings.push(...analysis.findings);
  }
  const validate = ctx.validators[kind === 'exercise' ? 'incident' : kind];
  const valid = validate(data);
  findings.push(...errorsToFindings(file, validate.errors));
  record.valid = valid === true;

  if (typeof data.id === 'string') {
    const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
    if (normaliseId(base) !== normaliseId(data.id)) {
      findings.push({
        ruleId: 'ref/file-name', file, path: ['id'], at: 'value',
        message: `Unexpected file name \`${base}.md\` for id \`${data.id}\`, expected \`${normaliseId(data.id)}.md\`.`,
        hint: 'Rename the file after its id (ids are unique, and links and page addresses use them).',
      });
    }
    if (/^(INC|EX)-/.test(data.id) && (kind === 'exercise') !== data.id.startsWith('EX-')) {
      findings.push({
        ruleId: 'schema/pattern', file, path: ['id'], at: 'value',
        message: `Unexpected id \`${data.id}\` for kind \`${kind}\`, expected ${kind === 'exercise' ? '`EX-YYYY-NNN`' : '`INC-YYYY-NNN`'}.`,
        hint: 'Incidents are numbered INC-YYYY-NNN and exercises EX-YYYY-NNN; `npm run new` picks the next free one.',
      });
    }
  }
  return done(findings);
}

/**
 * Load one file and scan it for secrets (credentials pasted into notes). Every loader path — the
 * main thread and the workers — goes through here, so no document is loaded unscanned.
 */
export async function loadDocument(file: string, folder: Folder, bytes: Uint8Array, ctx: LoadContext): Promise<LoadedDoc> {
  // The text is decoded once: for which bodies to analyse, the load and the secret scan.
  let decoded: string | undefined;
  const loaded = loadDoc(file, folder, bytes, ctx, (text) => {
    decoded = text;
    return wholeDocument(file, text, ctx);
  });
  // Too large or not UTF-8 (never decoded), or read for its front matter only: nothing to scan.
  if (decoded === undefined || loaded.record.partial) return loaded;
  const { findings, values } = await scanSecrets(file, decoded.replace(/^\uFEFF/, ''));
  if (values.length === 0) return loaded;
  loaded.record.secrets = values;
  const placer = new Placer(() => loaded.record, ctx.rules);
  for (const f of findings) {
    const d = placer.place(f);
    if (d) loaded.diagnostics.push(d);
  }
  return loaded;
}
