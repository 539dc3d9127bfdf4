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
  ])('%s', (_name, value, expected) => {
    expect(escape(value)).toBe(expected);
    // The same through the template, twice in a row (the expressions keep no state between calls).
    expect(html`<p title="${value}">${value}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('leaves the kit\'s own markup raw, lists joined, and false or nothing out', () => {
    expect(html`<ul>${['a&b', raw('<li>c</li>')]}</ul>${false}${null}`.value).toBe('<ul>a&amp;b<li>c</li></ul>');
  });
});
