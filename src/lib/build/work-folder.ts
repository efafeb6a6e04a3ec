import path from 'node:path';
import { okrHandbookCacheFolder } from '../cache-folder.js';

/**
 * A folder of this build's own, for everything it writes before publishing:
 * the pages, Astro's `.astro/` folder and data store, Vite's cache. It must
 * be below the `node_modules` that holds Astro (see okrHandbookCacheFolder):
 * the modules Astro generates there import `astro/…`, which Node finds only
 * by walking up from them, so the OS temp folder would not do.
 */
export function buildWorkFolder(id: string | number = process.pid): string {
  return path.join(okrHandbookCacheFolder(), `build-${id}`);
}
