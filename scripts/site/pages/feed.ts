// An Atom (RFC 4287) feed of the incidents in this build. Entry ids are stable URNs derived from
// the incident id, so they stay the same wherever the site moves; links are absolute when the
// origin is known (firebreak.yml `site.origin`, or `build --origin`), else relative to the feed.

import { createHash } from 'node:crypto';
import { escape } from '../html.js';
import { MILESTONES } from '../../core/model/types.js';
import { timesOf } from '../../core/model/times.js';
import { atOf } from '../../core/time/parse.js';
import type { SiteData } from '../site-data.js';
import { written } from '../../core/requirements.js';

/** A stable `urn:uuid:` (RFC 4122 version 5 layout) from a name. */
function urn(name: string): string {
  const h = createHash('sha1').update(`firebreak:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function feed(site: SiteData, origin?: string): string {
  const from = origin ?? site.config.site.origin;
  const link = (path: string) => (from ? from.replace(/\/$/, '') + path : path);
  const updated = (d: SiteData['incidents'][number]) => {
    const m = timesOf(d).milestones;
    const times = MILESTONES.map((k) => atOf(m[k])).filter((t): t is number => t !== undefined && Number.isFinite(t));
    return new Date(times.length ? Math.max(...times) : site.now.ms).toISOString();
  };
  const entries = site.incidents.slice(0, 50);
  const latest = entries.map(updated).sort().at(-1) ?? new Date(site.now.ms).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Firebreak incidents (${escape(site.audience)})</title>
<id>${urn(`feed:${site.audience}`)}</id>
<author><name>${escape(site.config.site.author ?? 'Incident response team')}</name></author>
<generator>Firebreak</generator>
<link rel="self" type="application/atom+xml" href="${escape(link(`${site.base}feed.xml`))}"/>
<link rel="alternate" type="text/html" href="${escape(link(site.base))}"/>
<updated>${latest}</updated>
${entries.map((d) => `<entry>
<title>${escape(`${d.id}: ${d.data.title}`)}</title>
<id>${urn(`incident:${d.id}`)}</id>
<link rel="alternate" type="text/html" href="${escape(link(site.incidentUrl(d)))}"/>
<updated>${updated(d)}</updated>
<summary>${escape(`${d.data.kind === 'exercise' ? 'Exercise' : 'Incident'}, ${d.data.severity}, ${d.data.status}. ${d.data.impact?.summary === undefined ? '' : written(d.data.impact.summary) ?? 'Effects: to be written.'}`.trim())}</summary>
</entry>`).join('\n')}
</feed>
`;
}
