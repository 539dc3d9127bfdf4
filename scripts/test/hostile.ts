// A corpus of hostile and broken documents, by category: what an attacker or a careless
// contributor writes in a pull request. Each case is one document (at the size that stresses the
// kit most under the default caps) and the findings it must produce. The tests check the findings;
// `npm run bench -- --hostile` times each case in a process of its own.

export interface HostileCase {
  category: string;
  name: string;
  /** The document's path and content. */
  file: string;
  content: string | Uint8Array;
  /** `line ruleId` of every finding in the file, in order (warnings included). */
  expect: string[];
}

const I = 'incidents/inc-2026-001.md';
const C = 'contacts/ann-lee.md';

/** A valid open incident with this body (front matter ends on line 11; the body starts on 12). */
export function incident(body: string, front = ''): string {
  return `---
id: INC-2026-001
kind: incident
title: Hostile case
status: open
severity: low
commander: ann-lee
visibility: public
detected: 2026-11-20T09:00Z
${front}---

## Summary

${body}

## Timeline

- 2026-11-20T09:00Z [detection] Alert.
`;
}

/** A valid contact with `extra` front matter lines (before `status:`) and this body. */
export function contact(extra = '', body = 'Commander.'): string {
  return `---
id: ann-lee
kind: contact
type: person
name: Ann Lee
team: secops
roles: [incident-commander]
channels:
  - type: phone
    value: "+44 20 7946 0001"
backups: [ben-ode]
${extra}status: active
last_verified: 2026-11-01
verified_by: ben-ode
---

${body}
`;
}

const paragraphs = (text: string, n: number) => Array.from({ length: n }, () => text).join('\n\n');

export const HOSTILE: HostileCase[] = [
  // Execution: nothing in a document is ever run.
  { category: 'execution', name: '---js front matter', file: C, content: '---js\n{ id: (globalThis.__pwned = 1) }\n---\n', expect: ['1 parse/front-matter-fence'] },
  { category: 'execution', name: '---javascript after a YAML block', file: C, content: '---\nid: ann-lee\n---javascript\n(globalThis.__pwned = 1)\n---\n', expect: ['3 parse/front-matter-fence'] },
  { category: 'execution', name: 'a !!js/function tag', file: C, content: contact('owns: !!js/function "function () { globalThis.__pwned = 1 }"\n'), expect: ['12 parse/custom-tag'] },
  { category: 'execution', name: 'script and event handlers in the body', file: I, content: incident('<script>globalThis.__pwned = 1</script> <img src=x onerror="alert(1)"> [x](javascript:alert(2))'), expect: [] },

  // Templating: content is never a template.
  { category: 'templating', name: 'Liquid and Nunjucks in the body and the title', file: I, content: incident('{{ 7 * 7 }} {% include "/etc/passwd" %} {%- raw %}').replace('title: Hostile case', 'title: "{{ site.secret }} {% raw %}"'), expect: [] },
  { category: 'templating', name: 'Eleventy keys in front matter', file: C, content: contact('permalink: ../../../../tmp/pwned.html\nlayout: evil\neleventyComputed:\n  title: x\n'), expect: ['12 schema/unknown-field', '13 schema/unknown-field', '14 schema/unknown-field'] },

  // Output paths: pages are named only from validated ids.
  { category: 'output paths', name: 'an id that climbs out of the output', file: I, content: incident('x').replace('id: INC-2026-001', 'id: "../../../etc/INC-2026-001"'), expect: ['2 ref/file-name', '2 schema/pattern'] },
  { category: 'output paths', name: 'an id in full-width digits', file: I, content: incident('x').replace('id: INC-2026-001', 'id: INC-2026-００１'), expect: ['2 schema/pattern'] },

  // Prototype keys.
  { category: 'prototype keys', name: '__proto__ nested', file: C, content: contact().replace('    value: "+44 20 7946 0001"', '    value: "+44 20 7946 0001"\n    __proto__: { admin: true }'), expect: ['11 parse/forbidden-key'] },
  { category: 'prototype keys', name: 'constructor and prototype', file: C, content: contact('constructor: x\nprototype: y\n'), expect: ['12 parse/forbidden-key', '13 parse/forbidden-key'] },

  // YAML bombs and depth.
  { category: 'YAML bombs and depth', name: 'a billion-laughs alias bomb', file: C, content: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 19 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n---\n`, expect: ['2 parse/alias'] },
  { category: 'YAML bombs and depth', name: 'flow nesting 20,000 deep', file: C, content: `---\nid: ann-lee\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`, expect: ['3 parse/too-deep'] },
  { category: 'YAML bombs and depth', name: 'block nesting 300 deep', file: C, content: `---\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n---\n`, expect: ['34 parse/too-deep'] },
  { category: 'YAML bombs and depth', name: '6,400 unknown keys', file: C, content: `---\n${Array.from({ length: 6400 }, (_, i) => `k${i}: v`).join('\n')}\n---\n`, expect: ['1002 parse/too-large'] },
  { category: 'YAML bombs and depth', name: 'a list of 5,000 items', file: I, content: incident('x', `systems:\n${Array.from({ length: 5000 }, (_, i) => `  - s${i}`).join('\n')}\n`), expect: ['1011 parse/too-large'] },

  // Markdown pathologies: each stalls micromark for seconds to minutes without the guard.
  { category: 'Markdown pathologies', name: '25,000 emphasis markers in a paragraph', file: I, content: incident('*a'.repeat(25_000)), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'emphasis just under the per-paragraph limit, many times', file: I, content: incident(paragraphs('*a'.repeat(700), 120)), expect: ['24 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'reference-like brackets', file: I, content: incident('[a][b]'.repeat(25_000)), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'unclosed links', file: I, content: incident('[a]('.repeat(25_000)), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'strikethrough markers', file: I, content: incident('~~a'.repeat(25_000)), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'footnote-like brackets', file: I, content: incident('[^a]'.repeat(25_000)), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'block quotes 25,000 deep', file: I, content: incident(`${'>'.repeat(25_000)} a`), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'lists 5,000 deep on one line', file: I, content: incident(`${'- '.repeat(5000)}a`), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'lists 200 deep by indentation', file: I, content: incident(Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n')), expect: ['38 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'a table row of 5,000 cells', file: I, content: incident(`|${'a|'.repeat(5000)}\n|${'-|'.repeat(5000)}`), expect: ['14 md/too-complex'] },
  { category: 'Markdown pathologies', name: '5,000 headings', file: I, content: incident(Array.from({ length: 5000 }, (_, i) => `## h${i}\n\ntext`).join('\n\n')), expect: ['3464 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'a body of prose at the size cap', file: I, content: incident(paragraphs('Some **bold** text with a [link](https://example.org) and `code`, and _more_ words here.', 2500)), expect: ['1264 md/too-complex'] },
  { category: 'Markdown pathologies', name: 'emphasis in many paragraphs, just under the weight limit', file: I, content: incident(paragraphs('*a'.repeat(200), 54)), expect: [] },
  { category: 'Markdown pathologies', name: 'links in many paragraphs, just under the weight limit', file: I, content: incident(paragraphs('[a](https://example.org/b) '.repeat(100), 11)), expect: [] },
  { category: 'Markdown pathologies', name: 'prose just under the weight limit', file: I, content: incident(paragraphs('Some **bold** text with a [link](https://example.org) and `code`, and _more_ words here.', 600)), expect: [] },
  { category: 'Markdown pathologies', name: 'a malformed percent escape in a link', file: I, content: incident('[report](%E0%A4%A) and [x](../plans/%ZZ.md)'), expect: ['14 md/broken-link', '14 md/broken-link'] },

  // Size: refused by size before being read whole.
  { category: 'size', name: 'a file over the cap', file: I, content: incident('x'.repeat(300_000)), expect: ['1 parse/too-large'] },
  { category: 'size', name: 'front matter over the cap', file: C, content: contact(`notes: "${'x'.repeat(70_000)}"\n`), expect: ['2 parse/too-large'] },
  { category: 'size', name: 'a long line of one word', file: I, content: incident('a'.repeat(200_000)), expect: ['14 md/too-complex'] },
  // Every front-matter line is read by patterns that must not backtrack over it (parse/plain-yaml.ts).
  { category: 'size', name: 'a front-matter line of 50,000 spaces, quotes and dashes', file: C, content: contact(`notes: x${' '.repeat(20_000)}"${' - '.repeat(5_000)}'${' '.repeat(15_000)}#\n`), expect: ['12 schema/range'] },

  // Encoding and control characters.
  { category: 'encoding and control characters', name: 'Latin-1 bytes', file: C, content: Buffer.from(contact().replace('Ann Lee', 'Ann L\u00e9e'), 'latin1'), expect: ['5 parse/not-utf8'] },
  { category: 'encoding and control characters', name: 'UTF-16 with a byte-order mark', file: C, content: Buffer.from(`\ufeff${contact()}`, 'utf16le'), expect: ['1 parse/not-utf8'] },
  { category: 'encoding and control characters', name: 'NUL in the name, escaped', file: C, content: contact().replace('name: Ann Lee', 'name: "Ann\\0Lee"'), expect: ['5 parse/control-character'] },
  { category: 'encoding and control characters', name: 'NUL in the name, raw', file: C, content: contact().replace('name: Ann Lee', 'name: Ann\u0000Lee'), expect: ['5 parse/control-character'] },
  { category: 'encoding and control characters', name: 'a terminal escape sequence in the body', file: C, content: contact('', 'Call \u001b[2J\u001b[31mnow'), expect: ['17 parse/control-character', '17 parse/control-character'] },
  { category: 'encoding and control characters', name: 'a line separator in the title', file: I, content: incident('x').replace('title: Hostile case', 'title: Hostile\u2028case'), expect: ['4 parse/control-character'] },
  { category: 'encoding and control characters', name: 'a right-to-left override in the name', file: C, content: contact().replace('name: Ann Lee', 'name: Ann \u202eeeL'), expect: ['5 parse/bidi-control'] },
  { category: 'encoding and control characters', name: 'lone carriage returns', file: C, content: contact().replace(/\n/g, '\r'), expect: ['1 parse/line-endings'] },
  { category: 'encoding and control characters', name: 'whitespace after the opening fence', file: C, content: contact().replace(/^---\n/, '--- \n'), expect: ['1 parse/front-matter-fence'] },
  { category: 'encoding and control characters', name: 'a ---x closer', file: C, content: contact().replace('\n---\n\nCommander', '\n---x\n\nCommander'), expect: ['15 parse/front-matter-fence'] },

  // Secrets pasted into notes.
  { category: 'secrets', name: 'a Slack webhook', file: I, content: incident('Posted by <https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx> to #alerts.'), expect: ['14 secret/slack'] },
  { category: 'secrets', name: 'a GitHub personal access token', file: I, content: incident('The runner used github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 to push.'), expect: ['14 secret/github'] },
  { category: 'secrets', name: 'a database URL with its password', file: I, content: incident('Connected with `postgres://admin:S3cretPassw0rd@db.internal:5432/prod`.'), expect: ['14 secret/database-connection-string'] },
  { category: 'secrets', name: 'a cloud secret key', file: I, content: incident('```\naws_secret_access_key = "Zx8qL1mN3pR5tV7wY9aB2cD4eF6gH8jK0lM2nP4q"\n```'), expect: ['15 secret/aws'] },
  { category: 'secrets', name: 'a private key block', file: I, content: incident('```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n-----END RSA PRIVATE KEY-----\n```'), expect: ['15 secret/privatekey'] },
  { category: 'secrets', name: 'a JSON Web Token', file: I, content: incident('Session eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c replayed.'), expect: ['14 secret/jwt'] },
  { category: 'secrets', name: 'a Discord webhook in front matter', file: I, content: incident('x', 'detection:\n  source: https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz_ABCDEF\n'), expect: ['11 secret/webhook'] },
];
