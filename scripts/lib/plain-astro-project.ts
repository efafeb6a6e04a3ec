// The baseline for bench-build.ts: the smallest Astro project that builds
// one bare page per Markdown file of a handbook (just the file's relative
// path in an <h1>), with this repository's node_modules. What it costs is
// what Astro itself costs per page, before any handbook logic.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Creates the project in `root` (an empty folder) for the handbook in `contentDir`; returns its output folder. */
export function createPlainAstroProject(root: string, contentDir: string, nodeModules: string): string {
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  symlinkSync(nodeModules, join(root, 'node_modules'), 'dir');
  writeFileSync(
    join(root, 'package.json'),
    `${JSON.stringify({ name: 'plain-astro-baseline', private: true, type: 'module' }, null, 2)}\n`,
  );
  // Both caches inside the project: the default places are under
  // node_modules, which is the repository's own through the symlink.
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';

export default defineConfig({
  build: { format: 'directory' },
  cacheDir: './.cache/astro',
  vite: { cacheDir: './.cache/vite' },
  devToolbar: { enabled: false },
});
`,
  );
  writeFileSync(
    join(root, 'src/pages/[...slug].astro'),
    `---
import fs from 'node:fs';

export function getStaticPaths() {
  const dir = ${JSON.stringify(contentDir)};
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.md'))
    .map((rel) => ({ params: { slug: rel.slice(0, -'.md'.length) }, props: { rel } }));
}

const { rel } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{rel}</title></head>
  <body><h1>{rel}</h1></body>
</html>
`,
  );
  return join(root, 'dist');
}
