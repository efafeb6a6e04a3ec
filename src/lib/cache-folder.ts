import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * okr-handbook's cache and work folder: `.cache/okr-handbook/` in the
 * `node_modules` folder that holds Astro. In a handbook repository that
 * installed okr-handbook, that is the repository's own `node_modules`, never
 * the installed package; in this repository, its own. Resolving Astro's
 * package.json loads none of Astro.
 */
export function okrHandbookCacheFolder(): string {
  const astroManifest = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(path.dirname(astroManifest)), '.cache/okr-handbook');
}
