import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A built page's HTML, by site path (`/objectives/retention/`). */
export function page(outDir: string, sitePath: string): string {
  return readFileSync(path.join(outDir, sitePath, sitePath.endsWith('/') ? 'index.html' : ''), 'utf8');
}
