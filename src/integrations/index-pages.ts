import { defineMiddleware } from 'astro:middleware';
import { getPageSink } from '../site/page-sink.js';

/**
 * Builds only: hands every rendered HTML page to the page sink (the search
 * indexer), then passes the same HTML on for Astro to write.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = getPageSink();
  if (!sink || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  // Bytes, as Astro rendered them and will write them: no decoding here, the indexer's thread does that.
  const html = new Uint8Array(await response.arrayBuffer());
  await sink(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
