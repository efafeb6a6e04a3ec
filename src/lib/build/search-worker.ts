// The search indexer's thread in the page build (see search-thread.ts, which
// starts it): it takes rendered pages from the main thread and hands them to
// Pagefind, so encoding them for Pagefind's process and writing them down its
// pipe happen beside Astro's rendering rather than between its pages.
import { parentPort, workerData } from 'node:worker_threads';
import { SearchIndexer, type SearchLanguage, type TermNames } from './index-search.js';

/** What the main thread sends. */
export type ToSearchWorker =
  | { type: 'page'; url: string; html: Uint8Array }
  | { type: 'finish'; siteDir: string; glossary: TermNames[] }
  | { type: 'close' };

/** What the worker answers: one `added` per page, then `finished`; `failed` at the first problem. */
export type FromSearchWorker = { type: 'added' } | { type: 'finished'; pages: number } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('search-worker runs as a worker thread of the page build');
const decoder = new TextDecoder();
const indexer = SearchIndexer.start((workerData as { language: SearchLanguage }).language);
const send = (message: FromSearchWorker) => port.postMessage(message);
const fail = (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

port.on('message', (message: ToSearchWorker) => {
  void (async () => {
    try {
      if (message.type === 'close') {
        // Stops Pagefind's process; with nothing left to wait for, the thread ends.
        await SearchIndexer.close();
        port.close();
        return;
      }
      const search = await indexer;
      if (message.type === 'page') {
        await search.addPage(message.url, decoder.decode(message.html));
        send({ type: 'added' });
      } else {
        const { pages } = await search.finish(message.siteDir, message.glossary);
        send({ type: 'finished', pages });
      }
    } catch (error) {
      fail(error);
    }
  })();
});
