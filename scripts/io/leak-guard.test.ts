import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rng } from '../bench/corpus.js';
import type { Withheld } from '../site/audience.js';
import { compile, findLeaks, findLeaksParallel, guardLimits, LeakScanner, markupSegments, normalise, pageSize, readable, startLeakGuard, utf16Units, whenComplete } from './leak-guard.js';

const text = (value: string, field = 'title'): Withheld => ({ value, kind: 'text', file: 'incidents/inc-2026-003.md', field });
const phone = (value: string): Withheld => ({ value, kind: 'phone', file: 'contacts/ann-lee.md', field: 'channels[0]' });

/** One output file with `content`, and what the guard finds in it for `withheld`. */
function leaks(name: string, content: string | Uint8Array, withheld: Withheld[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', name), content);
  return findLeaks(dir, withheld).map((l) => `${l.file} ${l.from} ${l.field}`);
}

/** The same file, through the guard that reads pages while the site is written (told of it before it is written). */
async function streamed(name: string, content: string | Uint8Array, withheld: Withheld[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
  mkdirSync(join(dir, 'sub'));
  const guard = startLeakGuard(dir, withheld, 1);
  guard.page(`sub/${name}`, typeof content === 'string' ? pageSize(content) : { bytes: content.length });
  await new Promise((r) => setTimeout(r, 50));
  writeFileSync(join(dir, 'sub', name), content);
  return (await guard.finish()).map((l) => `${l.file} ${l.from} ${l.field}`);
}

/** The same page, its text handed to the guard as rendered, then written as the build writes it. */
async function asRendered(name: string, content: string, withheld: Withheld[]): Promise<{ found: string[]; early: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
  mkdirSync(join(dir, 'sub'));
  const guard = startLeakGuard(dir, withheld, 2);
  guard.rendered(`sub/${name}`, content);
  writeFileSync(join(dir, 'sub', name), content);
  guard.page(`sub/${name}`, pageSize(content));
  return { found: (await guard.finish()).map((l) => `${l.file} ${l.from} ${l.field}`), early: guard.readEarly() };
}

describe('the leak guard reads what a person would read', () => {
  const HIT = (name: string, w: Withheld) => [`sub/${name} ${w.file} ${w.field}`];
  it.each([
    ['an id in text', 'page.html', '<p>See INC-2026-003 now</p>', text('INC-2026-003', 'id'), true],
    ['not inside a longer id', 'page.html', '<p>INC-2026-0031</p>', text('INC-2026-003', 'id'), false],
    ['a title with & written as &amp;', 'page.html', '<h1>Payroll &amp; HR export leaked</h1>', text('Payroll & HR export leaked'), true],
    ['a title with numeric entities', 'page.html', '<h1>Payroll &#38; HR export &#x6C;eaked</h1>', text('Payroll & HR export leaked'), true],
    ['a name beyond Latin-1 written as references (as site pages write it)', 'page.html', '<p>&#321;ukasz Nowak &#8212; on call</p>', text('Łukasz Nowak', 'name'), true],
    ['a title in another case and spacing', 'page.html', '<h1>PAYROLL   &amp;\n HR EXPORT LEAKED</h1>', text('Payroll & HR export leaked'), true],
    ['a title in full-width letters (NFKC)', 'page.html', '<p>ＰＡＹＲＯＬＬ & HR export leaked</p>', text('Payroll & HR export leaked'), true],
    ['a title in an attribute', 'page.html', '<a title="Payroll &amp; HR export leaked" href="/">x</a>', text('Payroll & HR export leaked'), true],
    ['an e-mail in a percent-encoded mailto: link', 'page.html', '<a href="mailto:ann.lee%40example.org">write</a>', text('ann.lee@example.org', 'channels[1]'), true],
    ['a phone with other spacing', 'page.html', '<p>call +44 (0)20-7946-0101</p>', phone('+44 20 7946 0101'), true],
    ['a phone with non-breaking spaces', 'page.html', '<p>call 020&nbsp;7946&nbsp;0101</p>', phone('+44 20 7946 0101'), true],
    ['a phone in national form', 'page.html', '<p>020 7946 0101</p>', phone('+44 20 7946 0101'), true],
    ['a different phone', 'page.html', '<p>020 7946 0102</p>', phone('+44 20 7946 0101'), false],
    ['a title in the feed', 'feed.xml', '<feed><entry><title>INC-2026-003: Payroll &amp; HR export leaked</title></entry></feed>', text('Payroll & HR export leaked'), true],
    ['a title folded across calendar lines', 'calendar.ics', 'BEGIN:VEVENT\r\nSUMMARY:Lesson due: Payroll & HR ex\r\n port leaked\\, again\r\nEND:VEVENT\r\n', text('Payroll & HR export leaked'), true],
    ['a title in JSON with escapes', 'data.json', JSON.stringify({ t: 'Payroll \u0026 HR export leaked' }).replace('&', '\\u0026'), text('Payroll & HR export leaked'), true],
    ['a title in the compressed search index', 'fragment.pf_fragment', gzipSync(Buffer.from('pagefind_dcd{"content":"Payroll & HR export leaked"}')), text('Payroll & HR export leaked'), true],
    ['a secret in a script', 'app.js', 'const hook = "https://hooks.slack.com/services/T0/B0/abc"', text('https://hooks.slack.com/services/T0/B0/abc', 'a secret'), true],
    ['a name across table cells (each element a word break)', 'page.html', '<table><tr><td>Ann</td><td>Lee</td></tr></table>', text('Ann Lee', 'name'), true],
    ['a name across an element opened and closed', 'page.html', '<p>Ann<span>Lee</span></p>', text('Ann Lee', 'name'), true],
    ['a name split by a stray closing tag reads whole', 'page.html', '<p>Ann Le</i>e</p>', text('Ann Lee', 'name'), true],
    ['a name split by an open element is not a name', 'page.html', '<p>Ann Le<b>e</b></p>', text('Ann Lee', 'name'), false],
    ['binary files are skipped', 'img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x49, 0x4e, 0x43]), text('INC', 'id'), false],
  ])('%s', async (_name, file, content, withheld, found) => {
    expect(leaks(file, content, [withheld])).toEqual(found ? HIT(file, withheld) : []);
    // The same, read while the build writes it.
    expect(await streamed(file, content, [withheld])).toEqual(found ? HIT(file, withheld) : []);
    // And read as rendered, the file then found identical.
    if (typeof content === 'string') expect(await asRendered(file, content, [withheld])).toEqual({ found: found ? HIT(file, withheld) : [], early: 1 });
  });

  it('names the document and field, never the value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    writeFileSync(join(dir, 'p.html'), '<p>Payroll &amp; HR export leaked</p>');
    const found = findLeaks(dir, [text('Payroll & HR export leaked')]);
    expect(found).toEqual([{ file: 'p.html', from: 'incidents/inc-2026-003.md', field: 'title' }]);
    expect(JSON.stringify(found)).not.toContain('Payroll');
  });

  it.each([
    ['told its length (it ends in ASCII)', '<p>INC-2026-003 — résumé 🔥</p>\n', 1],
    ['told its size in bytes (it does not)', '<p>INC-2026-003 — résumé 🔥', 2],
  ])('reads a page once its file holds all of it, %s, and every file it was not told of', async (_name, page, cuts) => {
    expect('units' in pageSize(page)).toBe(cuts === 1);
    const bytes = Buffer.from(page);
    // Cut short at every byte of its last characters: each a moment of the file being written.
    for (let cut = bytes.length - 12; cut < bytes.length; cut++) {
      const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
      const guard = startLeakGuard(dir, [text('INC-2026-003', 'id'), text('résumé 🔥', 'title')], 1);
      guard.page('page.html', pageSize(page));
      writeFileSync(join(dir, 'page.html'), bytes.subarray(0, cut)); // being written
      await new Promise((r) => setTimeout(r, 60));
      writeFileSync(join(dir, 'page.html'), page);
      writeFileSync(join(dir, 'copied.js'), '// INC-2026-003');
      expect((await guard.finish()).map((l) => `${l.file} ${l.from} ${l.field}`).sort(), `cut at ${cut}`).toEqual([
        'copied.js incidents/inc-2026-003.md id',
        'page.html incidents/inc-2026-003.md id',
        'page.html incidents/inc-2026-003.md title',
      ]);
    }
  }, 30_000);

  it('reports nothing for a page it was told of but that was never written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    const guard = startLeakGuard(dir, [text('INC-2026-003', 'id')], 1);
    guard.page('gone.html', { units: 20 });
    expect(await guard.finish()).toEqual([]);
  });
});

describe('a page read as rendered counts only if its file is that text, byte for byte', () => {
  const withheld = [text('INC-2026-003', 'id'), phone('+44 20 7946 0101')];
  const LEAK = '<p>See INC-2026-003</p>\n';
  const CLEAN = '<p>See INC-2026-004</p>\n'; // the same length
  type Case = [string, { rendered?: string; written?: string; told?: boolean }, string[], number];
  it.each<Case>([
    ['the file is the text, which leaks', { rendered: LEAK, written: LEAK }, ['p.html id'], 1],
    ['the file is the text, which does not leak', { rendered: CLEAN, written: CLEAN }, [], 1],
    ['the text was clean, the file written leaks (of the same length)', { rendered: CLEAN, written: LEAK }, ['p.html id'], 0],
    ['the text leaked, the file written does not', { rendered: LEAK, written: CLEAN }, [], 0],
    ['the file holds more than the text', { rendered: LEAK, written: `${CLEAN}<p>call 020 7946 0101</p>` }, ['p.html channels[0]'], 0],
    ['a phone in the text and the file', { rendered: '<p>call 020 7946 0101</p>', written: '<p>call 020 7946 0101</p>' }, ['p.html channels[0]'], 1],
    ['a lone surrogate, written as U+FFFD: the file is the text as written', { rendered: `<p>\ud800 INC-2026-003</p>`, written: `<p>\ud800 INC-2026-003</p>` }, ['p.html id'], 1],
    ['written but never told of (found at the end, compared all the same)', { rendered: LEAK, written: LEAK, told: false }, ['p.html id'], 1],
    ['rendered and never written: nothing to publish', { rendered: LEAK }, [], 0],
    ['written and never rendered through the guard', { written: LEAK }, ['p.html id'], 0],
  ])('%s', async (_name, { rendered, written, told = true }, found, early) => {
    for (const threads of [1, 2, 3]) {
      const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
      const guard = startLeakGuard(dir, withheld, threads);
      if (rendered !== undefined) guard.rendered('p.html', rendered);
      if (written !== undefined) {
        writeFileSync(join(dir, 'p.html'), written);
        if (told) guard.page('p.html', pageSize(written));
      }
      expect((await guard.finish()).map((l) => `${l.file} ${l.field}`), `${threads} threads`).toEqual(found);
      expect(guard.readEarly(), `${threads} threads`).toBe(early);
    }
  });

  it('stops its threads without an answer when the build fails before the site is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    const guard = startLeakGuard(dir, withheld, 2);
    guard.rendered('p.html', LEAK);
    guard.page('p.html', pageSize(LEAK));
    // Resolves (threads left running would keep the build's process alive), and rejects nothing.
    await expect(guard.stop()).resolves.toBeUndefined();
  });

  /** Forty pages of 1,500 characters or so, the sixth leaking. */
  const pages = Array.from({ length: 40 }, (_, i) => ({
    file: `p-${String(i).padStart(3, '0')}.html`,
    body: `<p>${i === 5 ? 'INC-2026-003' : `page ${i}`}</p>${'x'.repeat(1500)}\n`,
  }));

  it.each<[string, number | undefined, number, number]>([
    ['while the threads keep up, every page is read as rendered', undefined, 40, 40],
    ['with no room at all, every page is read from its file', 0, 0, 0],
    ['with room for one page of two thousand characters at a time, the rest are read from their files', 2, 1, 39],
  ])('forty pages: %s', async (_name, backlogK, least, most) => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    const guard = startLeakGuard(dir, withheld, 2, undefined, backlogK);
    for (const { file, body } of pages) guard.rendered(file, body);
    for (const { file, body } of pages) {
      writeFileSync(join(dir, file), body);
      guard.page(file, pageSize(body));
    }
    expect((await guard.finish()).map((l) => `${l.file} ${l.field}`)).toEqual(['p-005.html id']);
    expect(guard.readEarly()).toBeGreaterThanOrEqual(least);
    expect(guard.readEarly()).toBeLessThanOrEqual(most);
  });
});

/** What a scanner reading markup `segment` characters at a time finds in one file. */
function scanned(name: string, content: string | Uint8Array, withheld: Withheld[], segment: number): string[] {
  const scanner = new LeakScanner(withheld, segment);
  scanner.file(name, typeof content === 'string' ? Buffer.from(content) : content);
  return scanner.leaks.map((l) => `${l.file} ${l.from} ${l.field}`);
}

describe('a large page is read in segments, and finds what it would whole', () => {
  const withheld = [
    text('Ann Lee', 'name'), text('INC-2026-003', 'id'), text('Łukasz Nowak', 'name'), text('ΟΔΥΣΣΕΑΣ', 'name'),
    text('Payroll & HR export leaked'), text('abcd', 'short'), text('x-ray', 'word'), phone('+44 20 7946 0101'),
  ];
  // Pieces of markup a page is made of, the withheld values among them, cut and spaced every way.
  const PIECES = [
    'Ann', ' ', 'Lee', 'ann lee', 'ANN  LEE', 'Ann\nLee', 'Ann&nbsp;Lee', 'Ann<b>Lee</b>', '<td>Ann</td><td>Lee</td>',
    'INC-2026-003', 'INC-2026-0031', 'xINC-2026-003', '&#321;ukasz Nowak', 'Łukasz', ' Nowak', 'ΟΔΥΣΣΕΑΣ', 'οδυσσεας', 'Σ',
    'Payroll &amp; HR export leaked', 'Payroll', ' &amp; ', 'HR export', ' leaked', 'ＰＡＹＲＯＬＬ', 'x-ray', 'X-RAY', 'xray',
    '020 7946 0101', '+44 (0)20-7946-0101', '020', ' 7946 ', '0101', '7', '44', '<a href="mailto:ann%20lee">m</a>',
    '<p>', '</p>', '<!-- Ann Lee -->', 'e\u0301', 'ab', 'cd', 'é', ' ', '  ', '\t', 'q', 'words', '.', ',', '0', '12',
  ];
  const page = (seed: number, n: number) => {
    const r = rng(seed);
    return `<!doctype html><html><body>${Array.from({ length: n }, () => PIECES[Math.floor(r() * PIECES.length)]).join('')}</body></html>`;
  };

  it.each([1, 2, 3, 5, 8, 16, 64, 256])('segments of %i characters: 200 pages, the same findings as whole', (segment) => {
    for (let seed = 1; seed <= 200; seed++) {
      const html = page(seed, 10 + (seed % 60));
      expect(scanned('p.html', html, withheld, segment), `seed ${seed}`).toEqual(scanned('p.html', html, withheld, Number.MAX_SAFE_INTEGER));
    }
  });

  it('the random pages find something and miss something (the comparison is not of empty lists)', () => {
    const found = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) for (const f of scanned('p.html', page(seed, 10 + (seed % 60)), withheld, 4)) found.add(f.split(' ')[2]!);
    expect([...found].sort()).toEqual(['channels[0]', 'id', 'name', 'short', 'title', 'word']);
  });

  it.each([
    ['a name across a cut', '<p>xx Ann Lee yy</p>', 4],
    ['a phone across the place a segment would end', '<p>call 020 7946 0101 now</p>', 3],
    ['an id inside a longer one, at a cut', '<p>INC-2026-003ab</p>', 2],
    ['a word that goes on in the next segment is not the word', '<p>X-RAYS</p>', 1],
    ['two runs of digits a cut apart are not one number', '<p>call 0794 ab 60101</p>', 2],
  ])('%s', (_name, html, segment) => {
    expect(scanned('p.html', html, withheld, segment)).toEqual(scanned('p.html', html, withheld, Number.MAX_SAFE_INTEGER));
  });

  it.each([
    ['cut only between two ASCII letters', '<p>Ann Lee and Bob</p>', 3],
    ['no such place: one segment', '<p>1 2 3 — 4 5 6 é ü</p>', 2],
    ['white space runs kept whole', '<p>ab    cd\n\n ef</p>', 2],
  ])('segments: %s', (_name, html, size) => {
    const segments: [string, string | undefined][] = [];
    markupSegments(html, false, size, (t, following) => segments.push([t, following]));
    // Together they are the text whole; each but the last ends between two ASCII letters.
    expect(segments.map(([t]) => t).join('')).toBe(readable('p.html', Buffer.from(html)));
    expect(segments.at(-1)![1]).toBeUndefined();
    for (const [t, following] of segments.slice(0, -1)) {
      expect(t.at(-1)).toMatch(/^[A-Za-z]$/);
      expect(following).toMatch(/^[A-Za-z]$/);
    }
    expect(segments.length > 1).toBe(/[A-Za-z]{2}/.test(html.replace(/<[^>]*>/g, '')));
  });
});

describe('a guard thread that runs out of memory passes nothing unread', () => {
  // A bound no thread can start under: every thread runs out at once, as one would on a huge page.
  const STARVED = { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 };
  const withheld = [text('INC-2026-003', 'id'), phone('+44 20 7946 0101')];
  const pages = (dir: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const file = `incidents/p-${String(i).padStart(4, '0')}.html`;
      const body = i === 7 ? '<p>See INC-2026-003</p>' : i === n - 2 ? '<p>call 020 7946 0101</p>' : `<p>page ${i}</p>`;
      mkdirSync(join(dir, 'incidents'), { recursive: true });
      writeFileSync(join(dir, file), body);
      return { file, body };
    });

  it('streamed: the pages it was given are read in this thread, in the output\'s order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    const guard = startLeakGuard(dir, withheld, 2, STARVED);
    const written = pages(dir, 12);
    for (const { file, body } of written) guard.rendered(file, body); // to a thread that cannot read it
    for (const { file, body } of written) guard.page(file, pageSize(body));
    writeFileSync(join(dir, 'copied.js'), '// INC-2026-003'); // a file it was not told of
    expect((await guard.finish()).map((l) => `${l.file} ${l.field}`)).toEqual([
      'copied.js id',
      'incidents/p-0007.html id',
      'incidents/p-0010.html channels[0]',
    ]);
  }, 30_000);

  it('over a folder of files, shared among threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    pages(dir, 400); // threads are used from 400 files
    const found = (await findLeaksParallel(dir, withheld, 2, '', STARVED)).map((l) => `${l.file} ${l.field}`);
    expect(found).toEqual(['incidents/p-0007.html id', 'incidents/p-0398.html channels[0]']);
    // The same answer from threads that do not run out.
    expect((await findLeaksParallel(dir, withheld, 2)).map((l) => `${l.file} ${l.field}`)).toEqual(found);
  }, 30_000);

  it('compiles what is withheld once, its tables in memory the threads share', () => {
    const { textAutomaton, phoneAutomaton, texts, phones } = compile(withheld);
    expect([texts.length, phones.length]).toEqual([1, 1]);
    for (const a of [textAutomaton, phoneAutomaton]) for (const t of [a.columns, a.next, a.outStart, a.outIndex, a.ends]) expect(t.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it.each([
    ['nothing withheld', 0, 128],
    ['a few names', 100, 129],
    ['a million characters', 1_048_576, 640],
  ])('bounds a thread\'s heap by what is withheld: %s', (_name, chars, mb) => {
    const limits = guardLimits(chars === 0 ? [] : [text('x'.repeat(chars))]);
    expect(limits.maxOldGenerationSizeMb).toBe(mb);
    expect(limits.maxYoungGenerationSizeMb).toBeGreaterThan(0);
  });
});

describe('text as the guard compares it', () => {
  it.each([
    ['one space stays', 'Ann Lee', 'ann lee'],
    ['runs of spaces', 'Ann   Lee', 'ann lee'],
    ['a tab, a line break, a carriage return, each alone', 'a\tb\nc\rd', 'a b c d'],
    ['mixed runs', 'a \t\n b\r\n\r\nc', 'a b c'],
    ['no-break and other Unicode spaces (NFKC makes most a space)', 'a\u00a0b\u2003\u2003c\u3000d\u1680e\u2028f\ufeffg', 'a b c d e f g'],
    ['white space at the ends', '\n Ann \n', ' ann '],
    ['compatibility forms and case', 'ＡＮＮ\u00a0ＬＥＥ', 'ann lee'],
  ])('%s', (_name, input, expected) => {
    expect(normalise(input)).toBe(expected);
    // The same as replacing every run of white space.
    expect(normalise(input)).toBe(input.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '));
  });
});

describe('a page\'s size without encoding it', () => {
  const TEXTS = ['', 'abc', 'résumé', '— dash', '🔥 fire', 'a\u{10ffff}z', 'lone \ud800 surrogate', '<p>INC-2026-003 — résumé 🔥</p>\n'];

  it.each(TEXTS)('%j: the UTF-16 length counted from its UTF-8 bytes', (t) => {
    expect(utf16Units(Buffer.from(t))).toBe(t.length);
  });

  it.each(TEXTS.filter((t) => t.length > 0 && t.charCodeAt(t.length - 1) < 0x80))('%j: every file holding only its first bytes counts fewer units', (t) => {
    const bytes = Buffer.from(t);
    for (let cut = 0; cut < bytes.length; cut++) expect(utf16Units(bytes.subarray(0, cut)), `cut at ${cut}`).toBeLessThan(t.length);
  });

  it.each([
    ['<p>INC-2026-003 — résumé 🔥</p>\n'],
    ['<p>INC-2026-003 — résumé 🔥'],
    ['{"a":"b"}'],
  ])('%j: its file is complete only when it holds every byte', (page) => {
    const bytes = Buffer.from(page);
    for (let cut = 0; cut < bytes.length; cut++) expect(whenComplete(cut, pageSize(page), () => bytes.subarray(0, cut)), `cut at ${cut}`).toBeUndefined();
    expect(whenComplete(bytes.length, pageSize(page), () => bytes)).toBe(bytes);
  });

  it.each([
    ['ends in ASCII', 'x — y', { units: 5 }],
    ['ends in a wider character', 'x — é', { bytes: 8 }],
    ['empty', '', { bytes: 0 }],
  ])('%s: %j', (_name, t, size) => {
    expect(pageSize(t)).toEqual(size);
  });
});
