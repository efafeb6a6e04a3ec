#!/usr/bin/env node
// `npm run compile`: compiles the command and the build's child process and
// threads into lib/, plain JavaScript that runs on Node without a TypeScript
// loader. `npm pack` runs it (prepack), so the package ships lib/; this
// repository's npm scripts and `npm test` run it first, so lib/ is never
// older than the sources. (Not `prepare`: npm 11 lists a package's prepare
// script among the install scripts a user must approve.)
//
// Only files whose bytes changed are written, and stale ones removed after:
// compiling again while a test or a command runs from lib/ pulls nothing
// from under it.
//
// Our own modules are bundled, and so are the packages `check` parses and
// validates with (zod, yaml, js-yaml, gray-matter and what they import):
// loading them as some 150 separate files from node_modules cost `check`
// about 0.13 s of start-up, a quarter of checking the demo handbook. They
// stay dependencies (the site's pages import them from src/), so their
// licences ship with them. Every other package (Astro, Pagefind, …) stays an
// import, resolved from node_modules where okr-handbook is installed. Each
// subcommand is a chunk of its own, loaded when it runs, so `--version` and
// `check` load nothing they do not use. The Astro pages are not compiled
// here: Astro compiles them from src/ when a site is built.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Packages bundled into lib/ with everything they import (see above). */
const BUNDLED_PACKAGES = new Set(['zod', 'yaml', 'js-yaml', 'gray-matter']);

/**
 * Leaves every package our own code imports external, except `bundled`.
 * What a bundled package imports is bundled too: it must get the version
 * it depends on (gray-matter has its own js-yaml 3), not the one found
 * from lib/.
 */
function bundleOnly(bundled) {
  return {
    name: 'bundle-only',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, ({ path: specifier, importer }) => {
        if (specifier.startsWith('node:') || importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        return bundled.has(name) ? undefined : { path: specifier, external: true };
      });
    },
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'lib');

const result = await build({
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
  plugins: [bundleOnly(BUNDLED_PACKAGES)],
  // Bundled CommonJS packages call `require`, which an ES module lacks.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { __OKR_HANDBOOK_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  write: false,
});

const written = new Set();
for (const file of result.outputFiles) {
  written.add(file.path);
  if (existsSync(file.path) && Buffer.compare(readFileSync(file.path), file.contents) === 0) continue;
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}
for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (entry.isFile() && !written.has(file)) rmSync(file);
}
