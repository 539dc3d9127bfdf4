// `new`: scaffold a document with the next free id, today's date and every required section.

import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freeSlug, nextNumber, slugify } from '../core/authoring/ids.js';
import { PLAYBOOKS } from '../core/authoring/playbooks.js';
import { scaffoldContact, scaffoldIncident, scaffoldPlan } from '../core/authoring/scaffold.js';
import { formatInstant } from '../core/model/time.js';
import { atOf, parseTime, type TimeContext } from '../core/time/parse.js';
import { readZone } from '../core/time/zones.js';
import { SEVERITIES, type Channel } from '../core/model/types.js';
import { ask } from '../io/ask.js';
import { resolveNow, UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { loadRepo } from '../io/load-repo.js';
import { createNew } from '../io/write.js';
import { takenOn } from '../io/taken.js';

export const NEW_USAGE = `Usage: firebreak new <incident|exercise|contact|plan> [options]

  incident, exercise
    --title T  --summary TEXT  --severity critical|high|medium|low|unknown  --commander ID
    --visibility internal|restricted|public   (no default: a wrong one would publish it)
    [--plan ID] [--detected TIME (default now)] [--started TIME] [--declared TIME] [--timezone ZONE]
      TIME as docs/time.md: 2026-03-14T01:10Z, "2026-03-14 09:37 PST", 2026-03-14, "~18:00 Europe/London", unknown…
    [--category C] [--personal-data | --no-personal-data (default: unknown)]
    [--format tabletop|contact-drill|simulation|red-team (exercise)]
  contact
    --name N  --type person|team|vendor|external  --by ID (who verified the details)  [--id SLUG]
    [--title T] [--team ID] [--role R]… [--phone P] [--email E] [--chat C] [--pager P]
  plan
    --owner ID  (--from ${Object.keys(PLAYBOOKS).join('|')} | --title T)
  common: [--root DIR] [--now DATE] [--base REF (ids taken there count too; default origin/HEAD)]
Missing values are asked for on a terminal; elsewhere (CI, scripts) they are a usage error.
Never overwrites a file: if the target exists, nothing is written and the exit code is 1.`;

// Fail closed: the least exposing choices first, so that pressing Enter never publishes.
const VISIBILITIES = ['internal', 'restricted', 'public'];
const TYPES = ['person', 'team', 'vendor', 'external'];

export async function newDocument(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      title: { type: 'string' }, severity: { type: 'string' }, commander: { type: 'string' }, visibility: { type: 'string' },
      plan: { type: 'string' }, detected: { type: 'string' }, started: { type: 'string' }, declared: { type: 'string' }, timezone: { type: 'string' },
      category: { type: 'string' }, 'personal-data': { type: 'boolean' }, 'no-personal-data': { type: 'boolean' }, format: { type: 'string' }, summary: { type: 'string' },
      name: { type: 'string' }, type: { type: 'string' }, by: { type: 'string' }, team: { type: 'string' },
      role: { type: 'string', multiple: true }, phone: { type: 'string' }, email: { type: 'string' }, chat: { type: 'string' }, pager: { type: 'string' },
      owner: { type: 'string' }, from: { type: 'string' }, id: { type: 'string' },
      root: { type: 'string' }, now: { type: 'string' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${NEW_USAGE}\n`);
    return 0;
  }
  const kind = await ask(io, positionals[0], { flag: 'kind', message: 'What do you want to record?', options: ['incident', 'exercise', 'contact', 'plan'] });
  if (positionals.length > 1) throw new UsageError(`unexpected \`${positionals[1]}\`; values go in flags (see --help)`);
  const now = resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  const repo = await loadRepo(root, { markdown: false });
  const model = repo.model;
  // Numbers another branch already merged (origin/HEAD, or --base) are taken too.
  const { ids: taken, base } = takenOn(root, model, values.base);
  const contactId = (flag: string, id: string | undefined) => {
    if (id !== undefined && !model.contacts.has(id)) throw new UsageError(`--${flag}: no contact \`${id}\` in contacts/`);
    return id;
  };
  let file: string;
  let text: string;
  const notes: string[] = [];

  if (kind === 'incident' || kind === 'exercise') {
    const title = (await ask(io, values.title, { flag: 'title', message: 'Title (short, blameless)' }))!;
    const summary = (await ask(io, values.summary, { flag: 'summary', message: kind === 'exercise' ? 'Summary: what is being exercised, and why' : 'Summary: what is known now, in a sentence or two' }))!;
    const severity = (await ask(io, values.severity, { flag: 'severity', message: 'Severity', options: SEVERITIES }))!;
    const commander = contactId('commander', await ask(io, values.commander, { flag: 'commander', message: 'Incident commander (contact id)' }))!;
    const visibility = (await ask(io, values.visibility, { flag: 'visibility', message: 'Who may read it', options: VISIBILITIES, initial: 'internal' }))!;
    const plan = await ask(io, values.plan, { flag: 'plan', message: 'Plan followed (id, optional)', optional: true });
    if (plan !== undefined && !model.plans.has(plan)) throw new UsageError(`--plan: no plan \`${plan}\`; plans: ${[...model.plans.keys()].join(', ')}`);
    let ctx: TimeContext = {};
    if (values.timezone !== undefined) {
      const z = readZone(values.timezone);
      if ('error' in z) throw new UsageError(`--timezone: ${z.error}. ${z.hint}`);
      ctx = { zone: z.zone, zoneFrom: '--timezone' };
    }
    // Any form of the time grammar, at the precision the responder knows it; refused with its hint.
    const time = (flag: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      const parsed = parseTime(v, ctx);
      if ('error' in parsed) throw new UsageError(`--${flag}: ${parsed.error.message}. ${parsed.error.hint}`);
      return { text: v, at: atOf(parsed.value) };
    };
    const detected = time('detected', values.detected) ?? { text: formatInstant(now.ms), at: now.ms };
    const started = time('started', values.started);
    const declared = time('declared', values.declared);
    const year = new Date(started?.at ?? detected.at ?? now.ms).getUTCFullYear();
    const id = nextNumber(kind === 'exercise' ? 'EX' : 'INC', year, taken);
    file = `incidents/${year}/${id.toLowerCase()}.md`;
    const input = { id, kind, title, severity, visibility, commander, detected: detected.text, ...(started ? { started: started.text } : {}), ...(declared ? { declared: declared.text } : {}), ...(values.timezone ? { timezone: values.timezone } : {}), ...(values.category ? { category: values.category } : {}), ...(plan ? { plan } : {}), personalData: personalData(values['personal-data'], values['no-personal-data']), summary, ...(values.format ? { format: values.format } : {}) } as const;
    text = scaffoldIncident(input, model, repo.config.sections[kind]);
    if (plan) notes.push(`Participants and pending notifications come from plan ${plan}.`);
    if (base) notes.push(`${id} is free here and on ${base}.`);
  } else if (kind === 'contact') {
    const name = (await ask(io, values.name, { flag: 'name', message: 'Name of the person or organisation' }))!;
    const type = (await ask(io, values.type, { flag: 'type', message: 'Type', options: TYPES }))!;
    const by = contactId('by', await ask(io, values.by, { flag: 'by', message: 'Who verified these details (your contact id)' }))!;
    const channels: Channel[] = [];
    const phone = values.phone ?? (values.email || values.chat || values.pager ? undefined : await ask(io, undefined, { flag: 'phone', message: 'Phone (optional)', optional: true }));
    if (values.pager) channels.push({ type: 'pager', value: values.pager });
    if (phone) channels.push({ type: 'phone', value: phone });
    if (values.email) channels.push({ type: 'email', value: values.email });
    if (values.chat) channels.push({ type: 'chat', value: values.chat });
    if (channels.length === 0) throw new UsageError('a contact needs at least one channel: --phone, --email, --chat or --pager');
    contactId('team', values.team);
    const id = freeSlug(slugFor(values.id, name), taken);
    file = `contacts/${id}.md`;
    text = scaffoldContact({ id, type, name, channels, verifiedBy: by, today: now.date, ...(values.title ? { title: values.title } : {}), ...(values.team ? { team: values.team } : {}), ...(values.role ? { roles: values.role } : {}) }, repo.config.sections.contact);
  } else if (kind === 'plan') {
    const from = values.from;
    if (from !== undefined && !PLAYBOOKS[from]) throw new UsageError(`--from: unexpected \`${from}\`, expected one of ${Object.keys(PLAYBOOKS).join(', ')}`);
    const title = from ? values.title : await ask(io, values.title, { flag: 'title', message: 'Title of the plan' });
    const owner = contactId('owner', await ask(io, values.owner, { flag: 'owner', message: 'Owner (contact id)' }))!;
    const id = freeSlug(slugFor(values.id, title ?? PLAYBOOKS[from!]!.title), taken);
    file = `plans/${id}.md`;
    const plan = scaffoldPlan({ id, owner, today: now.date, ...(title ? { title } : {}), ...(from ? { playbook: from } : {}) }, model, repo.config.sections.plan);
    text = plan.text;
    if (plan.unfilled.length) notes.push(`No active contact declares: ${plan.unfilled.join(', ')}. Add those roles when someone takes them.`);
  } else {
    throw new UsageError(`unexpected kind \`${kind}\`, expected incident, exercise, contact or plan`);
  }

  const path = join(root, file);
  if (!createNew(path, text)) {
    io.stderr(`firebreak new: ${relative(io.cwd, path) || file} already exists; nothing was written.\n`);
    return 1;
  }
  io.stdout(`Created ${file} (as of ${now.date}).\n${notes.map((n) => `${n}\n`).join('')}Next: replace the TODO prompts, then run \`npm run check -- ${file}\`.\n`);
  return 0;
}

/** --personal-data / --no-personal-data; neither means nobody knows yet. */
function personalData(yes: boolean | undefined, no: boolean | undefined): boolean | 'unknown' {
  if (yes && no) throw new UsageError('give --personal-data or --no-personal-data, not both');
  return yes ? true : no ? false : 'unknown';
}

/** The id to write: --id as given (checked), else the name transliterated; never empty or hidden. */
function slugFor(given: string | undefined, name: string): string {
  if (given !== undefined) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(given) || given.length > 80) throw new UsageError(`--id: unexpected \`${given}\`, expected a lowercase slug such as \`nina-park\``);
    return given;
  }
  const slug = slugify(name);
  if (slug === '') throw new UsageError(`cannot make an id from \`${name}\`; give one with --id, such as --id nina-park`);
  return slug;
}
