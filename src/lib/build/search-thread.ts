import { Worker } from 'node:worker_threads';
import type { SearchIndexOutcome, SearchLanguage, TermNames } from './index-search.js';
import type { FromSearchWorker, ToSearchWorker } from './search-worker.js';

/**
 * Pages sent to the worker and not yet taken by it. Past this many, the page
 * build waits: a slow indexer never piles up pages in memory.
 */
const MAX_IN_FLIGHT = 32;

/**
 * The search index built while the pages render, from a worker thread
 * (search-worker.ts, bundled by `npm run build`). On the main thread, handing
 * a page to Pagefind's Node API (JSON, base64, the write down its pipe) cost
 * about 4 s of a 1 000-objective build; posting the page's bytes to a thread
 * costs a copy. Any error Pagefind reports fails the build.
 */
export class SearchThread {
  private inFlight = 0;
  private failure: Error | undefined;
  private readonly waiting: (() => void)[] = [];
  private pendingFinish: { resolve: (pages: number) => void; reject: (error: Error) => void } | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromSearchWorker) => {
      if (message.type === 'added') {
        this.inFlight--;
        this.wakeAll();
      } else if (message.type === 'finished') this.pendingFinish?.resolve(message.pages);
      else this.fail(new Error(message.message));
    });
    worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.fail(new Error('The search indexer stopped before it finished'));
        resolve();
      }),
    );
  }

  /** Starts the worker from the bundled `search-worker.mjs`. */
  static start(workerScript: string, language: SearchLanguage = { language: 'en', termKind: 'Glossary term' }): SearchThread {
    // No inherited flags: a profiler or loader meant for the build is not the worker's.
    return new SearchThread(new Worker(workerScript, { execArgv: [], workerData: { language } }));
  }

  /** Hands one rendered page to the indexer; resolves once it may take another. */
  async addPage(url: string, html: Uint8Array): Promise<void> {
    this.throwIfFailed();
    this.post({ type: 'page', url, html });
    this.inFlight++;
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((wake) => this.waiting.push(wake));
    this.throwIfFailed();
  }

  /** Adds the glossary's synonym records and writes the index to `<siteDir>/pagefind/`. */
  async finish(siteDir: string, glossary: readonly TermNames[]): Promise<SearchIndexOutcome> {
    this.throwIfFailed();
    const pages = new Promise<number>((resolve, reject) => (this.pendingFinish = { resolve, reject }));
    this.post({ type: 'finish', siteDir, glossary: glossary.map(({ id, term, synonyms }) => ({ id, term, synonyms })) });
    return { pages: await pages };
  }

  /** Stops Pagefind's process and the thread, whatever happened. */
  async close(): Promise<void> {
    this.post({ type: 'close' });
    const timeout = setTimeout(() => void this.worker.terminate(), 5_000);
    await this.exited;
    clearTimeout(timeout);
  }

  private post(message: ToSearchWorker): void {
    this.worker.postMessage(message);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** The first failure is the one reported; it ends any wait. */
  private fail(error: Error): void {
    this.failure ??= error;
    this.pendingFinish?.reject(this.failure);
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }
}
