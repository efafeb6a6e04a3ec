import { serveSite } from '../../src/lib/preview/serve-site.js';

/** Serves a built site on 127.0.0.1, under `base`, as a static host would (and as `okr-handbook preview` does). */
export async function serveStatic(root: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const { url, close } = await serveSite(root, { base });
  return { url, close };
}
