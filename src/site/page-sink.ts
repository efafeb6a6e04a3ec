/**
 * Where the build's middleware hands each rendered page: `npm run build`
 * sets it to the search indexer, so pages are indexed as they are rendered.
 * Kept on `globalThis` because the pages run in Astro's bundle, a module
 * graph of their own.
 */
const KEY = Symbol.for('okr-handbook.page-sink');

/** Takes a page's path as requested (with the base path) and its HTML as UTF-8; resolves when it may take the next. */
export type PageSink = (pathname: string, html: Uint8Array) => Promise<void>;

export function setPageSink(sink: PageSink | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = sink;
}

export function getPageSink(): PageSink | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as PageSink | undefined;
}
