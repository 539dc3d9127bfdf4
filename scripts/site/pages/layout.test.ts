import { describe, expect, it } from 'vitest';
import { keepWhole, labelTables, spaceCells } from './layout.js';

describe('spaceCells: a line break after a cell, term or item that a tag follows at once', () => {
  const cases: [string, string, string][] = [
    ['a term and its description', '<dl><dt>Commander</dt><dd>Bob Okafor</dd></dl>', '<dl><dt>Commander</dt>\n<dd>Bob Okafor</dd>\n</dl>'],
    ['a description and the next term', '<dd>no</dd><dt>Downtime</dt>', '<dd>no</dd>\n<dt>Downtime</dt>'],
    ['header cells', '<tr><th scope="col">Contact</th><th scope="col">Asked</th></tr>', '<tr><th scope="col">Contact</th>\n<th scope="col">Asked</th>\n</tr>'],
    ['data cells', '<tr><td>a</td><td>b</td></tr>', '<tr><td>a</td>\n<td>b</td>\n</tr>'],
    ['a caption and the header', '<caption class="sr-only">Lessons</caption><thead>', '<caption class="sr-only">Lessons</caption>\n<thead>'],
    ['list items', '<ul><li>Alice</li><li>Bob</li></ul>', '<ul><li>Alice</li>\n<li>Bob</li>\n</ul>'],
    ['already apart: unchanged', '<dt>Plan</dt> <dd>x</dd>\n', '<dt>Plan</dt> <dd>x</dd>\n'],
    ['text after the cell: unchanged', '<td>a</td>, then', '<td>a</td>, then'],
    ['at the end: unchanged', '<li>last</li>', '<li>last</li>'],
    ['inline elements: unchanged', '<span>a</span><span>b</span><a href="#x">c</a><code>d</code>', '<span>a</span><span>b</span><a href="#x">c</a><code>d</code>'],
    ['markup shown as text: unchanged', '<pre>&lt;/td&gt;&lt;td&gt;</pre>', '<pre>&lt;/td&gt;&lt;td&gt;</pre>'],
    ['a longer name that starts the same: unchanged', '</tdx><td>', '</tdx><td>'],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(spaceCells(body)).toBe(expected);
  });
});

describe('labelTables: each data cell labelled with its column\'s heading', () => {
  const HEAD = '<thead><tr><th scope="col">Contact</th><th scope="col">Asked</th><th scope="col">Answered</th></tr></thead>';
  const cases: [string, string, string][] = [
    ['plain cells', `<table>${HEAD}<tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>`,
      `<table>${HEAD}<tbody><tr><td data-label="Contact">a</td><td data-label="Asked">b</td><td data-label="Answered">c</td></tr></tbody></table>`],
    ['a row header is not labelled, and takes its column', `<table>${HEAD}<tbody><tr><th scope="row">a</th><td>b</td><td>c</td></tr></tbody></table>`,
      `<table>${HEAD}<tbody><tr><th scope="row">a</th><td data-label="Asked">b</td><td data-label="Answered">c</td></tr></tbody></table>`],
    ['a cell spanning two rows takes its column in the next row too', `<table>${HEAD}<tbody><tr><th rowspan="2">a</th><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr><tr><td>f</td></tr></tbody></table>`,
      `<table>${HEAD}<tbody><tr><th rowspan="2">a</th><td data-label="Asked">b</td><td data-label="Answered">c</td></tr><tr><td data-label="Asked">d</td><td data-label="Answered">e</td></tr><tr><td data-label="Contact">f</td></tr></tbody></table>`],
    ['a cell spanning two columns', `<table>${HEAD}<tbody><tr><td colspan="2">a</td><td>b</td></tr></tbody></table>`,
      `<table>${HEAD}<tbody><tr><td colspan="2" data-label="Contact">a</td><td data-label="Answered">b</td></tr></tbody></table>`],
    ['a cell with attributes, and one with a label of its own', `<table>${HEAD}<tbody><tr><td class="x">a</td><td data-label="Own">b</td></tr></tbody></table>`,
      `<table>${HEAD}<tbody><tr><td class="x" data-label="Contact">a</td><td data-label="Own">b</td></tr></tbody></table>`],
    ['a heading\'s text without its markup, its quotes escaped', '<table><thead><tr><th><a href="#x">Time to <b>"engage"</b></a> </th></tr></thead><tbody><tr><td>1 h</td></tr></tbody></table>',
      '<table><thead><tr><th><a href="#x">Time to <b>"engage"</b></a> </th></tr></thead><tbody><tr><td data-label="Time to &quot;engage&quot;">1 h</td></tr></tbody></table>'],
    ['more cells than headings: the rest unlabelled', '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td data-label="A">1</td><td>2</td></tr></tbody></table>'],
    ['every body of a table', '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody></table>',
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td data-label="A">1</td></tr></tbody><tbody><tr><td data-label="A">2</td></tr></tbody></table>'],
    ['each table its own headings', '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><p>x</p><table><thead><tr><th>B</th></tr></thead><tbody><tr><td>2</td></tr></tbody></table>',
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td data-label="A">1</td></tr></tbody></table><p>x</p><table><thead><tr><th>B</th></tr></thead><tbody><tr><td data-label="B">2</td></tr></tbody></table>'],
    ['no head: unchanged', '<table><tbody><tr><td>1</td></tr></tbody></table>', '<table><tbody><tr><td>1</td></tr></tbody></table>'],
    ['a cell outside a row: unchanged', '<table><thead><tr><th>A</th></tr></thead><tbody><td>1</td></tbody></table>', '<table><thead><tr><th>A</th></tr></thead><tbody><td>1</td></tbody></table>'],
    ['a table never closed: unchanged', '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody>', '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody>'],
    ['a longer name that starts the same: not a table', '<tablex><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>', '<tablex><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'],
    ['markup shown as text: unchanged', '<p>&lt;table&gt;&lt;td&gt;</p>', '<p>&lt;table&gt;&lt;td&gt;</p>'],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(labelTables(body)).toBe(expected);
  });
});

/** keepWhole as one expression, with the word boundary in it: what the faster form must equal. */
function keepWholeReference(body: string): string {
  return body.replace(/<(svg|pre|code|title)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->|\b(?:\d{4}-\d{2}-\d{2}|(?:INC|EX)-\d{4}-\d{3,})\b/g, (m: string, _block: string | undefined, at: number, all: string) =>
    m.charCodeAt(0) === 60 || all.lastIndexOf('<', at) > all.lastIndexOf('>', at) ? m : `<span class="nowrap">${m}</span>`);
}

describe('keepWhole: dates and incident ids never break at their hyphens', () => {
  const w = (s: string) => `<span class="nowrap">${s}</span>`;
  const cases: [string, string, string][] = [
    ['a date in text', '<td>2026-03-14</td>', `<td>${w('2026-03-14')}</td>`],
    ['an incident and an exercise id', '<p>INC-2026-004 and EX-2026-001.</p>', `<p>${w('INC-2026-004')} and ${w('EX-2026-001')}.</p>`],
    ['an id of more digits', 'INC-2026-10234', w('INC-2026-10234')],
    ['at the start and the end of the text', '2026-01-01', w('2026-01-01')],
    ['a date in an attribute: unchanged', '<time datetime="2026-03-14">14 March</time>', '<time datetime="2026-03-14">14 March</time>'],
    ['an id in a link, and as its text', '<a href="/incidents/inc-2026-004/" title="INC-2026-004">INC-2026-004</a>', `<a href="/incidents/inc-2026-004/" title="INC-2026-004">${w('INC-2026-004')}</a>`],
    ['part of a longer word: unchanged', 'X2026-01-01 2026-01-01x 12026-01-01 2026-01-011 INC-2026-01 XINC-2026-004 INC-2026-004a', 'X2026-01-01 2026-01-01x 12026-01-01 2026-01-011 INC-2026-01 XINC-2026-004 INC-2026-004a'],
    ['a date right after an id that is part of a word', 'XINC-2026-0011-11-11', `XINC-2026-${w('0011-11-11')}`],
    ['an id whose number runs into a date', 'INC-2026-01-01', `INC-${w('2026-01-01')}`],
    ['two dates joined by a hyphen', '2026-01-01-2026-01-02', `${w('2026-01-01')}-${w('2026-01-02')}`],
    ['lower case: not an id', 'inc-2026-004', 'inc-2026-004'],
    ['in code, pre, an SVG, a title and a comment: unchanged', '<code>2026-01-01</code><pre>INC-2026-004</pre><svg><text>2026-01-01</text></svg><title>2026-01-01</title><!-- 2026-01-01 -->', '<code>2026-01-01</code><pre>INC-2026-004</pre><svg><text>2026-01-01</text></svg><title>2026-01-01</title><!-- 2026-01-01 -->'],
    ['after a block, in text again', '<code>x</code> 2026-01-01', `<code>x</code> ${w('2026-01-01')}`],
    ['a block never closed is text like any other', '<code>2026-01-01', `<code>${w('2026-01-01')}`],
    ['a name that only starts like a block: text', '<codex>2026-01-01</codex>', `<codex>${w('2026-01-01')}</codex>`],
    ['a tag never closed: the rest is in it', '<a title="x 2026-01-01', '<a title="x 2026-01-01'],
    ['nothing to keep: the same string', '<p>no dates here</p>', '<p>no dates here</p>'],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(keepWhole(body)).toBe(expected);
    expect(keepWholeReference(body)).toBe(expected);
  });

  it('gives what the one expression gives, on pages pieced together at random', () => {
    const parts = ['2026-01-01', 'INC-2026-004', 'EX-2026-0012', '0011-11-11', 'X', 'x', '1', '-', ' ', '_', '<td>', '</td>', '<a href="2026-01-01">', '<code>', '</code>', '<svg>', '</svg>', '<!--', '-->', '<title>', '</title>', '<', '>', '"', 'INC-', '2026-', '01-01'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const body = Array.from({ length: 1 + Math.floor(next() * 24) }, () => parts[Math.floor(next() * parts.length)]).join('');
      expect(keepWhole(body), body).toBe(keepWholeReference(body));
    }
  });
});
