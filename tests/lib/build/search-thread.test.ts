import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchThread } from '../../../src/lib/build/search-thread.js';
import { bundleWorker } from '../../helpers/build-fixture.js';

const encoder = new TextEncoder();
const pageHtml = (title: string, text: string) =>
  encoder.encode(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`);

describe('SearchThread', () => {
  let work: string;
  let workerScript: string;

  beforeAll(async () => {
    ({ dir: work, script: workerScript } = await bundleWorker('src/lib/build/search-worker.ts'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('indexes the pages it is handed and writes the index into the site folder', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'okr-search-thread-'));
    const search = SearchThread.start(workerScript);
    try {
      await search.addPage('/key-results/q3-retention/', pageHtml('Weekly retention', 'Retention of new teams after four weeks'));
      await search.addPage('/people/priya-shah/', pageHtml('Priya Shah', 'Product manager for activation'));
      const outcome = await search.finish(site, [{ id: 'okr-owner', term: 'OKR Owner', synonyms: ['KR owner'] }]);
      // Two pages and the glossary term's synonym record.
      expect(outcome.pages).toBe(3);
      const entry = JSON.parse(readFileSync(path.join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
      expect(entry.languages.en.page_count).toBe(3);
    } finally {
      await search.close();
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails the build instead of waiting forever when the indexer thread dies', async () => {
    const dying = path.join(work, 'dying-worker.mjs');
    writeFileSync(dying, 'process.exit(3);\n');
    const search = SearchThread.start(dying);
    try {
      await expect(
        (async () => {
          for (let i = 0; i < 100; i++) await search.addPage(`/objectives/o${i}/`, pageHtml(`Objective ${i}`, 'text'));
          await search.finish(work, []);
        })(),
      ).rejects.toThrow(/search indexer stopped/);
    } finally {
      await search.close();
    }
  }, 30_000);
});
