import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBuildAsync } from '../helpers/build-fixture.js';
import { launchChromium } from '../helpers/browser.js';
import { DEMO_HANDBOOK } from '../helpers/demo-handbook.js';
import { serveStatic } from '../helpers/static-server.js';

/**
 * Search relevance, measured the way a reader meets it: each query goes
 * through the search box's own code (public/search-ui.js and
 * search-rank.js, over Pagefind's index of the built site) and the page that
 * must come first is named. Titles, owners' names, ids, synonyms and words
 * from notes, on the demo and on a second handbook.
 */

/** [query, the page that must be the first result]. */
type Case = [string, string];

const DEMO_CASES: Case[] = [
  ['Priya Nair', 'people/priya-nair/'],
  ['Lena Fischer', 'people/lena-fischer/'],
  ['Maren Holt', 'people/maren-holt/'],
  ['q2-day7-activation', 'key-results/q2-day7-activation/'],
  ['SSO SCIM provisioning', 'key-results/q3-sso-scim/'],
  ['spot capacity', 'key-results/q3-spot-capacity/'],
  ['healthy gross margin', 'objectives/q3-platform-margin/'],
  ['OKR accountable', 'glossary/okr-owner/'],
  ['OKR responsible', 'glossary/okr-owner/'],
  ['retro', 'glossary/retrospective/'],
  ['single-threaded ownership', 'glossary/single-threaded-ownership/'],
  ['storage nodes', 'key-results/q2-ingest-throughput/'], // words of a check-in note
  ['columnar format', 'key-results/q3-cost-per-million/'], // words of an initiative
  ['Platform', 'teams/platform/'],
  ['Engineering', 'teams/engineering/'],
  ['2026 Q1', 'cycles/2026-q1/'],
];

const FREIGHT_CASES: Case[] = [
  ['Mei Chen', 'people/mei-chen/'],
  ['Tobias Schafer', 'people/tobias-schafer/'], // typed without the umlaut
  ['q3-sync-latency', 'key-results/q3-sync-latency/'],
  ['on-time delivery', 'key-results/q3-on-time-rate/'],
  ['telematics', 'key-results/q2-telematics-coverage/'],
  ['SLA', 'glossary/service-level-agreement/'],
  ['delivery receipt', 'glossary/proof-of-delivery/'],
  ['transshipment point', 'glossary/cross-dock/'],
  ['cross-dock', 'glossary/cross-dock/'],
  ['ferry terminals', 'key-results/q3-sync-latency/'], // a check-in note
  ['wet cartons', 'key-results/q3-damage-claims/'], // an item of a note written as a list
  ['Bremen cut-off', 'key-results/q3-on-time-rate/'],
  ['corner boards', 'reviews/2026-q3-week-33/'], // a decision
  ['Operations', 'teams/operations/'],
];

interface Found {
  url: string;
  title: string;
  excerpt: string;
}

let browser: Browser;
const sites: Record<'demo' | 'freight', { url: string; close: () => Promise<void> }> = {} as never;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'okr-handbook-relevance-'));
  const handbooks = { demo: DEMO_HANDBOOK, freight: path.join(ROOT, 'tests/fixtures/freight-handbook') };
  await Promise.all(
    Object.entries(handbooks).map(async ([name, content]) => {
      const out = path.join(root, name);
      const build = await runBuildAsync('--content', content, '--out', out);
      if (build.status !== 0) throw new Error(`build of ${name} failed:\n${build.stdout}\n${build.stderr}`);
      sites[name as 'demo' | 'freight'] = await serveStatic(out, '/');
    }),
  );
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((site) => site.close()));
});

/** A page of the site with the search box's modules loaded, ready for `searchAll`. */
async function openSite(site: 'demo' | 'freight'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(sites[site].url);
  return page;
}

/**
 * Runs in the page: the search box's own modules, loaded by address. Kept as
 * source text, so the test runner's bundler leaves its `import()` alone.
 */
const SEARCH_IN_PAGE = `async ({ queries, count }) => {
  const [ui, rank] = await Promise.all([import('/search-ui.js'), import('/search-rank.js')]);
  const pagefind = await ui.openPagefind('/');
  const all = [];
  for (const query of queries) {
    const search = await rank.rankedSearch(pagefind, query, {});
    const results = await search.next(count);
    all.push(results.map((result) => ({ url: result.url, title: result.meta.title, excerpt: result.excerpt })));
  }
  return all;
}`;

/** The first `count` results for each query, as the search box orders them. */
async function searchAll(page: Page, queries: string[], count: number): Promise<Found[][]> {
  return page.evaluate(`(${SEARCH_IN_PAGE})(${JSON.stringify({ queries, count })})`) as Promise<Found[][]>;
}

async function misses(site: 'demo' | 'freight', cases: Case[]): Promise<string[]> {
  const page = await openSite(site);
  const found = await searchAll(page, cases.map(([query]) => query), 3);
  await page.close();
  return cases.flatMap(([query, expected], index) => {
    const first = found[index]![0]?.url;
    return first === `/${expected}` ? [] : [`"${query}": expected /${expected} first, got ${found[index]!.map((r) => r.url).join(', ') || 'nothing'}`];
  });
}

describe('search relevance', () => {
  it(`puts the right page first for ${DEMO_CASES.length} queries on the demo`, async () => {
    expect(await misses('demo', DEMO_CASES)).toEqual([]);
  });

  it(`puts the right page first for ${FREIGHT_CASES.length} queries on a second handbook`, async () => {
    expect(await misses('freight', FREIGHT_CASES)).toEqual([]);
  });

  it('puts the Day-7 activation key results first for "activation", not pages that say "active"', async () => {
    const page = await openSite('demo');
    const [results] = await searchAll(page, ['activation'], 5);
    await page.close();
    expect(results!.slice(0, 3).map((result) => result.url).sort()).toEqual([
      '/key-results/q1-day7-activation/',
      '/key-results/q2-day7-activation/',
      '/key-results/q3-day7-activation/',
    ]);
  });

  it('matches no page on a cycle status word or a fact label alone', async () => {
    const page = await openSite('freight');
    // Every page of the closed cycle said "closed" in its facts; no text a person wrote says it.
    const [closed, depended, baseline] = await searchAll(page, ['closed', 'depended', 'baseline'], 12);
    await page.close();
    expect(closed).toEqual([]);
    expect(depended).toEqual([]);
    expect(baseline).toEqual([]);
  });

  it('takes excerpts from what people wrote, not from the fact list', async () => {
    const page = await openSite('freight');
    const [[telematics], [ferry]] = (await searchAll(page, ['telematics', 'ferry terminals'], 1)) as [Found[], Found[]];
    await page.close();
    expect(telematics!.excerpt).toContain('<mark>telematics</mark>');
    expect(ferry!.excerpt).toContain('<mark>ferry</mark> <mark>terminals</mark> have no signal');
    for (const excerpt of [telematics!.excerpt, ferry!.excerpt]) expect(excerpt).not.toMatch(/Objective|Cycle|Owner|Metric|Latest confidence|\((?:active|closed),/);
  });
});

describe('the second handbook’s pages', () => {
  it('render a check-in note written as a list as a list, and a 0-10 confidence as a whole number', async () => {
    const page = await browser.newPage();
    await page.goto(`${sites.freight.url}key-results/q3-damage-claims/`);
    const items = await page.$$eval('.timeline .note li', (lis) => lis.map((li) => li.innerHTML));
    expect(items).toEqual(['crushed corners on mixed pallets', 'forklift damage at the Leipzig depot', '<strong>wet cartons</strong> from the open dock at Kassel']);
    expect(await page.$$eval('main .badge[class*="confidence-"]', (badges) => badges.map((badge) => badge.textContent))).toEqual(['5', '5']);
    await page.goto(`${sites.freight.url}key-results/q3-on-time-rate/`);
    // Two lines in the note, two lines on the page.
    expect(await page.$eval('.timeline .note', (note) => note.innerHTML)).toContain('Bremen cut-off moved on 4 August.<br>');
    await page.close();
  });
});
