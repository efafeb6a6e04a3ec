// How the search box orders what Pagefind finds. Pagefind matches words by
// their stem, so to it "activation" and "active" are one word, and a page
// that merely says "active" ranks beside the key result titled "…activation
// rate…". A result whose title or names (id, synonyms) hold every word typed
// comes first; the rest keep Pagefind's order. Plain functions, shared by the
// search box and the relevance test.

/** A text's words, lower-cased: runs of letters and digits. */
export function words(text) {
  return text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether every word typed starts a word of the result's title or names (so `activ` counts while typing, `activation` never matches `active`). */
export function namesMatch(query, meta) {
  const typed = words(query);
  if (typed.length === 0) return false;
  const own = words(`${meta.title ?? ''} ${meta.names ?? ''}`);
  return typed.every((word) => own.some((candidate) => candidate.startsWith(word)));
}

/** Results (each `{ url, meta }`) with those named by the query first, each group in its given order, each page once. */
export function rankByNames(query, results) {
  const seen = new Set();
  const unique = results.filter((result) => !seen.has(result.url) && seen.add(result.url));
  const named = unique.filter((result) => namesMatch(query, result.meta));
  return [...named, ...unique.filter((result) => !named.includes(result))];
}

/** How many of Pagefind's results are loaded and re-ordered at a time. */
export const WINDOW = 24;

/**
 * A search that hands out results in pages: `next(count)` loads Pagefind's
 * results a window at a time, re-orders each window with `rankByNames`, and
 * resolves to the next `count` results not handed out yet.
 */
export async function rankedSearch(pagefind, term, filters) {
  const search = await pagefind.search(term || null, { filters });
  const raw = search.results;
  let loaded = 0;
  const queue = [];
  const handed = new Set();
  return {
    total: raw.length,
    async next(count) {
      while (queue.length < count && loaded < raw.length) {
        const data = await Promise.all(raw.slice(loaded, loaded + WINDOW).map((result) => result.data()));
        loaded += WINDOW;
        for (const result of rankByNames(term, data)) if (!handed.has(result.url)) handed.add(result.url), queue.push(result);
      }
      return queue.splice(0, count);
    },
    /** Whether any result is left to hand out (a glossary term found twice counts once, so this is an upper bound). */
    hasMore() {
      return queue.length > 0 || loaded < raw.length;
    },
  };
}
