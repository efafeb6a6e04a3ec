import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { checkHandbook, type CheckResult } from '../check-handbook.js';
import { markdownBodies, renderBodiesInThread } from './render-bodies.js';
import { SearchThread } from './search-thread.js';
import { writeJsonSchemas } from './write-json-schemas.js';

export interface BuildPagesOptions {
  /** The project root, where astro.config.mjs, src/ and public/ live. Nothing is written there. */
  root: string;
  contentDir: string;
  /**
   * This build's own folder: Astro's and Vite's state (content modules,
   * caches, bundled internals) goes here and nowhere else, so builds one
   * after the other or side by side cannot see each other's files. The
   * process's current folder must be this folder (Astro bundles the pages'
   * server code under it when the staging folder is elsewhere).
   */
  workDir: string;
  /** A fresh folder to build into; it replaces the output folder only once everything succeeded. */
  stagingDir: string;
  /** The path the site is served under, e.g. `/okrs/`. */
  base: string;
  /** The bundled search-worker.mjs, which indexes pages while they render. */
  searchWorker: string;
  /** The bundled render-bodies-worker.mjs, which renders the Markdown bodies while Astro starts. */
  renderBodiesWorker: string;
}

/**
 * Above this many pages the search index is built after the pages, by the
 * parent process once the page build has exited. Pagefind holds about 70 KB
 * per page: at 69 000 pages, 4.8 GB beside the page build's 1 GB peaked at
 * 5.9 GB together, against 5.3 GB one after the other.
 */
export const MAX_PAGES_INDEXED_WHILE_RENDERING = 20_000;

/** About how many pages the site of a handbook has: one per entity, plus the indexes. */
export function expectedPages(handbook: CheckResult['handbook']): number {
  const { cycles, teams, people, objectives, keyResults, reviews, glossary } = handbook;
  return cycles.length + teams.length + people.length + objectives.length + keyResults.length + reviews.length + glossary.length + 10;
}

export interface BuildPagesOutcome {
  check: CheckResult;
  /** False when validation found errors: nothing was written. */
  built: boolean;
  /** Milliseconds per phase, in order. */
  phases: [string, number][];
  pages: number;
  /** Pages in the search index; undefined when the handbook is too large to index while rendering. */
  searchPages: number | undefined;
}

/** What the page-building child tells `npm run build`. */
export interface PagesReport {
  built: boolean;
  pages: number;
  searchPages: number | undefined;
  files: number;
  phases: [string, number][];
}

/**
 * Validates, then has Astro render every page from the validated model into
 * the staging folder, and Pagefind index each page as it comes. On any
 * validation error nothing is written.
 */
export async function buildPages(options: BuildPagesOptions): Promise<BuildPagesOutcome> {
  const phases: [string, number][] = [];
  let start = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases.push([name, Math.round(now - start)]);
    start = now;
  };

  const check = await checkHandbook({ contentDir: options.contentDir });
  lap('validate');
  if (check.summary.errors > 0) return { check, built: false, phases, pages: 0, searchPages: 0 };

  // Handed to the pages in this process: no page reads or parses a content file.
  const { setSiteModel } = await import('../../site/handbook.js');
  const bodies = renderBodiesInThread(options.renderBodiesWorker, markdownBodies(check.handbook), options.base);
  setSiteModel({ handbook: check.handbook, contentDir: options.contentDir, base: options.base, warnings: check.diagnostics, renderedBodies: bodies.rendered });
  process.env.OKR_HANDBOOK_CONTENT = options.contentDir;
  process.env.OKR_HANDBOOK_BASE = options.base;
  // An internal site builds on a closed network: nothing is sent anywhere.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  const { stagingDir } = options;
  await fs.rm(stagingDir, { recursive: true, force: true });
  const { build } = await import('astro');
  const { setPageSink } = await import('../../site/page-sink.js');
  // The variable exists for the tests, which build a small fixture both ways.
  const limit = Number(process.env.OKR_HANDBOOK_MAX_PAGES_INDEXED_WHILE_RENDERING ?? MAX_PAGES_INDEXED_WHILE_RENDERING);
  const indexWhileRendering = expectedPages(check.handbook) <= limit;
  const search = indexWhileRendering ? SearchThread.start(options.searchWorker) : undefined;
  try {
    if (search) {
      // Pagefind knows pages by their path on the site without the base path, as if it had read the built folder.
      const base = options.base.replace(/\/$/, '');
      setPageSink((pathname, html) => search.addPage(pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname, html));
    }
    await build({ ...astroFolders(options), outDir: stagingDir, base: options.base, logLevel: 'warn' });
    // Astro's content-collection modules are build internals that name local paths; a static site needs neither.
    for (const internal of ['content-modules.mjs', 'content-assets.mjs']) await fs.rm(path.join(stagingDir, internal), { force: true });
    // Fresh from the schemas, over the copies public/ may hold: a build writes nothing into the project.
    await writeJsonSchemas(path.join(stagingDir, 'schema'));
    lap('pages');
    const searchPages = search ? (await search.finish(stagingDir, check.handbook.glossary)).pages : undefined;
    if (search) lap('search');
    return { check, built: true, phases, pages: await countPages(stagingDir), searchPages };
  } catch (error) {
    await fs.rm(stagingDir, { recursive: true, force: true });
    throw error;
  } finally {
    setPageSink(undefined);
    await Promise.all([search?.close(), bodies.stop()]);
  }
}

/**
 * Astro's folders for one build. Astro keeps its `.astro/` folder (content
 * modules, generated types) in its root and has no setting for it, so the
 * root is a folder of the build's own; the project's config, pages and
 * public files are named where they are. Astro's cache (its data store)
 * and Vite's go into the work folder too.
 */
export function astroFolders(options: Pick<BuildPagesOptions, 'root' | 'workDir'>) {
  const root = path.join(options.workDir, 'astro');
  return {
    root,
    // Astro reads this relative to the root, whatever its form.
    configFile: path.relative(root, path.join(options.root, 'astro.config.mjs')),
    srcDir: path.join(options.root, 'src'),
    publicDir: path.join(options.root, 'public'),
    cacheDir: path.join(options.workDir, 'astro-cache'),
    vite: { cacheDir: path.join(options.workDir, 'vite-cache') },
  };
}

/** Replaces the output folder with the finished staging folder. */
export async function publishSite(stagingDir: string, outDir: string): Promise<void> {
  await fs.mkdir(path.dirname(outDir), { recursive: true });
  let finished = stagingDir;
  const copy = `${outDir.replace(/\/+$/, '')}.partial-${process.pid}`;
  try {
    await fs.rename(stagingDir, copy);
    finished = copy;
  } catch (error) {
    // Another file system (an output folder in /tmp, say): copy beside the output first.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.rm(copy, { recursive: true, force: true });
    await fs.cp(stagingDir, copy, { recursive: true, verbatimSymlinks: true });
    finished = copy;
  }
  // The old site goes only once the new one is complete beside it.
  if (existsSync(outDir)) await fs.rm(outDir, { recursive: true, force: true });
  await fs.rename(finished, outDir);
}

async function countPages(dir: string): Promise<number> {
  const files = await fs.readdir(dir, { recursive: true });
  return files.filter((file) => path.basename(String(file)) === 'index.html').length;
}
