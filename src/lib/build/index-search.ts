import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexOutcome {
  /** Pages Pagefind indexed (those with `data-pagefind-body`). */
  pages: number;
}

/**
 * Indexes a built site with Pagefind's Node API and writes the index to
 * `<siteDir>/pagefind/`. Any error Pagefind reports fails the build; the
 * service is closed whatever happens.
 */
/** What search needs of a glossary term: its names (as in `/handbook.json`). */
export interface TermNames {
  id: string;
  term: string;
  synonyms: string[];
}

export async function indexSearch(siteDir: string, glossary: readonly TermNames[]): Promise<SearchIndexOutcome> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length > 0) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    // A short record per glossary term holding only its names, so searching a
    // synonym ranks the term above longer pages that merely mention the words.
    for (const term of glossary.filter((t) => t.synonyms.length > 0)) {
      const record = await index.addCustomRecord({
        url: `/glossary/${term.id}/`,
        content: [term.term, ...term.synonyms].join('. '),
        language: 'en',
        meta: { title: term.term, kind: 'Glossary term' },
        filters: { kind: ['Glossary term'] },
      });
      if (record.errors.length > 0) throw new Error(`Pagefind could not index the synonyms of ${term.id}: ${record.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // `page_count` of addDirectory counts every HTML file seen; the entry file counts what was indexed
    // (including the glossary's synonym records).
    const entry = JSON.parse(await readFile(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
