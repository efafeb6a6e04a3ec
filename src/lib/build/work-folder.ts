import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A folder of this build's own, for everything it writes before publishing:
 * the pages, Astro's `.astro/` folder and data store, Vite's cache.
 *
 * It sits under the `node_modules` folder that holds Astro, in `.cache/`:
 * in a handbook repository that installed okr-handbook, that is the
 * repository's own `node_modules/.cache/okr-handbook/`, never the installed
 * package. It must be below that `node_modules`: the modules Astro generates
 * there import `astro/…`, which Node finds only by walking up from them
 * (the OS temp folder would not do).
 */
export function buildWorkFolder(id: string | number = process.pid): string {
  const astroManifest = createRequire(import.meta.url).resolve('astro/package.json');
  const nodeModules = path.dirname(path.dirname(astroManifest));
  return path.join(nodeModules, '.cache/okr-handbook', `build-${id}`);
}
