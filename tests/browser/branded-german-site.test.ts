import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../src/site/i18n/de.js';
import { en } from '../../src/site/i18n/en.js';
import { runBuild } from '../helpers/build-fixture.js';
import { DEMO_HANDBOOK } from '../helpers/demo-handbook.js';
import { pageOfEachKind } from '../helpers/page-kinds.js';
import { serveStatic } from '../helpers/static-server.js';
import { visibleTexts } from '../helpers/visible-text.js';

// Debian's Chromium; no tool here downloads a browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ACCENT = { light: '#0b5394', dark: '#9fc5ff' };
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#0b5394"/></svg>\n';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let out: string;
let pages: string[];
/** One page of each kind, by site path. */
let kinds: [string, string][];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-de-'));
  const content = path.join(dir, 'content');
  cpSync(DEMO_HANDBOOK, content, { recursive: true });
  appendFileSync(
    path.join(content, 'handbook.yaml'),
    `language: de
siteName: Larkspur OKRs
logo: { src: branding/logo.svg, alt: Larkspur Analytics }
favicon: branding/logo.svg
accent: { light: '${ACCENT.light}', dark: '${ACCENT.dark}' }
footerLinks:
  - { label: Intranet, href: 'https://intranet.example.com/' }
  - { label: Datenschutz, href: 'https://intranet.example.com/datenschutz' }
`,
  );
  mkdirSync(path.join(content, 'branding'));
  writeFileSync(path.join(content, 'branding/logo.svg'), LOGO);
  // A German text whose only form of "Ziel" is the singular: searching the plural "Zielen" finds it only with German stemming.
  writeFileSync(
    path.join(content, 'glossary/zielbild.md'),
    '---\nterm: Zielbild\nsummary: Ein Bild vom Ende des Zyklus.\n---\nDas Zielbild beschreibt, wie der Erfolg am Ende des Zyklus aussieht: ein klares Ziel pro Team.\n',
  );
  out = path.join(dir, 'site');
  const build = runBuild('--content', content, '--out', out, '--base', '/okrs/');
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  kinds = pageOfEachKind(out);
  server = await serveStatic(out, '/okrs/');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const normalize = (text: string) => text.replace(/^[\s(:·,.›]+|[\s):·,.›]+$/g, '');

/**
 * Each English message that German words differently, as a pattern matching
 * a whole text of a page (a label is one text node; its `{slots}` match
 * anything).
 */
function englishPatterns(): { key: string; pattern: RegExp }[] {
  return Object.entries(en)
    .filter(([key, text]) => (de as Record<string, string>)[key] !== text)
    // `{kind} of {date}` would match any text with " of " in it: too little of its own to tell.
    .filter(([, text]) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length >= 3)
    .map(([key, text]) => ({
      key,
      pattern: new RegExp(`^${normalize(text).split(/\{\w+\}/).map((piece) => piece.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')).join('.+?')}$`),
    }));
}

/** Every string of `/handbook.json`: what the content says, which stays in the authors' language. */
function contentStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(normalize(value));
  else if (value && typeof value === 'object') for (const item of Object.values(value)) contentStrings(item, into);
  return into;
}

describe('a handbook with `language: de` and branding', () => {
  it('leaves no English label on any page, and every page says lang="de"', () => {
    const patterns = englishPatterns();
    const content = contentStrings(JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8')));
    const found: string[] = [];
    for (const file of pages) {
      const html = readFileSync(path.join(out, file), 'utf8');
      expect(html, file).toMatch(/<html lang="de"/);
      // Markdown bodies and the model's own strings (titles, names, notes) are content, not labels;
      // validation text (rule descriptions, warnings) stays English and is marked `lang="en"`.
      // The body's own headings also stand in the page's "on this page" list: content there too.
      const body = new Set(visibleTexts(html, { onlyClass: 'prose' }).map(normalize));
      const texts = visibleTexts(html, { skipClass: 'prose', skipLang: 'en' }).map(normalize).filter((text) => text !== '' && !content.has(text) && !body.has(text));
      for (const text of new Set(texts)) {
        for (const { key, pattern } of patterns) if (pattern.test(text)) found.push(`${file}: ${key} "${text}"`);
      }
    }
    expect([...new Set(found)].slice(0, 30)).toEqual([]);
    expect(pages.length).toBeGreaterThan(100);
  });

  it('writes dates and numbers the German way', () => {
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('Datenstand <time datetime="2026-08-20">20. Aug. 2026</time>');
    // The attention list names confidences with the German decimal sign.
    expect(home).toMatch(/Zuversicht gesunken von 0,\d\d auf 0,\d\d/);
  });

  it('finds inflected German words from their stem', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}`);
    // A string, so the test runner's transform leaves the browser's own `import()` alone.
    const urls = await page.evaluate(`(async () => {
      const pagefind = await import('/okrs/pagefind/pagefind.js');
      await pagefind.options({ baseUrl: '/okrs/' });
      const search = await pagefind.search('Zielen');
      return Promise.all(search.results.map(async (result) => (await result.data()).url));
    })()`);
    expect(urls).toContain('/okrs/glossary/zielbild/');
    await page.close();
  }, 60_000);

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the logo, favicon, accent and footer links on every page kind in ${scheme} mode, with no serious accessibility violation`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      for (const [kind, address] of kinds) {
        const page = await context.newPage();
        const response = await page.goto(`${server.url}${address}`);
        expect(response?.status(), kind).toBe(200);
        const shown = await page.evaluate(async () => {
          const logo = document.querySelector<HTMLImageElement>('.site-title img');
          const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
          const link = document.querySelector<HTMLAnchorElement>('main a') ?? document.querySelector<HTMLAnchorElement>('nav a')!;
          const footer = [...document.querySelectorAll<HTMLAnchorElement>('.footer-links a')].map((a) => [a.textContent, a.href]);
          return {
            logo: logo ? { loaded: logo.complete && logo.naturalWidth > 0, alt: logo.alt } : undefined,
            name: document.querySelector('.site-title')?.textContent?.trim(),
            icon: icon ? (await fetch(icon.href)).status : undefined,
            accent: getComputedStyle(link).color,
            footer,
          };
        });
        const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
        expect(shown, kind).toEqual({
          logo: { loaded: true, alt: 'Larkspur Analytics' },
          name: 'Larkspur OKRs',
          icon: 200,
          accent: rgb(ACCENT[scheme]),
          footer: [
            ['Intranet', 'https://intranet.example.com/'],
            ['Datenschutz', 'https://intranet.example.com/datenschutz'],
          ],
        });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run();
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${kind}: axe`).toEqual([]);
        await page.close();
      }
      await context.close();
    }, 180_000);
  }
});
