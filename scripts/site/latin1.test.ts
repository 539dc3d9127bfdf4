import { describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { latin1Page } from './latin1.js';

const page = (body: string) => `<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head><body>${body}</body></html>\n`;
/** What a reader gets: the document's text, references decoded. */
function read(html: string): string {
  const out: string[] = [];
  const parser = new Parser({ ontext: (t) => out.push(t), onattribute: (name, value) => out.push(`[${name}=${value}]`) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return out.join('');
}

describe('pages are written at one byte a character', () => {
  it.each([
    ['ASCII only: unchanged', page('<p>Detected at 14:02</p>'), page('<p>Detected at 14:02</p>')],
    ['Latin-1 letters stay characters', page('<p>Zoë Ørsted, café</p>'), page('<p>Zoë Ørsted, café</p>')],
    ['a dash and quotes become references', page('<p>1 h — it’s “late”</p>'), page('<p>1 h &#8212; it&#8217;s &#8220;late&#8221;</p>')],
    ['a character beyond the basic plane is one reference, not two', page('<p>fire 🔥</p>'), page('<p>fire &#128293;</p>')],
    ['a lone surrogate is the replacement character', page('<p>x\ud800y —</p>'), page('<p>x&#65533;y &#8212;</p>')],
    ['in an attribute too', page('<a title="A → B">x</a>'), page('<a title="A &#8594; B">x</a>')],
    ['a style element keeps its text (references are not read there)', page('<style>p::after{content:"→"}</style><p>—</p>'), page('<style>p::after{content:"→"}</style><p>&#8212;</p>')],
    ['a script element keeps its text', page('<script type="application/json">{"a":"→"}</script><p>—</p>'), page('<script type="application/json">{"a":"→"}</script><p>&#8212;</p>')],
    ['the other raw-text elements keep their text, in any case', page('<XMP>→</XMP><noembed>→</noembed><p>—</p>'), page('<XMP>→</XMP><noembed>→</noembed><p>&#8212;</p>')],
    ['a page mostly in another script stays as written', page('<p>Инцидент обнаружен в 14:02 — сервер недоступен</p>'), page('<p>Инцидент обнаружен в 14:02 — сервер недоступен</p>')],
  ])('%s', (_name, input, expected) => {
    const out = latin1Page(input);
    expect(out).toBe(expected);
    // A reader, the search index and the leak guard read the same text as before.
    expect(read(out)).toBe(read(input).replace(/\ud800/, '\ufffd'));
  });

  it('returns the same text whatever the page holds (10,000 random pages)', () => {
    const pieces = ['<p>', '</p>', 'a', ' ', 'é', '—', '’', '🔥', '<style>x{}</style>', '&amp;', 'Ж', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let changed = 0;
    for (let i = 0; i < 10_000; i++) {
      const body = Array.from({ length: 1 + Math.floor(next() * 60) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const input = page(body);
      const out = latin1Page(input);
      expect(read(out)).toBe(read(input));
      // Either every character beyond Latin-1 outside style elements went, or the page is as it was.
      if (out !== input) {
        changed++;
        expect(/[^\x00-\xff]/.test(out.replace(/<style>[\s\S]*?<\/style>/g, ''))).toBe(false);
      }
    }
    // Both kinds of page occur: those written as references and those kept as they were.
    expect(changed).toBeGreaterThan(1_000);
    expect(changed).toBeLessThan(9_000);
  });
});
