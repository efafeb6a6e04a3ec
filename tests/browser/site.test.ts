import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/build-fixture.js';
import { launchChromium } from '../helpers/browser.js';
import { DEMO_HANDBOOK } from '../helpers/demo-handbook.js';
import { pageOfEachKind } from '../helpers/page-kinds.js';
import { serveStatic } from '../helpers/static-server.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let addresses: [string, string][];

beforeAll(async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'okr-handbook-browser-')), 'site');
  const build = runBuild('--content', DEMO_HANDBOOK, '--out', out, '--base', '/okrs/');
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  // One page of each kind, chosen from the model so the test follows the fixture.
  addresses = pageOfEachKind(out);
  server = await serveStatic(out, '/okrs/');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(address: string, width = 1280, colorScheme: 'light' | 'dark' = 'light', status = 200): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const response = await page.goto(`${server.url}${address}`);
  expect(response?.status(), address).toBe(status);
  return { page, errors };
}

describe('the built demo site in Chromium', () => {
  it('opens one page of each kind, light and dark, on a laptop and a phone, without console errors or serious accessibility violations', async () => {
    const pages: [string, string, number][] = [...addresses.map(([kind, address]): [string, string, number] => [kind, address, 200]), ['404', 'no-such-page/', 404]];
    for (const [kind, address, status] of pages) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [1280, 390]) {
          const { page, errors } = await open(address, width, colorScheme, status);
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
            const result = await axe.run();
            return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
          });
          const where = `${kind}, ${colorScheme}, ${width} px`;
          // The 404 page's own request is the one expected failure.
          expect(errors.filter((error) => status === 200 || !/404/.test(error)), `${where}: console`).toEqual([]);
          expect(violations, `${where}: axe`).toEqual([]);
          await page.close();
        }
      }
    }
    // 68 pages through axe: minutes on a busy machine.
  }, 1_500_000);

  it('fits a phone screen: nothing scrolls sideways except inside table wrappers', async () => {
    for (const [kind, address] of addresses) {
      const { page } = await open(address, 375);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, kind).toBeLessThanOrEqual(0);
      await page.close();
    }
  }, 120_000);

  it('ships no JavaScript but the search loader, and keeps every link under the base path', async () => {
    const { page } = await open('');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const scripts = await page.$$eval('script', (elements) => elements.map((script) => ({ src: script.getAttribute('src'), text: script.textContent ?? '' })));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.src).toBeNull();
    expect(scripts[0]!.text).toContain('search-ui.js');
    await page.waitForTimeout(300);
    expect(requested.filter((url) => /search-ui|pagefind/.test(url))).toEqual([]); // nothing loads until search is used
    const links = await page.$$eval('a[href^="/"]', (anchors) => anchors.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !link.startsWith('/okrs/'))).toEqual([]);
    await page.close();
  });
});

describe('search in Chromium', () => {
  /** Types into the header's search box and returns the results shown: title, details, address. */
  async function searchFor(page: Page, term: string) {
    // The previous query's status would pass for this one's on a slow machine: clear it, and wait for the new one.
    await page.evaluate(() => {
      const status = document.querySelector('.search-status');
      if (status) status.textContent = '';
    });
    await page.fill('#site-search-input', term);
    await page.waitForFunction(
      (expected) => {
        const status = document.querySelector('.search-status')?.textContent ?? '';
        return (document.getElementById('site-search-input') as HTMLInputElement).value === expected && /result/.test(status);
      },
      term,
    );
    await page.waitForTimeout(200);
    return page.$$eval('.search-results li', (items) =>
      items.map((item) => ({
        title: item.querySelector('a')!.textContent,
        href: item.querySelector('a')!.getAttribute('href'),
        details: item.querySelector('.search-details')!.textContent,
      })),
    );
  }

  it('moves focus to the search box with the / key, and loads search only then', async () => {
    const { page, errors } = await open('objectives/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.waitForSelector('.search-filters select');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a glossary term by a synonym', async () => {
    const { page, errors } = await open('');
    const results = await searchFor(page, 'OKR accountable');
    expect(results[0]).toMatchObject({ title: 'OKR Owner', href: '/okrs/glossary/okr-owner/' });
    expect(results[0]!.details).toContain('Glossary term');
    // Escape closes the results in one press and keeps the words typed; Enter opens the first result.
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#site-search-results')).toBe(true);
    expect(await page.inputValue('#site-search-input')).toBe('OKR accountable');
    await page.focus('#site-search-input');
    await Promise.all([page.waitForURL('**/glossary/okr-owner/'), page.keyboard.press('Enter')]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds a person's page by their name", async () => {
    const { page } = await open('');
    const model = JSON.parse(await (await page.request.get(`${server.url}handbook.json`)).text());
    const person = model.people.find((p: { role: string | null }) => p.role?.startsWith('Product Manager, Onboarding'));
    const results = await searchFor(page, person.name);
    expect(results[0]).toMatchObject({ title: person.name, href: `/okrs/people/${person.id}/` });
    await page.close();
  });

  it('finds a key result by its id and by words of its title, first, with kind, owner and cycle', async () => {
    const { page } = await open('');
    const byId = await searchFor(page, 'q2-day7-activation');
    expect(byId[0]!.href).toBe('/okrs/key-results/q2-day7-activation/');
    expect(byId[0]!.details).toMatch(/^Key result · .+ · 2026 Q2$/);
    const byWords = await searchFor(page, 'SSO SCIM provisioning');
    expect(byWords[0]!.href).toBe('/okrs/key-results/q3-sso-scim/');
    await page.close();
  });

  it('shows the best 12 results, then 12 more at a time on request', async () => {
    const { page, errors } = await open('');
    const first = await searchFor(page, 'activation');
    expect(first).toHaveLength(12);
    expect(await page.textContent('.search-status')).toMatch(/^12 of \d+ results/);
    await page.click('.search-more');
    await page.waitForFunction(() => document.querySelectorAll('.search-results li').length > 12);
    const all = await page.$$eval('.search-results li a', (links) => links.map((a) => a.getAttribute('href')));
    expect(all.length).toBeGreaterThan(12);
    expect(new Set(all).size).toBe(all.length); // no result twice
    // Focus moves to the first new result, so a keyboard reader carries on from there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(all[12]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows results to one cycle with the cycle filter', async () => {
    const { page, errors } = await open('');
    const all = await searchFor(page, 'activation');
    expect(new Set(all.map((result) => result.details!.split(' · ').at(-1))).size).toBeGreaterThan(1);
    await page.selectOption('select[name="cycle"]', '2026 Q1');
    await page.waitForFunction(() => [...document.querySelectorAll('.search-details')].every((d) => d.textContent!.endsWith('2026 Q1')));
    const narrowed = await page.$$eval('.search-details', (details) => details.map((d) => d.textContent));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});
