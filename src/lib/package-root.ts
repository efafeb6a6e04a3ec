import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `init` copies from okr-handbook's own package.json into a new handbook's. */
export interface OkrHandbookManifest {
  /** The folder that holds okr-handbook's package.json (and `starter/`). */
  root: string;
  engines?: Record<string, string>;
  allowScripts?: Record<string, unknown>;
}

/**
 * okr-handbook's own package: the nearest folder above this module whose
 * package.json is named `okr-handbook`. Walking up, rather than a fixed
 * `../../..`, finds it from the TypeScript sources, from compiled or bundled
 * JavaScript, and from `node_modules/okr-handbook/` alike.
 */
export function readOkrHandbookManifest(from: string = path.dirname(fileURLToPath(import.meta.url))): OkrHandbookManifest {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; engines?: Record<string, string>; allowScripts?: Record<string, unknown> };
      if (manifest.name === 'okr-handbook') {
        return { root: dir, ...(manifest.engines && { engines: manifest.engines }), ...(manifest.allowScripts && { allowScripts: manifest.allowScripts }) };
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`okr-handbook's package.json was not found above ${from}.`);
  }
}
