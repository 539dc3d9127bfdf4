// `serve`'s first answer to an edit: the edited documents' own pages, from the last build's
// documents with those read again. Every rule still runs on the whole model, so the page shows
// what a full build would; the pages of other documents that mention the edit (indexes, a
// contact's list of incidents) wait for the full rebuild that follows at once.
// Pure: reading the edited files and writing the pages is the caller's.

import { collectDiagnostics } from '../core/check.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadDocument, type LoadContext } from '../core/load-doc.js';
import { buildModel } from '../core/model/build.js';
import type { Now } from '../core/model/time.js';
import type { DocRecord } from '../core/model/types.js';
import { Placer } from '../core/place.js';
import type { Config } from '../core/policy.js';
import type { Audience } from './audience.js';
import { callSheetPage, contactPage, incidentPage, planPage } from './pages/index.js';
import { buildSiteData, pagePath, type SiteData } from './site-data.js';

/** What the last build loaded: every document, and every diagnostic before the audience's filter. */
export interface LastBuild {
  records: readonly DocRecord[];
  diagnostics: readonly Diagnostic[];
  config: Config;
  ctx: LoadContext;
  audience: Audience;
  base: string;
}

export interface EditedFile {
  /** Its path in the repository, as the last build loaded it. */
  file: string;
  bytes: Uint8Array;
}

export interface QuickPage {
  /** Where it is written, relative to the output folder (`incidents/inc-2024-001/index.html`). */
  path: string;
  html: string;
}

/**
 * The pages of documents the last build had, as they are after `edited`, and the build to start
 * from next time. Nothing for a file the last build did not have (a new or renamed document waits
 * for the full build), and nothing for a document this build does not show.
 */
export async function editedPages(last: LastBuild, edited: readonly EditedFile[], now: Now): Promise<{ pages: QuickPage[]; next: LastBuild }> {
  const byFile = new Map(last.records.map((r) => [r.file, r]));
  const fresh = new Map<string, { record: DocRecord; diagnostics: Diagnostic[] }>();
  for (const e of edited) {
    const before = byFile.get(e.file);
    if (!before) continue;
    const loaded = await loadDocument(e.file, before.folder, e.bytes, last.ctx);
    fresh.set(e.file, loaded);
    byFile.set(e.file, loaded.record);
  }
  const records = last.records.map((r) => byFile.get(r.file)!);
  const { model, findings } = buildModel(records);
  const placer = new Placer((file) => byFile.get(file), last.config.rules);
  const changed = new Set(fresh.keys());
  // Findings in other files are the last build's until the full rebuild: only the edited files'
  // own are found again (rules about one document run on those alone; the others on the model).
  const diagnostics: Diagnostic[] = last.diagnostics.filter((d) => !changed.has(d.file));
  for (const { diagnostics: own } of fresh.values()) diagnostics.push(...own);
  for (const f of findings) {
    if (!changed.has(f.file)) continue;
    const d = placer.place(f);
    if (d) diagnostics.push(d);
  }
  const checked = collectDiagnostics({ model, config: last.config, placer, diagnostics, only: changed, reported: (file) => changed.has(file) }, now);
  const site = buildSiteData({ model, diagnostics: checked.diagnostics, now, audience: last.audience, base: last.base, policy: last.config.policy, config: last.config });
  const pages = [...changed].flatMap((file) => pagesOf(site, byFile.get(file)!));
  return { pages, next: { ...last, records, diagnostics: checked.diagnostics } };
}

/** The pages a build writes for one document: none when the build does not show it. */
export function pagesOf(site: SiteData, doc: DocRecord): QuickPage[] {
  if (doc.id === undefined || !doc.valid) return [];
  const at = (sub = '') => `${pagePath(doc).slice(1)}${sub}index.html`;
  if (doc.kind === 'contact') {
    const view = site.contact(doc.id);
    return view ? [{ path: at(), html: contactPage(site, view) }] : [];
  }
  if (doc.kind === 'plan') {
    const view = site.plan(doc.id);
    return view ? [{ path: at(), html: planPage(site, view) }, { path: at('call-sheet/'), html: callSheetPage(site, view) }] : [];
  }
  const incident = site.incidents.find((d) => d.file === doc.file);
  return incident ? [{ path: at(), html: incidentPage(site, incident) }] : [];
}
