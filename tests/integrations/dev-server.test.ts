import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { COMMAND, ROOT } from '../helpers/run-command.js';
import { writeHandbook } from '../helpers/fixture-handbook.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let contentDir: string;
let server: ChildProcess;
let output = '';
let url: string;
let browser: Browser;


async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; dev server said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function status(address: string): Promise<{ code: number; body: string }> {
  const response = await fetch(`${url}${address}`);
  return { code: response.status, body: await response.text() };
}

/** The environment a user's terminal has: vitest's `NODE_ENV=test` would turn off Astro's reloading. */
function devEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

const retention = () => path.join(contentDir, 'objectives/2026-q3/retention.md');

beforeAll(async () => {
  contentDir = writeHandbook();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [COMMAND, 'dev', '--content', contentDir, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...devEnvironment(), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await until('the dev server', async () => ((await status('/objectives/').catch(() => undefined))?.code === 200 ? true : undefined), 90_000);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('okr-handbook dev', () => {
  it('reports a problem in the terminal and in the open page as soon as the file is saved, then recovers when it is fixed', async () => {
    const page = await browser.newPage();
    // The page listens for reloads once Vite's client has connected.
    const connected = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 20_000 });
    await page.goto(`${url}/objectives/retention/`);
    await connected;
    expect(await page.title()).toContain('Keep the customers we win');

    const good = readFileSync(retention(), 'utf8');
    const before = output.length;
    writeFileSync(retention(), good.replace('owner: priya-shah', 'owner: growth'));

    // The terminal: file, line and column, rule, and the fix.
    const report = await until('the terminal report', () => {
      const said = output.slice(before);
      return said.includes('owner-individual') ? said : undefined;
    });
    expect(report).toContain('objectives/2026-q3/retention.md');
    expect(report).toMatch(/\d+:\d+\s+error\s+`owner` of objective `retention` is `growth`, a team/);
    expect(report).toContain('priya-shah'); // the hint names the team's lead

    // The open page reloads by itself into Astro's error overlay, pointing at the file.
    const overlay = await until('the error overlay', async () => {
      const text = await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').catch(() => '');
      return text.includes('owner-individual') ? text : undefined;
    });
    expect(overlay).toContain('The handbook has 1 validation error');
    expect(overlay).toContain('objectives/2026-q3/retention.md');
    expect((await status('/people/')).code).toBe(500); // every page, not only the open one

    writeFileSync(retention(), good);
    await until('the page to come back', async () => ((await page.title().catch(() => '')).includes('Keep the customers we win') ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // no late overlay from the broken state
    expect(await page.evaluate(() => document.querySelectorAll('vite-error-overlay').length)).toBe(0);
    expect((await status('/people/')).code).toBe(200);
    await until('the terminal to say it is clean', () => (output.slice(before).includes('no problems') ? true : undefined));
    await page.close();
  }, 90_000);

  it('shows a new file without a restart', async () => {
    writeFileSync(
      path.join(contentDir, 'people/nia-brown.md'),
      '---\nname: Nia Brown\nrole: Data Engineer\nteam: growth\n---\n',
    );
    const person = await until('the new person page', async () => {
      const { code, body } = await status('/people/nia-brown/');
      return code === 200 ? body : undefined;
    });
    expect(person).toContain('Nia Brown');
  }, 30_000);
});
