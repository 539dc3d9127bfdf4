// The report for senior staff as HTML: the same report model as `npm run report`, on the site and
// as a standalone file.

import { dutyLines, type IncidentReport } from '../../core/brief/incident-report.js';
import { html, raw, type Raw } from '../html.js';
import { renderMarkdown, type LinkTarget } from '../markdown.js';

const NO_LINKS: LinkTarget = { byFile: () => undefined, byId: () => undefined };

export function reportFragment(r: IncidentReport, md: (text: string) => string = (t) => renderMarkdown(t, '', NO_LINKS, '/'), level: 1 | 3 = 1): Raw {
  const h = (text: string) => (level === 1 ? html`<h2>${text}</h2>` : html`<h4>${text}</h4>`);
  const list = (items: string[]) => html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
  return html`<article class="report">
<p class="kicker">${r.kind === 'exercise' ? 'Exercise' : 'Incident'} report · ${r.id}</p>
${level === 1 ? html`<h1>${r.title}</h1>` : html`<h3>${r.title}</h3>`}
<p>Severity <strong>${r.severity}</strong>, status <strong>${r.status}</strong>, as of ${r.asOf}.</p>
${h('What happened')}${r.summary ? raw(md(r.summary)) : html`<p class="to-write">To be written.</p>`}
${h('Cause')}${r.cause ? html`<p>${r.cause.summary}${r.cause.type ? ` (${r.cause.type})` : ''}</p>${r.cause.similar ? html`<p>Similar causes looked for: ${r.cause.similar}</p>` : html``}` : html`<p class="none">Not yet established.</p>`}
${h('Effects')}${r.effects.length ? list(r.effects) : html`<p class="none">Not yet recorded.</p>`}
${h('How it was handled')}
${r.durations.length ? html`<table><caption class="sr-only">Durations</caption><thead><tr><th scope="col">Step</th><th scope="col">Took</th><th scope="col">How well it is known</th></tr></thead><tbody>${r.durations.map((d) => html`<tr><td>${d.label}</td><td>${d.shown}</td><td>${d.note ?? 'exact'}</td></tr>`)}</tbody></table>` : html``}
${r.engaged.length ? html`<p>Who was engaged, and how long it took:</p>${list(r.engaged.map((e) => `${e.who}: ${e.took}${e.note ? ` (${e.note})` : ''}${e.issue ? ` — ${e.issue}` : ''}`))}` : html``}
${h('Where the process worked')}${r.worked.length ? list(r.worked) : html``}${r.wentWell ? raw(md(r.wentWell)) : html``}${!r.worked.length && !r.wentWell ? html`<p class="none">Not yet recorded.</p>` : html``}
${h('Where it failed')}${r.failed.length ? list(r.failed) : html``}${r.wentPoorly ? raw(md(r.wentPoorly)) : html``}${!r.failed.length && !r.wentPoorly ? html`<p class="none">Not yet recorded.</p>` : html``}
${h('Notification duties')}${dutyLines(r).length ? list(dutyLines(r)) : html`<p class="none">No notification duty is declared for this incident.</p>`}
${!r.duties.length || r.notifications.length ? html`${h(r.duties.length ? 'Other notifications' : 'Notifications')}${r.notifications.length ? list(r.notifications.map((n) => `${n.audience}: ${n.state}${n.when && n.state !== 'sent, time unknown' ? ` ${n.when}` : ''}${n.afterDetection ? `, ${n.afterDetection} after detection` : ''}${n.due ? ` (due ${n.due})` : ''}${n.why ? ` — ${n.why}` : ''}`)) : html`<p class="none">None recorded.</p>`}` : html``}
${h('Lessons')}${r.lessons.length ? html`<table><caption class="sr-only">Lessons</caption><thead><tr><th scope="col">Lesson</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>${r.lessons.map((l) => html`<tr><td>${l.title}</td><td>${l.ownerName}</td><td>${l.due ?? '—'}</td><td>${l.status}${l.overdue ? ' (overdue)' : ''}</td></tr>`)}</tbody></table>` : html`<p class="none">None recorded yet.</p>`}
${r.changes.length ? html`${h('What the lessons changed')}${list(r.changes.map((c) => `"${c.lesson}": ${c.target}${c.section ? ` (${c.section})` : ''}, ${c.recorded ? `changed ${c.recorded}` : 'not yet changed'}`))}` : html``}
${r.recurrences.length ? html`${h('Recurrences')}${list(r.recurrences)}` : html``}
${h('What remains open')}${r.open.length ? list(r.open) : html`<p>Nothing: every lesson is verified or won't fix, and every notification was made.</p>`}
${r.toWrite.length ? html`<p>Still to be written:</p>${list(r.toWrite.map((t) => `${t.what === 'section' ? `the ${t.name} section` : t.name} (needed from status ${t.since})`))}` : html``}
</article>`;
}

/** A standalone HTML file (for `npm run report -- ID --format html`). */
export function reportDocument(r: IncidentReport): string {
  return `<!DOCTYPE html>\n${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${r.id} report</title>
<style>${raw('body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d0d7de}.kicker{color:#57606a;text-transform:uppercase;font-size:.8rem}.none{color:#57606a}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}')}</style></head>
<body>${reportFragment(r)}</body></html>`.value}\n`;
}
