import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticHandbook } from '../../scripts/lib/generate-synthetic-handbook.js';
import { runBuildAsync } from '../helpers/build-fixture.js';
import { launchChromium } from '../helpers/browser.js';
import { DEMO_HANDBOOK } from '../helpers/demo-handbook.js';
import { serveStatic } from '../helpers/static-server.js';

/**
 * The layout, measured in Chromium on the demo and on the 1 000-objective
 * synthetic handbook: what a reader sees on a phone (390 px) and a laptop
 * (1 280 px), as element sizes rather than screenshots.
 */

interface Site {
  name: string;
  url: string;
  close: () => Promise<void>;
  /** Page kind → address under the base path. */
  pages: Record<string, string>;
}

const BASE = '/okrs/';
let browser: Browser;
const sites: Site[] = [];

/** One page of each kind, chosen from the built site's handbook.json. */
function pagesOf(out: string): Record<string, string> {
  const model = JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8'));
  const active = model.cycles.find((c: { status: string }) => c.status === 'active') ?? model.cycles[0];
  const objective = model.objectives.find((o: { keyResults: unknown[]; cycle: string }) => o.keyResults.length > 1 && o.cycle === active.id);
  const owner = model.people.find((p: { id: string }) => p.id === objective.owner);
  return {
    home: '',
    ownership: 'ownership/',
    cycle: `cycles/${active.id}/`,
    objective: `objectives/${objective.id}/`,
    'key result': `key-results/${objective.keyResults[0].id}/`,
    person: `people/${owner.id}/`,
    team: `teams/${model.teams[0].id}/`,
    review: `reviews/${model.reviews.at(-1).id}/`,
    ...(model.glossary.length > 0 ? { term: `glossary/${model.glossary[0].id}/` } : {}),
  };
}

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'okr-handbook-layout-'));
  const synthetic = path.join(root, 'synthetic-content');
  await generateSyntheticHandbook(synthetic, 1000);
  const handbooks = { demo: DEMO_HANDBOOK, 'synthetic 1 000': synthetic };
  for (const [name, content] of Object.entries(handbooks)) {
    const out = path.join(root, name.replace(/\W/g, '-'));
    const build = await runBuildAsync('--content', content, '--out', out, '--base', BASE);
    if (build.status !== 0) throw new Error(`build of ${name} failed:\n${build.stdout}\n${build.stderr}`);
    sites.push({ name, ...(await serveStatic(out, BASE)), pages: pagesOf(out) });
  }
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(sites.map((site) => site.close()));
});

async function open(site: Site, address: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(`${site.url}${address}`);
  expect(response?.status(), address).toBe(200);
  return page;
}

/** Elements (by selector) that break over more than one line, with their text. */
function wrapped(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements
      .filter((element) => {
        // An inline element broken over lines has one box per line.
        const boxes = [...element.getClientRects()].filter((box) => box.width > 0);
        return new Set(boxes.map((box) => Math.round(box.top))).size > 1;
      })
      .map((element) => element.textContent!.trim()),
  );
}

describe.each([390, 1280])('the layout at %i px', (width) => {
  it('keeps dates, names and a progress bar with its percentage on one line, on every page kind of both handbooks', async () => {
    for (const site of sites) {
      for (const [kind, address] of Object.entries(site.pages)) {
        const page = await open(site, address, width);
        const broken = await wrapped(page, 'main time, main .person-name, main .progress-value');
        expect(broken, `${site.name}, ${kind}`).toEqual([]);
        await page.close();
      }
    }
  }, 600_000);

  it('never scrolls sideways and keeps the header aligned with the content', async () => {
    for (const site of sites) {
      for (const [kind, address] of Object.entries(site.pages)) {
        const page = await open(site, address, width);
        const measures = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          header: document.querySelector('.site-header')!.getBoundingClientRect().height,
          titleLeft: document.querySelector('.site-title')!.getBoundingClientRect().left,
          contentLeft: document.querySelector('main h1')!.getBoundingClientRect().left,
        }));
        expect(measures.overflow, `${site.name}, ${kind}: sideways scroll`).toBeLessThanOrEqual(0);
        expect(Math.abs(measures.titleLeft - measures.contentLeft), `${site.name}, ${kind}: header left edge`).toBeLessThanOrEqual(1);
        if (width <= 400) expect(measures.header, `${site.name}, ${kind}: header height on a phone`).toBeLessThanOrEqual(64);
        await page.close();
      }
    }
  }, 600_000);
});

describe('the page chrome', () => {
  it('opens the menu on a phone and shows every section, and shows the sections without a menu button on a laptop', async () => {
    const site = sites[0]!;
    const phone = await open(site, '', 390);
    expect(await phone.isVisible('.site-menu nav a[href$="/glossary/"]')).toBe(false);
    await phone.click('.site-menu summary');
    expect(await phone.isVisible('.site-menu nav a[href$="/glossary/"]')).toBe(true);
    expect(await phone.$$eval('.site-menu nav a', (links) => links.length)).toBe(9);
    await phone.close();
    const laptop = await open(site, '', 1280);
    expect(await laptop.isVisible('.site-menu summary')).toBe(false);
    expect(await laptop.isVisible('.site-menu nav a[href$="/glossary/"]')).toBe(true);
    await laptop.close();
  });

  it('answers an unknown address with a 404 page that leads back into the handbook', async () => {
    for (const site of sites) {
      const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
      const response = await page.goto(`${site.url}objectives/no-such-objective/`);
      expect(response?.status()).toBe(404);
      expect(await page.textContent('main h1')).toBe('Page not found');
      expect(await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href')))).toContain(`${BASE}objectives/`);
      await page.close();
    }
  });

  it('leaves the Warnings column of the ownership table empty where there is no warning', async () => {
    for (const site of sites) {
      const page = await open(site, 'ownership/', 1280);
      const cells = await page.$$eval('td[data-label="Warnings"]', (tds) => tds.map((td) => td.textContent!.trim()));
      expect(cells.length, site.name).toBeGreaterThan(0);
      expect(cells.filter((text) => text !== '' && !/warning/.test(text)), site.name).toEqual([]);
      await page.close();
    }
  });

  it('gives long pages an "on this page" list whose links lead to their sections', async () => {
    for (const site of sites) {
      for (const kind of ['objective', 'term', 'person'] as const) {
        const address = site.pages[kind];
        if (address === undefined) continue;
        const page = await open(site, address, 1280);
        const targets = await page.$$eval('nav.toc a', (links) => links.map((a) => a.getAttribute('href')!));
        const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(decodeURIComponent(id.slice(1)))), targets);
        if (kind !== 'person' || targets.length > 0) {
          expect(targets.length, `${site.name}, ${kind}`).toBeGreaterThanOrEqual(2);
        }
        expect(missing, `${site.name}, ${kind}`).toEqual([]);
        await page.close();
      }
    }
  });

  it('shows a glossary term without an empty "Definition" heading', async () => {
    const site = sites[0]!;
    const page = await open(site, 'glossary/okr-owner/', 1280);
    const headings = await page.$$eval('main h2', (elements) =>
      elements.map((h2) => ({ text: h2.textContent!.trim(), next: h2.nextElementSibling?.tagName ?? '' })),
    );
    expect(headings.map((h) => h.text)).not.toContain('Definition');
    expect(headings.filter((h) => /^H[1-6]$/.test(h.next) || h.next === '')).toEqual([]);
    await page.close();
  });
});
