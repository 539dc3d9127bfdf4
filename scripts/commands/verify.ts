// `verify`: record that a contact's details were confirmed, editing only the verification
// fields in place (comments, order, quoting, line endings and the body stay as they were).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { editFrontMatter } from '../core/edit/front-matter-edit.js';
import { loadDoc } from '../core/load-doc.js';
import { contactDueDay } from '../core/model/derive.js';
import { dayOf, formatDay, parseDate } from '../core/model/time.js';
import { resolveNow, UsageError } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { loadValidators } from '../io/kit.js';
import { loadRepo } from '../io/load-repo.js';
import { replaceFile } from '../io/write.js';

export const VERIFY_USAGE = `Usage: firebreak verify <contact-id>… --by <contact-id> [--method call|email|chat|drill|in-person] [--date YYYY-MM-DD]
       firebreak verify --all-due                      list contacts stale or due within the due-soon window
       firebreak verify --all-due <id>… --by <id>      verify those of them named
Sets last_verified, verified_by and verified_method in place. [--root DIR] [--now DATE]`;

const METHODS = ['call', 'email', 'chat', 'drill', 'in-person'];

export async function verify(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      by: { type: 'string' }, method: { type: 'string', default: 'call' }, date: { type: 'string' },
      'all-due': { type: 'boolean' }, root: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${VERIFY_USAGE}\n`);
    return 0;
  }
  const now = resolveNow(values.now, io.env);
  const root = resolve(io.cwd, values.root ?? '.');
  const repo = await loadRepo(root, { markdown: false });
  const policy = repo.config.policy;
  const today = dayOf(now.ms);
  const due = [...repo.model.contacts.values()]
    .filter((c) => c.data.status === 'active')
    .map((c) => ({ c, left: (contactDueDay(c.data, policy) ?? 0) - today }))
    .filter((x) => x.left <= policy.contact_due_soon_days)
    .sort((a, b) => a.left - b.left);

  if (values['all-due'] && positionals.length === 0) {
    if (due.length === 0) io.stdout(`No contact is stale or due within ${policy.contact_due_soon_days} days (as of ${now.date}).\n`);
    for (const { c, left } of due) io.stdout(`${c.id.padEnd(24)} ${left < 0 ? `stale for ${-left} d` : `due in ${left} d`}  last verified ${c.data.last_verified}  ${c.data.name}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name the contact(s) to verify, or use --all-due to list those due');
  if (!values.by) throw new UsageError('--by is required: the contact id of who verified the details');
  const by = repo.model.contacts.get(values.by);
  if (!by || by.data.status !== 'active') throw new UsageError(`--by: \`${values.by}\` is not an active contact`);
  const method = values.method ?? 'call';
  if (!METHODS.includes(method)) throw new UsageError(`--method: unexpected \`${method}\`, expected one of ${METHODS.join(', ')}`);
  const date = values.date ?? now.date;
  if (parseDate(date) === undefined) throw new UsageError(`--date: unexpected \`${date}\`, expected YYYY-MM-DD`);
  if (parseDate(date)! > today) throw new UsageError(`--date: ${date} is after today (${now.date})`);
  const dueIds = new Set(due.map((d) => d.c.id));

  const validators = await loadValidators();
  let failed = 0;
  for (const id of positionals) {
    const contact = repo.model.contacts.get(id);
    if (!contact) {
      io.stderr(`firebreak verify: no valid contact \`${id}\` (run check to see why)\n`);
      failed++;
      continue;
    }
    if (values['all-due'] && !dueIds.has(id)) {
      io.stderr(`firebreak verify: ${id} is not due (last verified ${contact.data.last_verified}); skipped\n`);
      continue;
    }
    const path = join(root, contact.file);
    const before = readFileSync(path, 'utf8');
    const after = editFrontMatter(before, { last_verified: date, verified_by: by.id, verified_method: method }, 'verified_by');
    // The edited file must still load cleanly: never write something check would refuse.
    const reloaded = after === undefined ? undefined : loadDoc(contact.file, 'contacts', new TextEncoder().encode(after), { validators, policy, rules: {}, sections: repo.config.sections, markdown: false });
    if (!after || !reloaded?.record.valid || reloaded.diagnostics.some((d) => d.severity === 'error')) {
      io.stderr(`firebreak verify: could not update ${contact.file} safely; it was left unchanged\n`);
      failed++;
      continue;
    }
    if (after !== before) replaceFile(path, after);
    io.stdout(`Verified ${id} on ${date} by ${by.id} (${method}); next due ${formatDay(contactDueDay(contact.data, policy, date)!)}.\n`);
  }
  return failed > 0 ? 1 : 0;
}
