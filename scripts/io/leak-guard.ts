// After a build, prove that what must not be published is not: every output file is read the
// way a person (or a program) would read it — HTML and XML text and attribute values with
// entities decoded and links URL-decoded, the calendar unfolded and unescaped, JSON strings,
// the compressed search index decompressed — normalised (NFKC, case-folded, whitespace runs as
// one space), and searched for every withheld string at once with an Aho–Corasick automaton
// compiled to a table. Phone numbers are compared by their digits, whatever the spacing. A leak
// is reported by the document and field it comes from, never by its value.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import type { Withheld } from '../site/audience.js';
import { startWorker } from './start-worker.js';

export interface Leak {
  /** The output file it was found in. */
  file: string;
  /** The document and field the withheld value comes from. */
  from: string;
  field: string;
}

/**
 * The automaton as a dense table (a DFA): one array lookup per byte of text. Its arrays are in
 * shared memory: compiled once, the guard's threads all read the same table (on the
 * 10,000-document benchmark, 12 MB for 80,000 states, and 26 MB of one thread's heap to build).
 */
export interface Automaton {
  columns: Uint8Array;
  width: number;
  next: Int32Array;
  /** The needles each state ends: `outIndex[outStart[s]]` up to `outIndex[outStart[s + 1]]`. */
  outStart: Int32Array;
  outIndex: Int32Array;
  /** 1 where a state ends a needle: most do not, and this is one byte to read. */
  ends: Uint8Array;
}

/** A typed array of `length` in shared memory, so that a worker thread is given it without a copy. */
function shared<T extends Int32Array | Uint8Array>(make: new (buffer: SharedArrayBuffer) => T, bytesPer: number, length: number): T {
  return new make(new SharedArrayBuffer(Math.max(1, length) * bytesPer));
}

function build(needles: readonly Uint8Array[]): Automaton {
  const columns = shared(Uint8Array, 1, 256);
  let width = 1;
  for (const n of needles) for (const b of n) if (columns[b] === 0) columns[b] = width++;
  const trie: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  needles.forEach((needle, index) => {
    let state = 0;
    for (const b of needle) {
      const c = columns[b]!;
      let to = trie[state]!.get(c);
      if (to === undefined) {
        to = trie.length;
        trie.push(new Map());
        out.push([]);
        trie[state]!.set(c, to);
      }
      state = to;
    }
    out[state]!.push(index);
  });
  const next = shared(Int32Array, 4, trie.length * width);
  const fail = new Int32Array(trie.length);
  const queue: number[] = [];
  for (const [c, to] of trie[0]!) {
    next[c] = to;
    queue.push(to);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (let c = 0; c < width; c++) {
      const to = trie[state]!.get(c);
      if (to === undefined) {
        next[state * width + c] = next[fail[state]! * width + c]!;
      } else {
        fail[to] = state === 0 ? 0 : next[fail[state]! * width + c]!;
        out[to]!.push(...out[fail[to]!]!);
        next[state * width + c] = to;
        queue.push(to);
      }
    }
  }
  const outStart = shared(Int32Array, 4, out.length + 1);
  for (let i = 0; i < out.length; i++) outStart[i + 1] = outStart[i]! + out[i]!.length;
  const outIndex = shared(Int32Array, 4, outStart[out.length]!);
  out.forEach((o, i) => outIndex.set(o, outStart[i]!));
  const ends = shared(Uint8Array, 1, out.length);
  out.forEach((o, i) => (ends[i] = o.length > 0 ? 1 : 0));
  return { columns, width, next, outStart, outIndex, ends };
}

/** What is withheld, as the scan compares it: the needles, and the automatons over them. */
export interface Compiled {
  texts: { w: Withheld; needle: Uint8Array }[];
  phones: { w: Withheld; needle: Uint8Array }[];
  textAutomaton: Automaton;
  phoneAutomaton: Automaton;
}

/** Compile what is withheld once; the guard's threads are given the result (its tables shared). */
export function compile(withheld: readonly Withheld[]): Compiled {
  const encoder = new TextEncoder();
  const texts = withheld.filter((w) => w.kind === 'text').map((w) => ({ w, needle: encoder.encode(normalise(w.value).trim()) })).filter((x) => x.needle.length >= 3);
  const phones = withheld.filter((w) => w.kind === 'phone').map((w) => ({ w, needle: encoder.encode(phoneKey(w.value)) })).filter((x) => x.needle.length >= 6);
  return { texts, phones, textAutomaton: build(texts.map((x) => x.needle)), phoneAutomaton: build(phones.map((x) => x.needle)) };
}

/**
 * Text as compared: compatibility-normalised, case-folded, every run of white space one space.
 * Runs of two or more, and single white space other than a space, are replaced; a single space,
 * most of a page's white space, is left where it is (two to three times faster than replacing
 * every run, with the same result).
 */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ');
}

/** A phone number's key: its last nine digits (national and international forms agree there). */
export function phoneKey(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length > 9 ? digits.slice(-9) : digits;
}

/** Digit runs of a text, separators between digits dropped, each run on its own. */
function digitRuns(text: string): string {
  const runs: string[] = [];
  for (const m of text.matchAll(/\d[\d\s().\-/+\u00a0\u2000-\u200b\u2010-\u2015]*\d/g)) runs.push(m[0].replace(/\D/g, ''));
  return runs.join('|');
}

function decodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What a reader sees in markup: text and every attribute value, decoded, links URL-decoded too. */
function markupText(source: string, xml: boolean): string {
  const parts: string[] = [];
  markupParts(source, xml, (t) => parts.push(t));
  return parts.join('');
}

/** The pieces of `markupText`, in order. */
function markupParts(source: string, xml: boolean, push: (text: string) => void): void {
  const parser = new Parser({
    ontext: push,
    onattribute: (_name, value) => {
      push(' ');
      push(value);
      push(' ');
      if (value.includes('%')) {
        push(' ');
        push(decodeUri(value));
        push(' ');
      }
    },
    oncomment: (t) => {
      push(' ');
      push(t);
      push(' ');
    },
    // Called for every element the parser opens, as `onopentag` is, but without the object of
    // its attributes that `onopentag` would have the parser build (about 8% of the parse).
    onopentagname: () => push(' '),
    onclosetag: () => push(' '),
  }, { xmlMode: xml, decodeEntities: true, recognizeCDATA: true });
  parser.write(source);
  parser.end();
}

/**
 * `markupText` handed on in segments of about `size` characters, each with the character that
 * follows it (none after the last), so that a large page's text is never held whole (a 6.7 MB
 * listing page took 65 MB of heap to read at once). A segment ends only between two ASCII
 * letters: there, the text compares the same apart as together (`normalise` changes neither
 * letter, joins no white space across it, composes nothing across it and sees the same
 * neighbours for a final sigma), and no run of digits is cut (`digitRuns`). Where no such place
 * comes, the segment grows.
 */
export function markupSegments(source: string, xml: boolean, size: number, segment: (text: string, following: string | undefined) => void): void {
  let parts: string[] = [];
  let length = 0;
  let limit = size;
  markupParts(source, xml, (t) => {
    parts.push(t);
    length += t.length;
    if (length < limit) return;
    const text = parts.join('');
    const cut = lastCut(text);
    if (cut === -1) {
      // No place to cut yet: wait for as much again (joined once per doubling, not per piece).
      parts = [text];
      limit = length * 2;
      return;
    }
    segment(text.slice(0, cut), text[cut]);
    parts = [text.slice(cut)];
    length = parts[0]!.length;
    limit = size;
  });
  segment(parts.join(''), undefined);
}

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** The last place in `text` between two ASCII letters, or -1. */
function lastCut(text: string): number {
  for (let i = text.length - 1; i > 0; i--) if (isAsciiLetter(text.charCodeAt(i)) && isAsciiLetter(text.charCodeAt(i - 1))) return i;
  return -1;
}

/** RFC 5545 text: lines unfolded, escapes undone. */
function calendarText(source: string): string {
  return source.replace(/\r?\n[ \t]/g, '').replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
}

function jsonText(source: string): string {
  try {
    const parts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') parts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        parts.push(k);
        walk(x);
      }
    };
    walk(JSON.parse(source));
    return parts.join('\n');
  } catch {
    return source;
  }
}

/** The text of one output file as a reader would get it; undefined for binary files. */
export function readable(path: string, bytes: Uint8Array): string | undefined {
  const source = decoded(bytes);
  return source === undefined ? undefined : readableText(path, source);
}

/** A file's bytes as text, decompressed; undefined for binary files (images, WebAssembly). */
function decoded(bytes: Uint8Array): string | undefined {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
  if (data.subarray(0, 1024).includes(0)) return undefined;
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

/** Whether a file is markup, and in which mode; undefined for other files. */
function markupMode(path: string): { xml: boolean } | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return { xml: false };
  if (ext === '.xml' || ext === '.svg' || ext === '.atom') return { xml: true };
  return undefined;
}

/** The same, for a file's text (a page as the build writes it). */
function readableText(path: string, text: string): string {
  const markup = markupMode(path);
  if (markup) return markupText(text, markup.xml);
  const ext = extname(path).toLowerCase();
  if (ext === '.ics') return calendarText(text);
  if (ext === '.json') return jsonText(text);
  // The search index's fragments are JSON after a short signature.
  if (ext.startsWith('.pf_')) return jsonText(text.slice(Math.max(0, text.indexOf('{'))));
  return text;
}

function* walk(dir: string, rel = ''): Generator<string> {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, p);
    else if (e.isFile()) yield p;
  }
}

function isWord(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || b >= 0x80);
}

/**
 * A text match counts only as a whole word: INC-2026-003 is not found inside INC-2026-0031.
 * `following` is the byte after `bytes`, when the text goes on in a next segment.
 */
function bounded(bytes: Uint8Array, end: number, needle: Uint8Array, following?: number): boolean {
  const start = end - needle.length + 1;
  if (isWord(needle[0]) && start > 0 && isWord(bytes[start - 1])) return false;
  if (isWord(needle[needle.length - 1]) && isWord(end + 1 < bytes.length ? bytes[end + 1] : following)) return false;
  return true;
}

/** Run the automaton over `bytes` from `from`, starting in `state`; the state it ends in. */
function scan(bytes: Uint8Array, from: number, state: number, a: Automaton, onHit: (index: number, end: number) => void): number {
  const { columns, width, next, outStart, outIndex, ends } = a;
  for (let i = from; i < bytes.length; i++) {
    state = next[state * width + columns[bytes[i]!]!]!;
    if (ends[state] === 0) continue;
    for (let h = outStart[state]!, last = outStart[state + 1]!; h < last; h++) onHit(outIndex[h]!, i);
  }
  return state;
}

/** Every (output file, withheld document and field) where withheld content can be read. */
export function findLeaks(dir: string, withheld: readonly Withheld[]): Leak[] {
  return findLeaksIn(dir, [...walk(dir)], withheld);
}

/** The same, the files (those `under` a folder, if given) shared among worker threads (a large site: the scan is most of the work). */
export async function findLeaksParallel(dir: string, withheld: readonly Withheld[], threads = Math.min(4, availableParallelism()), under = '', limits = guardLimits(withheld)): Promise<Leak[]> {
  if (under && !existsSync(join(dir, under))) return [];
  const files = [...walk(dir, under)];
  if (threads < 2 || files.length < 400) return findLeaksIn(dir, files, withheld);
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((f, i) => shares[i % threads]!.push(f));
  const compiled = compile(withheld);
  const found = await Promise.all(shares.map((share) => guardWorker({ dir, files: share, compiled }, limits).leaks));
  return inOrder(files, found.flatMap((f, i) => f?.leaks ?? findLeaksIn(dir, shares[i]!, compiled)));
}

/** Leaks in the order of the output's files. */
function inOrder(files: readonly string[], leaks: Leak[]): Leak[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return leaks.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/**
 * A guard thread's heap bound. Scanning makes short-lived text, and V8 lets a heap without a bound
 * grow well past what it holds before it collects: each guard thread grew to 110–170 MB while
 * holding 20–60 MB (then its own automaton, and the page at hand), on the 10,000-document
 * benchmark. The bound grows with what is withheld (each thread holds the needles; the automaton's
 * tables are shared). The young generation is bounded too, where no process flag sizes it (a
 * build's does: scripts/launch-flags.mjs).
 */
export function guardLimits(withheld: readonly Withheld[]): ResourceLimits {
  const chars = withheld.reduce((n, w) => n + w.value.length, 0);
  return { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 128 + Math.ceil((chars * 512) / 2 ** 20) };
}

/** What a guard thread is given: the output folder, what is withheld compiled, and its files or `streamed`. */
export interface GuardJob {
  dir: string;
  compiled: Compiled;
  files?: string[];
  streamed?: boolean;
  /** Streamed: where it counts the rendered text it has read, in thousands of characters. */
  progress?: Int32Array;
}

/** A guard thread's answer: the leaks, and how many files were the very text it read as rendered. */
export interface GuardAnswer {
  leaks: Leak[];
  early: number;
}

/**
 * A leak-guard worker thread (io/leak-worker.ts), and the leaks it answers with: undefined if it
 * ran out of memory (a very large page). Its files are then scanned by the caller, in its own
 * thread and without a bound: the guard never passes a file unread. Any other failure is an error.
 */
function guardWorker(job: GuardJob, limits: ResourceLimits): { worker: Worker; leaks: Promise<GuardAnswer | undefined> } {
  const worker = startWorker('io/leak-worker', job, limits);
  const leaks = new Promise<GuardAnswer | undefined>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', (e: NodeJS.ErrnoException) => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(undefined) : reject(e)));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`leak guard worker exited with code ${code}`));
    });
  });
  return { worker, leaks };
}

/** The leaks in `files` (paths under `dir`). */
export function findLeaksIn(dir: string, files: readonly string[], withheld: readonly Withheld[] | Compiled): Leak[] {
  const scanner = new LeakScanner(withheld);
  for (const file of files) scanner.file(file, readFileSync(join(dir, file)));
  return scanner.leaks;
}

/** Characters of a markup file's text normalised and scanned at a time (see `markupSegments`). */
const SEGMENT = 1 << 16;

/** Every withheld value, compiled once; then any number of files or pages scanned for them. */
export class LeakScanner {
  readonly leaks: Leak[] = [];
  private readonly encoder = new TextEncoder();
  private readonly texts: { w: Withheld; needle: Uint8Array }[];
  private readonly phones: { w: Withheld; needle: Uint8Array }[];
  private readonly textAutomaton: Automaton;
  private readonly phoneAutomaton: Automaton;
  /** The bytes of the longest text needle, plus the one before it that `bounded` reads. */
  private readonly reach: number;

  /**
   * What is withheld, or it compiled already (`compile`, as a guard thread is given it).
   * `segment`: characters of markup text scanned at a time (smaller in tests, to cut often).
   */
  constructor(withheld: readonly Withheld[] | Compiled, private readonly segment = SEGMENT) {
    ({ texts: this.texts, phones: this.phones, textAutomaton: this.textAutomaton, phoneAutomaton: this.phoneAutomaton } = Array.isArray(withheld) ? compile(withheld) : (withheld as Compiled));
    this.reach = this.texts.reduce((n, x) => Math.max(n, x.needle.length), 0) + 1;
  }

  /** An output file's bytes: what it leaks is added to `leaks`. */
  file(file: string, bytes: Uint8Array): void {
    this.leaks.push(...this.found(file, bytes));
  }

  /** What an output file's bytes leak, kept apart (a page read before it is written). */
  found(file: string, bytes: Uint8Array): Leak[] {
    if (this.texts.length === 0 && this.phones.length === 0) return [];
    const source = decoded(bytes);
    if (source === undefined) return [];
    const reader = this.reader(file);
    const markup = markupMode(file);
    if (markup) markupSegments(source, markup.xml, this.segment, reader.read);
    else reader.read(readableText(file, source), undefined);
    return reader.end();
  }

  /**
   * One file's text, read in segments in order: the automatons' states are carried from one to the
   * next, with the last bytes read (for a match that began in an earlier segment), so that the
   * segments find what the text whole would. `end` reports what was found, text before phones.
   */
  private reader(file: string): { read(segment: string, following: string | undefined): void; end(): Leak[] } {
    const { texts, phones, encoder, reach } = this;
    const found = new Map<string, Withheld>();
    const foundPhones = new Map<string, Withheld>();
    const report = (into: Map<string, Withheld>, w: Withheld) => {
      const key = `${w.file}\0${w.field}`;
      if (!into.has(key)) into.set(key, w);
    };
    let tail = new Uint8Array(0);
    let textState = 0;
    let phoneState = 0;
    let runs = false;
    return {
      read: (segment, following) => {
        if (texts.length) {
          const fresh = encoder.encode(normalise(segment));
          const bytes = tail.length === 0 ? fresh : Buffer.concat([tail, fresh]);
          const after = following === undefined ? undefined : encoder.encode(normalise(following))[0];
          textState = scan(bytes, tail.length, textState, this.textAutomaton, (i, end) => bounded(bytes, end, texts[i]!.needle, after) && report(found, texts[i]!.w));
          tail = bytes.slice(Math.max(0, bytes.length - reach));
        }
        if (phones.length) {
          // Runs are joined with '|' across segments as within one.
          const digits = digitRuns(segment);
          if (digits) {
            phoneState = scan(encoder.encode(runs ? `|${digits}` : digits), 0, phoneState, this.phoneAutomaton, (i) => report(foundPhones, phones[i]!.w));
            runs = true;
          }
        }
      },
      end: () => {
        for (const [key, w] of foundPhones) if (!found.has(key)) found.set(key, w);
        return [...found.values()].map((w) => ({ file, from: w.file, field: w.field }));
      },
    };
  }
}

/**
 * How the guard knows a page's file holds all of it: its size in bytes, or, for a text whose last
 * character is ASCII, its length in UTF-16 code units (a JavaScript string's `length`, known
 * without encoding it; see `pageSize`).
 */
export type PageSize = { bytes: number } | { units: number };

/**
 * A page's size as the guard waits for it. Measuring a page's UTF-8 length costs a pass over it
 * (about 0.3 s over the 10,000-document site); its `length` costs nothing. A file that holds
 * only the first bytes of a text ending in an ASCII character decodes to fewer code units than
 * the text (the last character is missing, and a character cut short counts one at most), so the
 * length alone tells a complete file from a partial one; other texts are measured in bytes.
 */
export function pageSize(text: string): PageSize {
  return text.length > 0 && text.charCodeAt(text.length - 1) < 0x80 ? { units: text.length } : { bytes: Buffer.byteLength(text) };
}

/**
 * The UTF-16 length of the text UTF-8 `bytes` encode, counted without decoding: one unit per
 * character, two for those beyond U+FFFF; a sequence cut short counts one, as a decoder's
 * replacement character does.
 */
export function utf16Units(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/**
 * A page's bytes if its file holds all of it, else undefined: `size` is the file's size on disk,
 * `read` its bytes (read only when the size allows it).
 */
export function whenComplete(size: number, want: PageSize, read: () => Uint8Array): Uint8Array | undefined {
  if ('bytes' in want) return size === want.bytes ? read() : undefined;
  // A text of n code units takes at least n bytes.
  if (size < want.units) return undefined;
  const bytes = read();
  return utf16Units(bytes) === want.units ? bytes : undefined;
}

/**
 * The guard running while the site is rendered and written. The build writes each page as its
 * template renders it (scripts/site/data.ts), and the guard is handed the text first
 * (`rendered`), and reads it then, on threads beside the one rendering. What is published is the
 * file, not the text: told of each page once written (its path and length), a thread
 * reads the file from disk once it holds all of it; a page whose file is byte for byte the text
 * it read (the same length and SHA-256) has been read, and any other file is read as it is.
 * `finish` then has them read every other file of the output (copied assets) and every page not
 * yet read, and returns the leaks in the order of the output's files.
 */
export interface LeakGuard {
  /** A page's text as rendered, before it is written: read now if the threads keep up. */
  rendered(file: string, text: string): void;
  /** A page as it is written: its file is read (or compared with its text) once complete. */
  page(file: string, size: PageSize): void;
  finish(): Promise<Leak[]>;
  /** After `finish`: how many written files were found identical to a text read as rendered. */
  readEarly(): number;
  /** Stop its threads without an answer (the build failed before the site was written). */
  stop(): Promise<void>;
}

/**
 * Thousands of characters of rendered text given to the guard's threads and not yet read, at
 * most: a page beyond it is not given as text, and is read from its file instead. Bounds the
 * memory of a render faster than the threads (the text waits, copied, in a thread's queue).
 */
const BACKLOG_K = 16 * 1024;

/** A text's length in thousands of characters, rounded up: how the backlog is counted. */
export const kilo = (text: string) => Math.ceil(text.length / 1024);

export function startLeakGuard(dir: string, withheld: readonly Withheld[], threads = Math.min(4, availableParallelism()), limits = guardLimits(withheld), backlogK = BACKLOG_K): LeakGuard {
  const compiled = compile(withheld);
  // How much rendered text the threads have read, in thousands of characters (they add to it).
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const started = Array.from({ length: threads }, () => guardWorker({ dir, compiled, streamed: true, progress }, limits));
  // The threads that read rendered text: all but one, the build's own thread renders meanwhile.
  const readers = Math.max(1, started.length - 1);
  // What each thread was given, to scan here should it run out of memory.
  const given: string[][] = started.map(() => []);
  const told = new Set<string>();
  /** The thread that read a page's text: its file is compared there. */
  const readBy = new Map<string, number>();
  let sent = 0;
  let turn = 0;
  let next = 0;
  let finishing = false;
  let early = 0;
  const give = (file: string, message: { file: string; size?: PageSize }, i = next++ % started.length) => {
    given[i]!.push(file);
    started[i]!.worker.postMessage(message);
  };
  return {
    rendered(file, text) {
      const k = kilo(text);
      if (finishing || (compiled.texts.length === 0 && compiled.phones.length === 0) || sent - Atomics.load(progress, 0) + k > backlogK) return;
      const i = turn++ % readers;
      sent += k;
      readBy.set(file, i);
      started[i]!.worker.postMessage({ file, text });
    },
    page(file, size) {
      told.add(file);
      give(file, { file, size }, readBy.get(file));
    },
    async finish() {
      finishing = true;
      const files = [...walk(dir)];
      for (const file of files) if (!told.has(file)) give(file, { file }, readBy.get(file));
      for (const s of started) s.worker.postMessage('done');
      const found = await Promise.all(started.map((s) => s.leaks));
      early = found.reduce((n, f) => n + (f?.early ?? 0), 0);
      const written = new Set(files);
      return inOrder(files, found.flatMap((f, i) => f?.leaks ?? findLeaksIn(dir, given[i]!.filter((x) => written.has(x)), compiled)));
    },
    readEarly: () => early,
    async stop() {
      await Promise.all(started.map(async (s) => {
        s.leaks.catch(() => undefined);
        await s.worker.terminate();
      }));
    },
  };
}
