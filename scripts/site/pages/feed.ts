// An Atom feed of the incidents in this build.

import { escape } from '../html.js';
import { MILESTONES } from '../../core/model/types.js';
import { timesOf } from '../../core/model/times.js';
import { atOf } from '../../core/time/parse.js';
import type { SiteData } from '../site-data.js';
import { written } from '../../core/requirements.js';

export function feed(site: SiteData, origin: string): string {
  const abs = (path: string) => origin.replace(/\/$/, '') + path;
  const updated = (d: SiteData['incidents'][number]) => {
    const m = timesOf(d).milestones;
    const times = MILESTONES.map((k) => atOf(m[k])).filter((t): t is number => t !== undefined && Number.isFinite(t));
    return new Date(times.length ? Math.max(...times) : 0).toISOString();
  };
  const entries = site.incidents.slice(0, 50);
  const latest = entries.map(updated).sort().at(-1) ?? new Date(site.now.ms).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Firebreak incidents (${escape(site.audience)})</title>
<id>${escape(abs(site.base))}</id>
<link rel="self" href="${escape(abs(`${site.base}feed.xml`))}"/>
<link href="${escape(abs(site.base))}"/>
<updated>${latest}</updated>
${entries.map((d) => `<entry>
<title>${escape(`${d.id}: ${d.data.title}`)}</title>
<id>${escape(abs(site.incidentUrl(d)))}</id>
<link href="${escape(abs(site.incidentUrl(d)))}"/>
<updated>${updated(d)}</updated>
<summary>${escape(`${d.data.kind === 'exercise' ? 'Exercise' : 'Incident'}, ${d.data.severity}, ${d.data.status}. ${d.data.impact?.summary === undefined ? '' : written(d.data.impact.summary) ?? 'Effects: to be written.'}`.trim())}</summary>
</entry>`).join('\n')}
</feed>
`;
}
