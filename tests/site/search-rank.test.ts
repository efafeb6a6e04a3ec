import { describe, expect, it } from 'vitest';
import { namesMatch, rankByNames, rankedSearch, WINDOW } from '../../public/search-rank.js';

const result = (url: string, title: string, names = '') => ({ url, meta: { title, names } });

describe('search ranking by names', () => {
  it('tells a title that says "activation" from one that says "active", which Pagefind stems alike', () => {
    expect(namesMatch('activation', { title: 'Move Day-7 activation rate from 41% to 55%' })).toBe(true);
    expect(namesMatch('activation', { title: 'Grow accounts with an active warehouse connector' })).toBe(false);
    // While typing, a word's start is enough.
    expect(namesMatch('activ', { title: 'Grow accounts with an active warehouse connector' })).toBe(true);
  });

  it('needs every word typed, in the title or the names (ids, synonyms)', () => {
    expect(namesMatch('Priya Nair', { title: 'Priya Nair' })).toBe(true);
    expect(namesMatch('Priya Nair', { title: 'Priya Shah' })).toBe(false);
    expect(namesMatch('q2-day7-activation', { title: 'Move Day-7 activation rate', names: 'q2-day7-activation' })).toBe(true);
    expect(namesMatch('OKR accountable', { title: 'OKR Owner', names: 'okr-owner, OKR responsible, OKR accountable' })).toBe(true);
    expect(namesMatch('', { title: 'Anything' })).toBe(false);
  });

  it('puts named results first, keeps the given order within each group, and shows a page once', () => {
    const ranked = rankByNames('activation', [
      result('/key-results/connector/', 'Grow accounts with an active warehouse connector'),
      result('/key-results/day7/', 'Move Day-7 activation rate'),
      result('/reviews/week-31/', 'Check-in of 2026-08-03'),
      result('/glossary/activation/', 'Activation'),
      result('/key-results/day7/', 'Move Day-7 activation rate'),
    ]);
    expect(ranked.map((r) => r.url)).toEqual(['/key-results/day7/', '/glossary/activation/', '/key-results/connector/', '/reviews/week-31/']);
  });

  it('hands out results page by page, past the first window, each once', async () => {
    const pages = Array.from({ length: WINDOW + 10 }, (_, index) => result(`/page-${index}/`, index === WINDOW + 5 ? 'Activation' : `Page ${index}`));
    let loaded = 0;
    const pagefind = {
      search: async () => ({ results: pages.map((page) => ({ data: async () => (loaded++, page) })) }),
    };
    const search = await rankedSearch(pagefind, 'activation', {});
    expect(search.total).toBe(WINDOW + 10);
    const first = await search.next(12);
    expect(first).toHaveLength(12);
    expect(loaded).toBe(WINDOW); // only the first window was loaded
    const rest = [...(await search.next(12)), ...(await search.next(12))];
    expect(search.hasMore()).toBe(false);
    const urls = [...first, ...rest].map((r) => r.url);
    expect(new Set(urls).size).toBe(WINDOW + 10);
    // Within the second window, the page named by the query comes first.
    expect(urls[WINDOW]).toBe(`/page-${WINDOW + 5}/`);
  });
});
