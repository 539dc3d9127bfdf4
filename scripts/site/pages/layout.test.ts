import { describe, expect, it } from 'vitest';
import { spaceCells } from './layout.js';

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
