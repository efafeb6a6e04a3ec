import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry point and the project modules it imports into
 * one ES module (packages stay imports), so it runs on plain Node. Loading
 * through a TypeScript loader costs about a second more in a process that
 * also loads Astro, Vite and Rollup: every one of their modules passes
 * through the loader's hooks.
 */
export async function bundleScript(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
}
