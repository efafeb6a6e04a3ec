#!/usr/bin/env node
// `npm run compile` (also run by `prepare`, so `npm ci` and `npm pack` do it):
// compiles the command and the build's child process and threads into lib/,
// plain JavaScript that runs on Node without a TypeScript loader.
//
// Only our own modules are bundled; packages (Astro, zod, yaml, …) stay
// imports, resolved from node_modules where the package is installed. Each
// subcommand is a chunk of its own, loaded when it runs, so `--version` and
// `check` load nothing they do not use. The Astro pages are not compiled
// here: Astro compiles them from src/ when a site is built.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'lib');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    'okr-handbook': 'scripts/okr-handbook.ts',
    'build-pages': 'scripts/build-pages.ts',
    'search-worker': 'src/lib/build/search-worker.ts',
    'render-bodies-worker': 'src/lib/build/render-bodies-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  define: { __OKR_HANDBOOK_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
