import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample } from '../test/repo.js';
import { serve } from '../test/serve.js';
import { buildSite, prepareBuild } from '../test/site.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium)');

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe.skipIf(!available)('in a real browser', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  const problems: string[] = [];

  beforeAll(async () => {
    prepareBuild();
    const root = copyExample();
    // A date at which some contacts are stale, so the dashboard has one to follow.
    const r = buildSite(root, '--audience', 'internal', '--now', '2027-01-20');
    expect(r.code, r.err).toBe(0);
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

  it('has no serious or critical accessibility violation', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // axe is injected as a script, which the site's own CSP rightly forbids: bypass it for axe only.
    const context = await browser.newContext({ bypassCSP: true });
    const violations: string[] = [];
    for (const path of ['/', '/incidents/', '/incidents/inc-2026-001/', '/contacts/', '/contacts/dan-reyes/', '/plans/ransomware/', '/plans/ransomware/call-sheet/', '/lessons/', '/metrics/', '/search/']) {
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

  it('works at phone width without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    for (const path of ['/', '/incidents/inc-2026-001/', '/contacts/']) {
      const page = await context.newPage();
      await page.goto(site.url + path);
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow, path).toBeLessThanOrEqual(1);
      await page.close();
    }
    await context.close();
  });
});
