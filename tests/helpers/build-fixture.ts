
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ROOT, runCommand, runCommandAsync, type RunResult } from './run-command.js';

export { ROOT };

/** Runs the real `okr-handbook build`, as a user or CI would. */
export function runBuild(...args: string[]): RunResult {
  return runCommand(['build', ...args]);
}

/** `runBuild`, without blocking: for builds side by side. */
export function runBuildAsync(...args: string[]): Promise<RunResult> {
  return runCommandAsync(['build', ...args]);
}

/** A built page's HTML, by site path (`/objectives/retention/`). */
export function page(outDir: string, sitePath: string): string {
  return readFileSync(path.join(outDir, sitePath, sitePath.endsWith('/') ? 'index.html' : ''), 'utf8');
}

/**
 * Bundles one of the build's worker entry points (`src/lib/build/…-worker.ts`)
 * as `npm run build` does, into a new folder inside the project, so the bundle
 * finds its packages in node_modules as the build's does. Returns the folder
 * (for the caller to remove) and the bundle's path.
 */
export async function bundleWorker(entry: string): Promise<{ dir: string; script: string }> {
  const name = path.basename(entry, '.ts');
  const dir = mkdtempSync(path.join(ROOT, `node_modules/.cache/${name}-test-`));
  const script = path.join(dir, `${name}.mjs`);
  await build({ entryPoints: [path.join(ROOT, entry)], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
  return { dir, script };
}
