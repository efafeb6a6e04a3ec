import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What search needs of a glossary term: its names (as in `/handbook.json`). */
export interface TermNames {
  id: string;
  term: string;
  synonyms: string[];
}

/** The language pages are indexed in (Pagefind stems words by it), and the kind shown for a glossary term in it. */
export interface SearchLanguage {
  language: string;
  termKind: string;
}

export const ENGLISH_SEARCH: SearchLanguage = { language: 'en', termKind: 'Glossary term' };

export interface SearchIndexOutcome {
  /** Pages Pagefind indexed (those with `data-pagefind-body`, plus the glossary's synonym records). */
  pages: number;
}

/**
 * Pages handed to Pagefind and not yet indexed. Pagefind indexes in a process
 * of its own, on the other core, while Astro renders; past this many pages in
 * flight, rendering waits, so a slow indexer never piles up pages in memory.
 */
const MAX_IN_FLIGHT = 32;

/**
 * Pagefind writes one small file per page unless told to bundle them; past
 * this many pages it groups them (a few pages per file), which saves several
 * seconds of file creation on a large handbook. A search result still loads
 * one small file.
 */
const MAX_FRAGMENT_FILES = 2000;

/**
 * The search index, built page by page as the pages are rendered: Pagefind's
 * Node API runs its indexer as a separate process, so indexing overlaps with
 * rendering instead of re-reading every page afterwards. Any error Pagefind
 * reports fails the build.
 */
export class SearchIndexer {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | undefined;

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly language: SearchLanguage,
  ) {}

  static async start(language: SearchLanguage = ENGLISH_SEARCH): Promise<SearchIndexer> {
    // Every page is in the handbook's one language, whatever a page's own markup says: one index, stemmed for it.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.language, maxFragments: MAX_FRAGMENT_FILES });
    if (!index || errors.length > 0) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    return new SearchIndexer(index, language);
  }

  /** Hands one rendered page to Pagefind; resolves once it may take another without piling up. */
  async addPage(url: string, html: string): Promise<void> {
    if (this.failure) throw this.failure;
    const added = this.index.addHTMLFile({ url, content: html }).then(
      (response) => {
        if (response.errors.length > 0) this.failure ??= new Error(`Pagefind could not index ${url}: ${response.errors.join('; ')}`);
      },
      (error: unknown) => {
        this.failure ??= new Error(`Pagefind could not index ${url}: ${String(error)}`);
      },
    );
    const tracked = added.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    if (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
  }

  /** Indexes every page of a built site folder (the way for a handbook too large to index while rendering). */
  async addSite(siteDir: string): Promise<void> {
    const added = await this.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
  }

  /**
   * Adds the glossary's synonym records, writes the index to
   * `<siteDir>/pagefind/` and says how many pages it holds.
   */
  async finish(siteDir: string, glossary: readonly TermNames[]): Promise<SearchIndexOutcome> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    // A short record per glossary term holding only its names, so searching a
    // synonym ranks the term above longer pages that merely mention the words.
    for (const term of glossary.filter((t) => t.synonyms.length > 0)) {
      const record = await this.index.addCustomRecord({
        url: `/glossary/${term.id}/`,
        content: [term.term, ...term.synonyms].join('. '),
        language: this.language.language,
        meta: { title: term.term, kind: this.language.termKind, names: [term.id, ...term.synonyms].join(', ') },
        filters: { kind: [this.language.termKind] },
      });
      if (record.errors.length > 0) throw new Error(`Pagefind could not index the synonyms of ${term.id}: ${record.errors.join('; ')}`);
    }
    const written = await this.index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // The entry file counts what was indexed, including the synonym records.
    const entry = JSON.parse(await readFile(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0) };
  }

  /** Stops Pagefind's process, whatever happened. */
  static async close(): Promise<void> {
    await pagefind.close();
  }
}

/** Indexes a finished site folder for search: the parent's step when the page build could not index while rendering. */
export async function indexBuiltSite(siteDir: string, glossary: readonly TermNames[], language: SearchLanguage = ENGLISH_SEARCH): Promise<number> {
  try {
    const search = await SearchIndexer.start(language);
    await search.addSite(siteDir);
    return (await search.finish(siteDir, glossary)).pages;
  } finally {
    await SearchIndexer.close();
  }
}
