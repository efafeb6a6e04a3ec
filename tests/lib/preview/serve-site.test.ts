import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type ServedSite } from '../../../src/lib/preview/serve-site.js';

const folder = mkdtempSync(path.join(tmpdir(), 'okr-preview-'));
const site = path.join(folder, 'site');
let served: ServedSite;
let origin: string;

beforeAll(async () => {
  mkdirSync(path.join(site, 'people/priya'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(site, 'people/priya/index.html'), '<h1>Priya</h1>');
  writeFileSync(path.join(site, '404.html'), '<h1>not here</h1>');
  writeFileSync(path.join(folder, 'secret.txt'), 'secret');
  symlinkSync(path.join(folder, 'secret.txt'), path.join(site, 'leak.txt'));
  served = await serveSite(site, { base: '/okrs/' });
  origin = new URL(served.url).origin;
});

afterAll(async () => {
  await served.close();
  rmSync(folder, { recursive: true, force: true });
});

const get = (pathname: string) => fetch(`${origin}${pathname}`, { redirect: 'manual' });

describe('serveSite', () => {
  it('serves the site under its base path, as the built links expect', async () => {
    expect(served.url).toBe(`${origin}/okrs/`);
    const home = await get('/okrs/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect(await (await get('/okrs/people/priya/')).text()).toBe('<h1>Priya</h1>');
  });

  it('redirects a folder without its slash, as static hosts do', async () => {
    const response = await get('/okrs/people/priya');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/okrs/people/priya/');
    expect((await get('/okrs')).headers.get('location')).toBe('/okrs/');
  });

  it('answers a missing page, and anything outside the base path, with the site’s 404 page', async () => {
    for (const pathname of ['/okrs/nobody/', '/people/priya/']) {
      const response = await get(pathname);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('<h1>not here</h1>');
    }
  });

  it('never reads a file outside the site folder', async () => {
    for (const pathname of ['/okrs/..%2fsecret.txt', '/okrs/%2e%2e/secret.txt', '/okrs/leak.txt']) {
      const response = await get(pathname);
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers a malformed address with 400 instead of failing', async () => {
    expect((await get('/okrs/%E0%A4%A')).status).toBe(400);
  });
});
