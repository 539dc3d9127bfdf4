import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leftToWrite, onPage, renderPage } from './data.js';

// `build` writes each page as its template renders it; `serve` and tests leave the writing to Eleventy.
describe('renderPage', () => {
  afterEach(() => onPage(undefined));
  const heard = () => {
    const events: string[] = [];
    onPage({ rendered: (path, text) => events.push(`rendered ${path} ${text}`), written: (path, text) => events.push(`written ${path} ${text} ${readFileSync(path, 'utf8')}`) });
    return events;
  };

  it('without a listener, hands the text to Eleventy and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-page-'));
    const path = join(dir, 'a', 'index.html');
    expect(await renderPage({ page: { outputPath: path } }, () => '<p>a</p>')).toBe('<p>a</p>');
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ['a folder made beforehand', 'made'],
    ['a folder not made yet', 'missing/deeper'],
  ])('in a build, writes the page (%s), tells the listener, and hands Eleventy nothing', async (_, folder) => {
    const dir = mkdtempSync(join(tmpdir(), 'render-page-'));
    if (folder === 'made') mkdirSync(join(dir, folder));
    const path = join(dir, folder, 'index.html');
    const events = heard();
    expect(await renderPage({ page: { outputPath: path } }, () => '<p>caf\u00e9 \u2014 \ud83d\udd25</p>')).toBe('');
    expect(readFileSync(path, 'utf8')).toBe('<p>caf\u00e9 \u2014 \ud83d\udd25</p>');
    // Rendered first, then written: the file holds the text when the listener hears of it.
    expect(events).toEqual([`rendered ${path} <p>caf\u00e9 \u2014 \ud83d\udd25</p>`, `written ${path} <p>caf\u00e9 \u2014 \ud83d\udd25</p> <p>caf\u00e9 \u2014 \ud83d\udd25</p>`]);
  });

  it('in a build, a page Eleventy gives no path to is handed back to it', async () => {
    const events = heard();
    expect(await renderPage({ page: { outputPath: false } }, () => 'x')).toBe('x');
    expect(events).toEqual([]);
  });

  it('a page that cannot be written fails the render (the build then fails)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-page-'));
    heard();
    // Its folder is a file.
    writeFileSync(join(dir, 'file'), '');
    await expect(renderPage({ page: { outputPath: join(dir, 'file', 'index.html') } }, () => 'x')).rejects.toThrow(/ENOTDIR/);
  });
});

describe('leftToWrite (Eleventy\'s last transform)', () => {
  afterEach(() => onPage(undefined));
  it.each([
    ['a build, the page written by renderPage', true, '', false],
    ['a build, a page made another way', true, '<p>x</p>', true],
    ['no build (serve), any page', false, '<p>x</p>', false],
  ])('%s', (_, building, content, fails) => {
    if (building) onPage({ rendered: () => undefined, written: () => undefined });
    const call = () => leftToWrite('/out/x/index.html', content);
    if (fails) expect(call).toThrow('/out/x/index.html: a page made without renderPage');
    else expect(call).not.toThrow();
  });
});
