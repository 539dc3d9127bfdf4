import { describe, expect, it } from 'vitest';
import { textsOf } from './load-repo.js';

describe('the texts of the files a load reads', () => {
  const utf8 = new TextEncoder();
  const files = ['---\nid: a\n---\n', 'Ünïcode — “quoted”', '', 'plain ASCII text', 'more ASCII', 'x'.repeat(25), 'Ende: Straße'];

  it.each([
    ['in one string', 1 << 20],
    ['across strings of at most 16 bytes (a file larger than that has one of its own)', 16],
    ['one string per file', 1],
  ])('are each file decoded on its own, %s', (_name, chunk) => {
    const text = textsOf(files.map((f) => utf8.encode(f)), chunk);
    expect(files.map((_, i) => text(i))).toEqual(files);
  });

  it('are nothing for no files', () => {
    expect(() => textsOf([])).not.toThrow();
  });
});
