// The feed is Atom (RFC 4287): checked element by element against the specification's
// requirements, with and without a configured origin, in a strict XML parser.

import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/policy.js';
import { BASE, loadModel, NOW } from '../test/harness.js';
import { feed } from './pages/feed.js';
import { buildSiteData } from './site-data.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

function parse(xml: string): Element {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
  return doc.documentElement as unknown as Element;
}

const children = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM);
const one = (el: Element, name: string) => {
  const found = children(el, name);
  expect(found.length, `exactly one atom:${name}`).toBe(1);
  return found[0]!;
};

/** The MUSTs of RFC 4287 §4.1.1 and §4.1.2 for a feed whose entries carry no content. */
function checkAtom(root: Element): { entries: Element[] } {
  expect(root.localName).toBe('feed');
  expect(root.namespaceURI).toBe(ATOM);
  expect(one(root, 'id').textContent).toMatch(IRI);
  expect(one(root, 'title').textContent!.length).toBeGreaterThan(0);
  expect(one(root, 'updated').textContent).toMatch(RFC3339);
  const entries = children(root, 'entry');
  // atom:feed MUST contain an atom:author unless every entry does.
  if (children(root, 'author').length === 0) for (const e of entries) expect(children(e, 'author').length).toBeGreaterThan(0);
  for (const a of children(root, 'author')) expect(one(a, 'name').textContent!.length).toBeGreaterThan(0);
  const alternates = children(root, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  expect(new Set(alternates.map((l) => `${l.getAttribute('type')}|${l.getAttribute('hreflang')}`)).size).toBe(alternates.length);
  expect(children(root, 'link').some((l) => l.getAttribute('rel') === 'self')).toBe(true);
  const ids = new Set<string>();
  for (const e of entries) {
    const id = one(e, 'id').textContent!;
    expect(id).toMatch(IRI);
    ids.add(id);
    expect(one(e, 'title').textContent!.length).toBeGreaterThan(0);
    expect(one(e, 'updated').textContent).toMatch(RFC3339);
    // Without atom:content, an entry MUST have an alternate link (and a summary).
    expect(children(e, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate').length).toBe(1);
    expect(children(e, 'summary').length).toBe(1);
  }
  expect(ids.size, 'entry ids are unique').toBe(entries.length);
  return { entries };
}

describe('the Atom feed', () => {
  const model = loadModel(BASE);
  const site = (origin?: string) => buildSiteData({ model, diagnostics: [], now: NOW, audience: 'internal', base: '/ir/', policy: defaultConfig().policy, config: { ...defaultConfig(), site: { ...(origin ? { origin } : {}), author: 'Kestrel Freight security team' } } });

  it('is Atom, with its origin: absolute links, the publisher as author, stable ids', () => {
    const root = parse(feed(site('https://ir.example.org')));
    const { entries } = checkAtom(root);
    expect(entries.length).toBeGreaterThan(0);
    expect(one(one(root, 'author'), 'name').textContent).toBe('Kestrel Freight security team');
    expect(children(entries[0]!, 'link')[0]!.getAttribute('href')).toMatch(/^https:\/\/ir\.example\.org\/ir\/incidents\/inc-\d{4}-\d{3}\/$/);
    // Ids do not depend on where the site is published.
    expect(one(entries[0]!, 'id').textContent).toBe(one(checkAtom(parse(feed(site('https://elsewhere.example')))).entries[0]!, 'id').textContent);
  });

  it('is Atom without an origin too: links relative to the feed, never a placeholder host', () => {
    const xml = feed(site());
    const { entries } = checkAtom(parse(xml));
    expect(children(entries[0]!, 'link')[0]!.getAttribute('href')).toMatch(/^\/ir\/incidents\//);
    expect(xml).not.toMatch(/invalid|example\.com/);
  });

  it('build --origin wins over firebreak.yml', () => {
    const s = site('https://ir.example.org');
    expect(feed(s, 'https://override.example')).toContain('href="https://override.example/ir/feed.xml"');
  });
});
