import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from '../../src/lib/build/bundle-script.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the real `npm run build` entry point, as a user or CI would. */
export function runBuild(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/build.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runBuild`, without blocking: for builds side by side. */
export function runBuildAsync(...args: string[]): Promise<ReturnType<typeof runBuild>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/build.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
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
  await bundleScript(path.join(ROOT, entry), script);
  return { dir, script };
}
