import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticHandbook } from '../../scripts/lib/generate-synthetic-handbook.js';
import { runBuildAsync } from '../helpers/build-fixture.js';
import { serveStatic } from '../helpers/static-server.js';

// The ownership explorer, the home page and the alignment view on the
// 1 000-objective synthetic handbook the build benchmark uses.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MB = 1024 * 1024;

let out: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-explorer-'));
  const content = path.join(dir, 'content');
  await generateSyntheticHandbook(content, 1000);
  out = path.join(dir, 'site');
  const build = await runBuildAsync('--content', content, '--out', out);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(out);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(address: string, options: { width?: number; javaScript?: boolean; dark?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${address}`);
  expect(response?.status(), address).toBe(200);
  return page;
}

/** The owners of the key-result rows a reader can see. */
const visibleOwners = (page: Page) =>
  page.$$eval('tr[data-item]', (rows) => rows.filter((row) => (row as HTMLElement).offsetParent !== null).map((row) => row.getAttribute('data-owner')));

describe('the 1 000-objective handbook', () => {
  it('keeps every page under 1 MB of HTML and the home page under 300 KB', () => {
    const pages = (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(6000);
    const heavy = pages.map((file) => [file, statSync(path.join(out, file)).size] as const).filter(([, size]) => size > MB);
    expect(heavy).toEqual([]);
    expect(statSync(path.join(out, 'index.html')).size).toBeLessThan(300 * 1024);
  });

  it('narrows /ownership/ to one owner, keeps the choice in the address and again after a reload', async () => {
    const page = await open('ownership/');
    const all = await visibleOwners(page);
    expect(all.length).toBeGreaterThan(1000); // the active cycle's key results
    const owner = all[0]!;
    await page.selectOption('select[name="owner"]', owner);
    const narrowed = await visibleOwners(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(10);
    expect(new Set(narrowed)).toEqual(new Set([owner]));
    expect(new URL(page.url()).searchParams.get('owner')).toBe(owner);
    // Every one of that person's key results in the cycle, as the model has them.
    const model = JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8'));
    const active = model.activeCycle;
    const theirs = model.objectives
      .filter((o: { cycle: string }) => o.cycle === active)
      .flatMap((o: { keyResults: { owner: string }[] }) => o.keyResults)
      .filter((kr: { owner: string }) => kr.owner === owner);
    expect(narrowed.length).toBe(theirs.length);
    expect(await page.textContent('[data-explorer-count]')).toContain(`${theirs.length} of`);

    await page.reload();
    expect(await page.inputValue('select[name="owner"]')).toBe(owner);
    expect(await visibleOwners(page)).toEqual(narrowed);
    await page.context().close();
  }, 120_000);

  it('finds a team’s sub-teams’ key results and carries the filters to another cycle', async () => {
    // team-0000 is a department: team-0001 … team-0009 sit under it.
    const page = await open('ownership/?team=team-0000&cycle=2026-q2');
    await page.waitForURL(/\/ownership\/2026-q2\/\?team=team-0000$/);
    const teams = await page.$$eval('tr[data-item]', (rows) =>
      rows.filter((row) => (row as HTMLElement).offsetParent !== null).map((row) => row.closest('tbody')!.getAttribute('data-team')),
    );
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((team) => team!.split(' ').includes('team-0000'))).toBe(true);
    expect(teams.some((team) => team!.startsWith('team-0001 '))).toBe(true);
    expect(await page.getAttribute('a[data-cycle="2026-q3"]', 'href')).toBe('/ownership/2026-q3/?team=team-0000');
    await page.context().close();
  }, 120_000);

  it('shows the whole list without JavaScript, with the cycles and the attention list as pages', async () => {
    const page = await open('ownership/', { javaScript: false });
    expect(await page.isVisible('form[data-explorer]')).toBe(false);
    expect((await visibleOwners(page)).length).toBeGreaterThan(1000);
    for (const link of ['/ownership/2026-q1/', '/ownership/2026-q3/attention/', '/teams/', '/people/']) {
      expect(await page.$(`a[href="${link}"]`), link).not.toBeNull();
    }
    await page.context().close();
  }, 120_000);

  it('folds the alignment tree: umbrella objectives closed, their team objectives and key results inside', async () => {
    const page = await open('alignment/');
    const roots = page.locator('.align-root > li > details');
    expect(await roots.count()).toBeGreaterThan(50);
    expect(await page.locator('.align-root details[open]').count()).toBe(0);
    const first = roots.first();
    await first.locator('> summary').click();
    await expect.poll(() => first.locator('> ul.align-tree > li').first().isVisible()).toBe(true);
    await page.context().close();
  }, 120_000);

  it('has no serious or critical accessibility violation on the new pages, light and dark, wide and narrow', async () => {
    const found: string[] = [];
    for (const address of ['', 'ownership/', 'ownership/2026-q3/attention/', 'alignment/', 'objectives/', 'people/']) {
      for (const [width, dark] of [[1280, false], [1280, true], [390, false]] as const) {
        const page = await open(address, { width, dark });
        // The long lists repeat one row's markup a thousand times: axe checks the first rows and groups, in a
        // few seconds instead of minutes on a busy machine.
        await page.evaluate(() => {
          const rest = (selector: string, keep: number) => [...document.querySelectorAll(selector)].slice(keep).forEach((element) => element.remove());
          rest('[data-group] [data-group]', 6);
          rest('tbody[data-group]', 6);
          rest('tr[data-item]', 40);
          rest('.align-root > li', 6);
        });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
        });
        if (violations.length > 0) found.push(`/${address} at ${width}${dark ? ' dark' : ''}: ${violations.join(', ')}`);
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
  }, 600_000);
});
