import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { captureIo, copyExample, replaceIn } from '../test/repo.js';

const NOW = '2026-11-23T10:00Z';

async function run(root: string, ...args: string[]) {
  const io = captureIo(root);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

async function checkJson(root: string, ...paths: string[]) {
  const io = captureIo(root);
  await main(['check', ...paths, '--now', NOW, '--format', 'json'], io);
  return JSON.parse(io.out) as { diagnostics: { ruleId: string; severity: string; file: string; line: number }[] };
}

describe('new', () => {
  it('records a new incident from a plan, which passes check except for its prompts', async () => {
    const root = copyExample();
    const r = await run(root, 'new', 'incident', '--title', 'Beacon from a finance laptop', '--summary', 'What we know.', '--severity', 'high', '--commander', 'alice-nguyen', '--visibility', 'internal', '--plan', 'ransomware', '--detected', '2026-11-23T09:12Z', '--now', NOW);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const file = 'incidents/2026/inc-2026-006.md';
    expect(r.out).toContain(`Created ${file}`);
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain('visibility: internal');
    expect(text).toMatch(/participants:\n(  - [a-z-]+\n)+/);
    // Duties are not written as stubs: check shows each with its deadline (the plan's and the regimes').
    expect(text).not.toContain('notifications:');
    expect(text).toContain('## Root cause\n\nTODO: The cause beneath the trigger. If it was a bug');
    expect(text).toContain('## Summary\n\nWhat we know.\n');
    expect(text).toContain('## Timeline\n\n- 2026-11-23T09:12Z [detection] Detected: Beacon from a finance laptop.\n');
    // Nobody said whether personal data is involved: unknown, not a `false` that hides a deadline.
    expect(text).toContain('personal_data: unknown');
    const found = (await checkJson(root, file)).diagnostics;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    // What is still to be written is a warning at its line until its status comes.
    expect([...new Set(found.map((d) => d.ruleId))].sort()).toEqual(['incident/placeholder', 'md/empty-section', 'notify/due', 'notify/may-apply']);
    const due = (found as unknown as { ruleId: string; message: string }[]).filter((d) => d.ruleId === 'notify/due').map((d) => d.message);
    expect(due[0]).toBe('Notify executives (`plan/executives`) due 2026-11-23 10:12 UTC, 1 h from detected (2026-11-23 09:12 UTC): 12 min left.');
  });

  it('takes the next number after the highest, across year folders, and by the year of --started', async () => {
    const root = copyExample();
    writeFileSync(join(root, 'incidents/inc-2026-011.md'), readFileSync(join(root, 'incidents/2026/inc-2026-005.md'), 'utf8').replace('INC-2026-005', 'INC-2026-011'));
    const a = await run(root, 'new', 'incident', '--title', 'A', '--summary', 'What we know.', '--severity', 'low', '--commander', 'bob-okafor', '--visibility', 'internal', '--detected', '2026-11-22T09:00Z', '--now', NOW);
    expect(a.out).toContain('incidents/2026/inc-2026-012.md');
    const b = await run(root, 'new', 'incident', '--title', 'B', '--summary', 'What we know.', '--severity', 'low', '--commander', 'bob-okafor', '--visibility', 'internal', '--started', '2025-12-31T23:00Z', '--detected', '2026-01-01T01:00Z', '--now', NOW);
    expect(b.out).toContain('incidents/2025/inc-2025-001.md');
    const c = await run(root, 'new', 'exercise', '--title', 'Contact drill', '--summary', 'What we know.', '--severity', 'low', '--commander', 'carol-smith', '--visibility', 'internal', '--format', 'contact-drill', '--now', NOW);
    expect(c.out).toContain('incidents/2026/ex-2026-004.md');
  });

  it('takes times at the precision they are known, in any zone, and invents nothing', async () => {
    const root = copyExample();
    const r = await run(root, 'new', 'incident', '--title', 'Skimmer on checkout', '--summary', 'What we know.', '--severity', 'high', '--commander', 'alice-nguyen', '--visibility', 'internal', '--plan', 'ransomware',
      '--started', '2026-10', '--detected', '2026-11-20 9:37 AM PST', '--declared', '~2026-11-20 11:00', '--timezone', 'America/Los_Angeles', '--now', '2026-11-20T19:10Z');
    expect(r.err).toBe('');
    const text = readFileSync(join(root, 'incidents/2026/inc-2026-006.md'), 'utf8');
    expect(text).toContain('timezone: America/Los_Angeles\nstarted: 2026-10\ndetected: 2026-11-20 9:37 AM PST\n');
    // Each time as given, in order; the timeline reads them with the document's zone.
    expect(text).toContain('- 2026-10 Started.\n- 2026-11-20 9:37 AM PST [detection] Detected: Skimmer on checkout.\n');
    // An approximate declaration starts no duty's clock: no due time is invented from it.
    expect(text).not.toMatch(/\n {4}due:/);
    const io = captureIo(root);
    await main(['check', 'incidents/2026/inc-2026-006.md', '--now', '2026-11-20T19:10Z', '--format', 'json'], io);
    expect(JSON.parse(io.out).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['--detected', '1:54 PM', /--detected: Unexpected bare time `1:54 PM` with no date before it/],
    ['--detected', '2026-11-20 09:37 IST', /--detected: Unexpected time zone `IST`, which can mean India, Irish or Israel Standard Time/],
    ['--started', '2026-13-01', /--started: Unexpected month 13/],
    ['--timezone', 'Nowhere', /--timezone: Unexpected time zone `Nowhere`/],
  ])('refuses %s %j with the grammar\'s message', async (flag, value, message) => {
    const root = copyExample();
    const r = await run(root, 'new', 'incident', '--title', 'X', '--summary', 'What we know.', '--severity', 'low', '--commander', 'alice-nguyen', '--visibility', 'internal', flag, value, '--now', NOW);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('never overwrites, even when another writer gets there first', async () => {
    const { createNew } = await import('../io/write.js');
    const root = copyExample();
    const target = join(root, 'contacts/race.md');
    writeFileSync(target, 'first');
    expect(createNew(target, 'second')).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('first');
    expect(createNew(join(root, 'contacts/new-one.md'), 'x')).toBe(true);
  });

  it('picks a free name instead of overwriting, and leaves existing files alone', async () => {
    const root = copyExample();
    const before = readFileSync(join(root, 'contacts/alice-nguyen.md'), 'utf8');
    const r = await run(root, 'new', 'plan', '--from', 'ransomware', '--owner', 'alice-nguyen', '--now', NOW);
    // The slug `ransomware` is taken by the existing plan, so the new one gets another name…
    expect(r.out).toContain('Created plans/ransomware-and-destructive-malware.md');
    // …while a contact whose id exists as a file is refused only if the file exists, so create it twice.
    const first = await run(root, 'new', 'contact', '--name', 'Nina Park', '--type', 'person', '--by', 'carol-smith', '--phone', '+44 20 7946 0199', '--now', NOW);
    expect(first.code).toBe(0);
    writeFileSync(join(root, 'contacts/nina-park-2.md'), 'mine');
    const second = await run(root, 'new', 'contact', '--name', 'Nina Park', '--type', 'person', '--by', 'carol-smith', '--phone', '+44 20 7946 0199', '--now', NOW);
    expect(second.out).toContain('Created contacts/nina-park-3.md');
    expect(readFileSync(join(root, 'contacts/nina-park-2.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(root, 'contacts/alice-nguyen.md'), 'utf8')).toBe(before);
  });

  it.each([
    [['new', 'incident', '--title', 'X', '--summary', 'What we know.', '--severity', 'high', '--visibility', 'internal'], /--commander is required/],
    [['new', 'incident', '--title', 'X', '--summary', 'What we know.', '--severity', 'urgent', '--commander', 'alice-nguyen', '--visibility', 'internal'], /--severity: unexpected `urgent`/],
    [['new', 'incident', '--title', 'X', '--summary', 'What we know.', '--severity', 'high', '--commander', 'nobody', '--visibility', 'internal'], /--commander: no contact `nobody`/],
    [['new', 'contact', '--name', 'X', '--type', 'person', '--by', 'carol-smith'], /at least one channel/],
    [['new', 'plan', '--from', 'zombies', '--owner', 'alice-nguyen'], /--from: unexpected `zombies`/],
    [['new'], /--kind is required/],
  ])('without a terminal, a missing or wrong value is a usage error: %j', async (args, message) => {
    const root = copyExample();
    const r = await run(root, ...args, '--now', NOW);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('builds plans from every playbook, with roles from contacts that declare them, passing check', async () => {
    const root = copyExample();
    for (const book of ['ransomware', 'credential-compromise', 'ddos', 'personal-data-breach', 'vendor-compromise', 'lost-device', 'insider-misuse']) {
      const r = await run(root, 'new', 'plan', '--from', book, '--owner', 'alice-nguyen', '--now', NOW);
      expect(r.code, r.err).toBe(0);
    }
    const text = readFileSync(join(root, 'plans/denial-of-service-against-public-services.md'), 'utf8');
    expect(text).toContain('  network:\n    - dan-reyes\n    - liam-oconnor\n');
    expect(text).toContain('## Containment, eradication and recovery\n\n1. Swing the prefix to scrubbing');
    const errors = (await checkJson(root, 'plans')).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('verify', () => {
  it('updates the verification in place and nothing else, then check passes', async () => {
    const root = copyExample();
    const file = join(root, 'contacts/ico.md');
    const original = readFileSync(file, 'utf8');
    const withExtras = `\uFEFF${original.replace('verified_method: call\n', '').replace('last_verified: 2026-10-20', "last_verified: '2026-08-01'   # checked with the helpline").replace(/\n/g, '\r\n')}`;
    writeFileSync(file, withExtras);
    const r = await run(root, 'verify', 'ico', '--by', 'farah-khan', '--method', 'email', '--now', '2026-11-23');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(withExtras.replace("last_verified: '2026-08-01'", "last_verified: '2026-11-23'").replace('verified_by: farah-khan\r\n', 'verified_by: farah-khan\r\nverified_method: email\r\n'));
    expect((await checkJson(root, 'contacts/ico.md')).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lists contacts due, and verifies only those of them named', async () => {
    const root = copyExample();
    const list = await run(root, 'verify', '--all-due', '--now', '2026-11-23');
    expect(list.out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['dan-reyes', 'netops']);
    const r = await run(root, 'verify', '--all-due', 'dan-reyes', 'alice-nguyen', '--by', 'carol-smith', '--now', '2026-11-23');
    expect(r.out).toContain('Verified dan-reyes on 2026-11-23');
    expect(r.err).toContain('alice-nguyen is not due');
    expect(readFileSync(join(root, 'contacts/alice-nguyen.md'), 'utf8')).toContain('last_verified: 2026-10-06');
  });

  it.each([
    [['verify', 'ico'], /--by is required/],
    [['verify', 'ico', '--by', 'kwame-mensah'], /not an active contact/],
    [['verify', 'ico', '--by', 'farah-khan', '--date', '2027-01-01'], /after today/],
  ])('refuses %j', async (args, message) => {
    const r = await run(copyExample(), ...args, '--now', '2026-11-23');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('report', () => {
  it.each([
    ['INC-2026-001', ['MFA was not enforced on the legacy VPN profile', 'Network Operations: 47 min', '| Time to contain | 1 h 51 min |', '| Time to resolve | 1 d 15 h |', 'notify executives (plan/executives): met 2026-02-10 04:30 UTC', '| Give secops read-only packet capture on the core routers and VPN concentrator | Dan Reyes | 2026-04-30 | verified |', 'Nothing: every lesson is verified'], []],
    ['INC-2026-003', ['notify the supervisory authority (uk-gdpr/authority): met 2026-06-24 15:30 UTC, 18 h 10 min before the deadline', 'Not applicable: eu-gdpr/authority (The exports held UK delivery customers only', 'Customers affected: 4,212.', 'Lesson "Turn on access logging for every bucket that holds personal data" (Liam O\'Connor) is implemented'], ['Nothing: every lesson']],
    ['INC-2026-005', ['The incident is open, not closed.', 'Not yet established.'], []],
    ['EX-2026-001', ['# Exercise report: EX-2026-001', 'Lesson "State in the ransomware plan who may take the ERP offline out of hours" (Alice Nguyen) is implemented, due 2026-11-30.'], []],
  ])('%s states its facts', async (id, facts, absent) => {
    const r = await run(copyExample(), 'report', id, '--now', '2026-11-23');
    expect(r.code).toBe(0);
    for (const f of facts) expect(r.out).toContain(f);
    for (const f of absent) expect(r.out).not.toContain(f);
  });

  it('writes HTML to a new file, never over an existing one', async () => {
    const root = copyExample();
    expect((await run(root, 'report', 'INC-2026-002', '--format', 'html', '--out', 'r.html', '--now', '2026-11-23')).code).toBe(0);
    const html = readFileSync(join(root, 'r.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>DDoS against the customer portal during the spring peak</h1>');
    const again = await run(root, 'report', 'INC-2026-002', '--format', 'html', '--out', 'r.html', '--now', '2026-11-23');
    expect(again.code).toBe(1);
    expect(existsSync(join(root, 'r.html'))).toBe(true);
  });
});

describe('lessons', () => {
  it.each([
    [['--status', 'overdue'], []],
    [['--status', 'unverified'], ['EX-2026-001 shutdown-authority', 'INC-2026-003 access-logging']],
    [['--owner', 'dan-reyes'], ['INC-2026-001 netops-rota', 'INC-2026-001 pcap-access', 'INC-2026-002 always-on', 'EX-2026-003 swing-runbook']],
  ])('%j', async (args, expected) => {
    const r = await run(copyExample(), 'lessons', ...args, '--format', 'json', '--now', '2026-11-23');
    expect((JSON.parse(r.out) as { incident: string; id: string }[]).map((l) => `${l.incident} ${l.id}`).sort()).toEqual(expected.sort());
  });

  it('overdue appears as time passes', async () => {
    const r = await run(copyExample(), 'lessons', '--status', 'overdue', '--now', '2027-01-05');
    expect(r.out).toContain('OVERDUE');
    expect(r.out).toContain('Decide whether the public API prefix');
  });

  it('gives a calendar that a calendar library reads back', async () => {
    const root = copyExample();
    replaceIn(root, 'incidents/2026/inc-2026-002.md', 'title: Decide whether the public API prefix needs always-on scrubbing too', 'title: "Decide; whether, the API prefix needs scrubbing \\\\ too, with a long title that must be folded across several lines"');
    const r = await run(root, 'lessons', '--format', 'ics', '--now', '2026-11-23');
    expect(r.out).toMatch(/\r\n/);
    const cal = new ICAL.Component(ICAL.parse(r.out));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toContain('Lesson due: Decide; whether, the API prefix needs scrubbing \\ too, with a long title that must be folded across several lines');
    expect(summaries).toContain('Verify contact: Dan Reyes');
    expect(summaries).toContain('Review plan: Ransomware and destructive malware');
    expect(summaries).toContain('Exercise plan: Denial of service against public services');
    const dan = events.find((e) => e.summary === 'Verify contact: Dan Reyes')!;
    expect(dan.startDate.toString()).toBe('2026-12-02');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});
