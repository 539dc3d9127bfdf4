import { describe, expect, it } from 'vitest';
import { editFrontMatter } from './front-matter-edit.js';

const DOC = `---
# Contact record: keep the comments
id: ann-lee   # the id
kind: contact

name: "Ann Lee"
last_verified: 2026-01-01  # checked by phone
verified_by: 'ben-ode'
channels:
  - { type: phone, value: "+44 1" }
---

Body with --- and last_verified: 1999-01-01 in it.
`;

const EDIT = { last_verified: '2026-11-23', verified_by: 'cy-ng', verified_method: 'call' };

describe('editFrontMatter', () => {
  it('changes only the values, keeping quoting and comments, and adds a missing key after the anchor', () => {
    const out = editFrontMatter(DOC, EDIT, 'verified_by')!;
    expect(out).toBe(DOC.replace('last_verified: 2026-01-01  #', 'last_verified: 2026-11-23  #').replace("verified_by: 'ben-ode'\n", "verified_by: 'cy-ng'\nverified_method: call\n"));
  });

  it.each([
    ['CRLF', DOC.replace(/\n/g, '\r\n')],
    ['BOM', `\uFEFF${DOC}`],
    ['BOM and CRLF', `\uFEFF${DOC.replace(/\n/g, '\r\n')}`],
    ['no trailing newline in the body', DOC.trimEnd()],
  ])('round-trips %s byte for byte apart from the edit', (_name, text) => {
    const out = editFrontMatter(text, EDIT, 'verified_by')!;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const expected = text.replace('last_verified: 2026-01-01  #', 'last_verified: 2026-11-23  #').replace(`verified_by: 'ben-ode'${eol}`, `verified_by: 'cy-ng'${eol}verified_method: call${eol}`);
    expect(out).toBe(expected);
    // Undoing the values gives back the original bytes, except the added key.
    const back = editFrontMatter(out, { last_verified: '2026-01-01', verified_by: 'ben-ode' })!;
    expect(back.replace(`verified_method: call${eol}`, '')).toBe(text);
  });

  it('keeps double quotes and escapes what needs it', () => {
    expect(editFrontMatter('---\nname: "A"\n---\n', { name: 'B "quoted"' })).toBe('---\nname: "B \\"quoted\\""\n---\n');
  });

  it('quotes a new plain value that YAML would misread', () => {
    expect(editFrontMatter('---\nid: x\n---\n', { note: 'a: b' })).toBe('---\nid: x\nnote: "a: b"\n---\n');
  });

  it('refuses text without front matter', () => {
    expect(editFrontMatter('# no front matter\n', EDIT)).toBeUndefined();
  });
});
