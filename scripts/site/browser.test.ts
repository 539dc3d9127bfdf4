import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample } from '../test/repo.js';
import { serve } from '../test/serve.js';
import { buildSite, prepareBuild } from '../test/site.js';
import { writeSearchIndex } from '../io/search-index.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium)');

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe.skipIf(!available)('in a real browser', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  let built: string;
  const problems: string[] = [];

  beforeAll(async () => {
    prepareBuild();
    const root = copyExample();
    // A date at which some contacts are stale, so the dashboard has one to follow.
    const r = buildSite(root, '--audience', 'internal', '--now', '2027-01-20');
    expect(r.code, r.err).toBe(0);
    built = r.dir;
    site = await serve(r.dir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, context = browser): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`script error on ${path}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${path}: ${m.text()}`);
    });
    await page.goto(site.url + path);
    return page;
  }

  it('follows a stale contact from the dashboard to its page', async () => {
    const page = await open('/');
    const link = page.locator('#contacts li', { has: page.locator('.fresh-stale') }).first().locator('a');
    const name = (await link.textContent())!;
    await link.click();
    await expect.poll(() => page.url()).toMatch(/\/contacts\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(name);
    expect(await page.locator('.fresh-stale').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('opens an incident from the dashboard', async () => {
    const page = await open('/');
    await page.locator('#open table a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/incidents\/inc-2026-005\/$/);
    expect(await page.locator('h1').textContent()).toContain('OAuth');
    expect(await page.locator('#h-durations').count()).toBe(1);
    await page.close();
  });

  it('finds an incident by a word from its timeline', async () => {
    const page = await open('/search/');
    await page.fill('#q', 'queue');
    await page.press('#q', 'Enter');
    const result = page.locator('#results a[href$="/incidents/inc-2026-002/"]');
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await expect.poll(() => page.url()).toMatch(/\/incidents\/inc-2026-002\/$/);
    expect(await page.locator('h1').textContent()).toContain('DDoS');
    await page.close();
  });

  it('searches an index written in parts as one: what one index finds, listed first', async () => {
    // The same site, its index written again a page to a part (a large site's parts hold 16 MB of pages).
    const dir = `${built}-parts`;
    cpSync(built, dir, { recursive: true });
    rmSync(`${dir}/pagefind`, { recursive: true });
    expect(await writeSearchIndex(dir, 1)).toBeGreaterThan(20);
    const parted = await serve(dir);
    const results = async (url: string, term: string) => {
      const page = await browser.newPage();
      page.on('pageerror', (e) => problems.push(`script error searching ${term}: ${e.message}`));
      await page.goto(`${url}/search/?q=${encodeURIComponent(term)}`);
      await page.locator('#results p').first().waitFor({ timeout: 15_000 });
      const count = Number(/^(\d+) result/.exec((await page.locator('#results p').first().textContent()) ?? '')?.[1]);
      const urls = await page.locator('#results ol.results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      await page.close();
      return { count, urls };
    };
    try {
      // Words some pages hold whole, where others only begin with them (detect: detection). One
      // index then finds those pages only; parts without such a page find the others too, and the
      // pages that hold the words whole are listed first.
      for (const term of ['Okafor', 'queue', 'INC-2026-004', 'Europe/London', 'detect']) {
        const one = await results(site.url, term);
        const parts = await results(parted.url, term);
        expect(one.count, term).toBeGreaterThan(0);
        expect(one.count, term).toBeLessThanOrEqual(20);
        expect(parts.count, term).toBeGreaterThanOrEqual(one.count);
        expect(parts.urls.slice(0, one.urls.length).sort(), term).toEqual([...one.urls].sort());
      }
      // A word no page holds whole: every page one index finds by its beginning is found.
      const one = await results(site.url, 'notif');
      const parts = await results(parted.url, 'notif');
      expect(one.count).toBeGreaterThan(0);
      expect(parts.urls).toEqual(expect.arrayContaining(one.urls));
      // Scores differ from part to part; an id is still its own page's, first.
      expect((await results(parted.url, 'INC-2026-004')).urls[0]).toMatch(/\/incidents\/inc-2026-004\/$/);
    } finally {
      await parted.close();
    }
  });

  it('has no serious or critical accessibility violation', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // axe is injected as a script, which the site's own CSP rightly forbids: bypass it for axe only.
    const context = await browser.newContext({ bypassCSP: true });
    const violations: string[] = [];
    for (const path of ['/', '/call-sheets/', '/incidents/', '/incidents/inc-2026-001/', '/contacts/', '/contacts/dan-reyes/', '/plans/ransomware/', '/plans/ransomware/call-sheet/', '/lessons/', '/metrics/', '/search/', '/404.html']) {
      const page = await context.newPage();
      await page.goto(site.url + path);
      await page.addScriptTag({ content: axe });
      const found = (await page.evaluate(`axe.run().then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.impact + ', ' + v.nodes.length + ')'))`)) as string[];
      violations.push(...found.map((f) => `${path}: ${f}`));
      await page.close();
    }
    await context.close();
    expect(violations).toEqual([]);
  }, 60_000);

  it('raised no dialog, script error or console error', () => {
    expect(problems).toEqual([]);
  });

  const PAGES = ['/', '/call-sheets/', '/incidents/', '/incidents/inc-2026-001/', '/incidents/inc-2026-004/', '/contacts/', '/contacts/dan-reyes/', '/plans/', '/plans/ransomware/', '/plans/ransomware/call-sheet/', '/lessons/', '/metrics/', '/search/', '/404.html'];

  it.each([390, 1280])('at %i px: no page scrolls sideways', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const overflowing: string[] = [];
    for (const path of PAGES) {
      const page = await context.newPage();
      await page.goto(site.url + path);
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      if (overflow > 1) overflowing.push(`${path}: ${overflow}px`);
      await page.close();
    }
    await context.close();
    expect(overflowing).toEqual([]);
  }, 60_000);

  /** Labels of the page's charts that run past their chart's edge or into another label, by chart. */
  const misplacedLabels = (page: Page) => page.evaluate(`[...document.querySelectorAll('svg.chart')].flatMap((svg) => {
    const box = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ t: t.textContent, b: t.getBBox() }));
    const name = svg.getAttribute('aria-label');
    const outside = texts.filter(({ b }) => b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5)
      .map(({ t, b }) => name + ': ' + t + ' at ' + Math.round(b.x) + '..' + Math.round(b.x + b.width));
    const overlapping = texts.flatMap((a, i) => texts.slice(i + 1).filter((c) => a.b.x < c.b.x + c.b.width - 0.5 && c.b.x < a.b.x + a.b.width - 0.5 && a.b.y < c.b.y + c.b.height - 0.5 && c.b.y < a.b.y + a.b.height - 0.5)
      .map((c) => name + ': ' + a.t + ' over ' + c.t));
    return [...outside, ...overlapping];
  })`) as Promise<string[]>;

  it('every label of every chart is inside its chart, clear of the others', async () => {
    const page = await open('/metrics/');
    expect(await page.locator('svg.chart text').count()).toBeGreaterThan(10);
    expect(await misplacedLabels(page)).toEqual([]);
    await page.close();
  });

  it('a chart of every kind of gap, and of long names, keeps its legend inside it (in rows)', async () => {
    const { lines, stackedBars } = await import('./svg.js');
    const quarters = ['2025 Q4', '2026 Q1', '2026 Q2'];
    const kinds = ['communication', 'access', 'visibility', 'tooling', 'vendor', 'process', 'knowledge'];
    const charts = [
      stackedBars('Gaps recorded per quarter, by kind', quarters, kinds.map((k, i) => ({ name: k, cls: `m-gap-${i}`, values: [1, i % 3, 2] }))),
      lines('Median hours per quarter', quarters, ['time to detect (median)', 'time to contain (median)', 'time to resolve (median)'].map((n, i) => ({ name: n, cls: `m-${i}`, values: [i + 1, undefined, i + 2] })), ' h'),
    ];
    const page = await open('/404.html');
    await page.evaluate(`document.querySelector('main').innerHTML = ${JSON.stringify(charts.map((c) => `<figure class="figure-wrap">${c}</figure>`).join(''))}`);
    expect(await page.locator('svg.chart').count()).toBe(2);
    expect(await misplacedLabels(page)).toEqual([]);
    await page.close();
  });

  it('on a phone, a stacked table keeps each value\'s label; on a desktop the header row shows', async () => {
    const label = async (width: number) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(site.url + '/incidents/inc-2026-001/');
      const cell = page.locator('section[aria-labelledby="h-engage"] td[data-label="Time to engage"]').first();
      const shown = (await cell.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(el, '::before').content)) as string;
      const head = await page.locator('section[aria-labelledby="h-engage"] thead').first().boundingBox();
      await context.close();
      return { shown, headHeight: head?.height ?? 0 };
    };
    const phone = await label(390);
    expect(phone.shown).toBe('"Time to engage: "');
    expect(phone.headHeight).toBeLessThanOrEqual(1);
    const desktop = await label(1280);
    expect(desktop.shown).toBe('none');
    expect(desktop.headHeight).toBeGreaterThan(10);
  });

  it('numbers and addresses are links to tap: tel: and mailto:', async () => {
    for (const path of ['/contacts/dan-reyes/', '/plans/ransomware/call-sheet/']) {
      const page = await open(path);
      const hrefs = (await page.locator('a.channel').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) as string[];
      expect(hrefs.some((h) => /^tel:\+44\d{9,}$/.test(h)), path).toBe(true);
      expect(hrefs.some((h) => /^mailto:[^@]+@kestrel-freight\.example$/.test(h)), path).toBe(true);
      await page.close();
    }
  });

  it('the call sheets are one tap from every page', async () => {
    for (const path of ['/', '/incidents/inc-2026-001/', '/lessons/']) {
      const page = await open(path);
      expect(await page.locator('nav[aria-label="Main"] a', { hasText: 'Call sheets' }).getAttribute('href'), path).toMatch(/\/call-sheets\/$/);
      await page.close();
    }
  });

  it.each(['A4', 'Letter'] as const)('every call sheet prints on one %s page, with who must be told', async (format) => {
    const counts: Record<string, number> = {};
    for (const plan of ['ransomware', 'credential-compromise', 'ddos', 'personal-data-breach']) {
      const page = await open(`/plans/${plan}/call-sheet/`);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format });
      counts[plan] = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(await page.locator('h2', { hasText: 'Who must be told' }).count()).toBe(1);
      await page.close();
    }
    expect(counts).toEqual({ ransomware: 1, 'credential-compromise': 1, ddos: 1, 'personal-data-breach': 1 });
  }, 60_000);

  it('an incident prints as a document with its report', async () => {
    const page = await open('/incidents/inc-2026-004/');
    await page.emulateMedia({ media: 'print' });
    // Printed, the report folded on screen is visible.
    expect(await page.locator('#report h4', { hasText: 'What remains open' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#report h4', { hasText: 'What remains open' }).isVisible()).toBe(false);
    await page.close();
  });

  it('searching an incident\'s id finds it first, with its id, type and status', async () => {
    const page = await open('/search/?q=INC-2026-004');
    const first = page.locator('#results ol.results li').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.locator('a').getAttribute('href')).toMatch(/\/incidents\/inc-2026-004\/$/);
    expect(await first.locator('.result-meta').textContent()).toBe('INC-2026-004 · Incident · resolved');
    await page.close();
  });

  it('an address that leads nowhere gets a page that says so', async () => {
    const page = await open('/404.html');
    expect(await page.locator('h1').textContent()).toBe('Not found');
    await page.close();
  });
});
