// The nesting and width pre-scan the YAML parser is protected by: a text in, the first problem out
// (an upper bound: it may over-count, never under-count).

import { describe, expect, it } from 'vitest';
import { MAX_YAML_WIDTH, tooDeep } from './depth.js';

const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' 1\n';
const at = (text: string, needle: string) => text.indexOf(needle);

describe('tooDeep', () => {
  it.each([
    ['ordinary front matter', 'id: INC-2026-001\nlessons:\n  - id: l1\n    owner: ann-lee\n', undefined],
    ['a block level and three flow levels: four', 'x: [[{ a: 1 }]]\n', undefined],
    ['block nesting at the limit (4 of 4)', block(4), undefined],
    ['block nesting past the limit', block(5), { problem: 'deep', offset: at(block(5), '        k4') }],
    // `x:` is a level: the fourth bracket is the fifth.
    ['flow nesting past the limit', 'x: [[[[[1]]]]]\n', { problem: 'deep', offset: at('x: [[[[[1]]]]]\n', '[[1') }],
    ['flow at the limit', 'x: [[[1]]]\n', undefined],
    ['list entries count as a level each', 'a:\n  - - - - 1\n', { problem: 'deep', offset: at('a:\n  - - - - 1\n', '  - -') }],
    ['brackets in double quotes are text', 'x: "[[[[[[[[["\n', undefined],
    ['brackets in single quotes are text', "x: '[[[[[[[[['\n", undefined],
    ['an escaped quote does not end a double-quoted text', 'x: "a\\" [[[[[[[[["\n', undefined],
    ['brackets in a comment are not read', 'x: 1 # [[[[[[[[[\n', undefined],
    ['a # inside a word is not a comment', 'x: a#[[[[[[[[[\n', { problem: 'deep', offset: at('x: a#[[[[[[[[[\n', '[[[[[[[[[') + 3 }],
    ['blank and comment lines do not open levels', 'a:\n\n# note\n  b: 1\n', undefined],
  ])('%s', (_name, text, expected) => {
    expect(tooDeep(text, 4)).toEqual(expected);
  });

  it.each([
    ['a mapping of the most keys allowed', Array.from({ length: MAX_YAML_WIDTH }, (_, i) => `k${i}: 1`).join('\n') + '\n', false],
    ['one key more', Array.from({ length: MAX_YAML_WIDTH + 1 }, (_, i) => `k${i}: 1`).join('\n') + '\n', true],
    ['a flow list of the most items allowed', `x: [${Array.from({ length: MAX_YAML_WIDTH }, () => '1').join(',')}]\n`, false],
    ['one item more', `x: [${Array.from({ length: MAX_YAML_WIDTH + 1 }, () => '1').join(',')}]\n`, true],
    ['commas in quotes are text', `x: "${','.repeat(MAX_YAML_WIDTH * 2)}"\n`, false],
  ])('width: %s', (_name, text, wide) => {
    expect(tooDeep(text)?.problem === 'wide').toBe(wide);
  });
});
