import { describe, expect, it } from 'vitest';
import { labelTables, spaceCells } from './layout.js';

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
