import { describe, expect, it } from 'vitest';
import { escape, html, raw } from './html.js';

describe('escape: a value from content as text, in an element or a quoted attribute', () => {
  it.each<[string, unknown, string]>([
    ['plain text: as it is', 'Phishing at host-12', 'Phishing at host-12'],
    ['each special character', `<script>alert("x" & 'y')</script>`, '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;'],
    ['an ampersand already escaped is escaped again (the text is text)', '&amp;', '&amp;amp;'],
    ['a special character at either end', '"quoted"', '&quot;quoted&quot;'],
    ['a number', 42, '42'],
    ['nothing', undefined, ''],
    ['null', null, ''],
    ['dashes, curly quotes, an ellipsis: as the references the layout writes', '39 min \u2014 \u2018paged\u2019 \u201cthe rota\u201d\u2026 09:00\u201310:00', '39 min &#8212; &#8216;paged&#8217; &#8220;the rota&#8221;&#8230; 09:00&#8211;10:00'],
    ['arrows and the minus and approximately signs', '\u2248 5 min, 05:47 \u2192 06:02, \u2190 back, \u22125', '&#8776; 5 min, 05:47 &#8594; 06:02, &#8592; back, &#8722;5'],
    ['letters of other scripts and Latin-1: left to the layout', 'caf\u00e9 \u00b7 \u65e5\u672c \u0417\u0430\u0432\u043e\u0434 \ud83d\udd25', 'caf\u00e9 \u00b7 \u65e5\u672c \u0417\u0430\u0432\u043e\u0434 \ud83d\udd25'],
  ])('%s', (_name, value, expected) => {
    expect(escape(value)).toBe(expected);
    // The same through the template, twice in a row (the expressions keep no state between calls).
    expect(html`<p title="${value}">${value}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('leaves the kit\'s own markup raw, lists joined, and false or nothing out', () => {
    expect(html`<ul>${['a&b', raw('<li>c</li>')]}</ul>${false}${null}`.value).toBe('<ul>a&amp;b<li>c</li></ul>');
  });
});
