// A page's text kept at one byte a character in memory. V8 stores a string that holds any
// character beyond Latin-1 (an em dash, a curly quote, an arrow) at two bytes a character: one
// dash per page doubles the memory its text takes, and every copy of it on the way to its file
// and to the leak guard's threads. When Eleventy held every page it rendered until the build
// ended (the build now writes each page as it is rendered), this took the 10,000-document
// benchmark's peak from about 1.5 GB to 1.2 GB, and its rendering a fifth faster.

/** At most one character in this many beyond Latin-1: a page with more is kept as it is. */
const SPARSE = 16;
const BEYOND = /[^\x00-\xff]/g;
const ANY_BEYOND = /[^\x00-\xff]/;
/**
 * An element whose text HTML reads raw (script, style and the older xmp, iframe, noembed,
 * noframes: a reference in it would not be read as one), a character written as a surrogate
 * pair, or one character beyond Latin-1.
 */
const REFERABLE = /<(script|style|xmp|iframe|noembed|noframes)\b[\s\S]*?<\/\1\s*>|[\ud800-\udbff][\udc00-\udfff]|[^\x00-\xff]/gi;

/** An element whose text HTML reads raw opens here (where one does, the page is replaced whole). */
const RAW_OPEN = /<(?:script|style|xmp|iframe|noembed|noframes)\b/i;

function reference(c: string): string {
  return referenceTo(c.codePointAt(0)!);
}

/** A character as a numeric reference; a lone surrogate as the replacement character, as UTF-8 output writes it. */
export function referenceTo(code: number): string {
  return `&#${code >= 0xd800 && code <= 0xdfff ? 0xfffd : code};`;
}

/**
 * The page with each character beyond Latin-1 written as a numeric character reference (`—` as
 * `&#8212;`), as a one-byte string. Browsers, the search index and the leak guard read the
 * references as the characters. Outside script, style and the other raw-text elements. A page
 * mostly in another script (Greek, Cyrillic, CJK) is returned as it is: written as references,
 * its text would grow several-fold on disk.
 */
export function latin1Page(page: string): string {
  /** Where the characters beyond Latin-1 are (each half of a surrogate pair). */
  const at: number[] = [];
  BEYOND.lastIndex = 0;
  for (let m; (m = BEYOND.exec(page)) !== null; ) if (at.push(m.index) * SPARSE > page.length) return page;
  let kept = false;
  let out = page;
  if (at.length > 0 && RAW_OPEN.test(page)) {
    out = page.replace(REFERABLE, (m: string, element: string | undefined) => {
      if (element === undefined) return reference(m);
      if (ANY_BEYOND.test(m)) kept = true;
      return m;
    });
  } else if (at.length > 0) {
    // No raw-text element: each is replaced where it was found (a third faster than replacing
    // with REFERABLE, which looks for such an element at every tag).
    out = '';
    let last = 0;
    for (let k = 0; k < at.length; k++) {
      const i = at[k]!;
      const c = page.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && (page.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      out += page.slice(last, i) + referenceTo(pair ? page.codePointAt(i)! : c);
      last = i + (pair ? 2 : 1);
      if (pair) k++;
    }
    out += page.slice(last);
  }
  // A raw-text element that keeps such a character keeps the page two bytes wide.
  // Otherwise the text is copied into a one-byte string even when nothing was replaced: a text
  // joined from parts of which one was two bytes wide is two bytes wide, whatever it holds (the
  // long lists were, at 13 MB for 6.7 MB of text).
  return kept ? out : Buffer.from(out, 'latin1').toString('latin1');
}
