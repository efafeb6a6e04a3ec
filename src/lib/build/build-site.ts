import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { okrHandbookCacheFolder } from '../cache-folder.js';
import { checkHandbook, type CheckResult } from '../check-handbook.js';
import { deriveLedgers } from '../history/derive-ledger.js';
import { readOwnershipHistory } from '../history/read-ownership-history.js';
import { markdownBodies, renderBodiesInThread } from './render-bodies.js';
import { SearchThread } from './search-thread.js';
import { writeJsonSchemas } from './write-json-schemas.js';
import { writeSiteFiles } from './write-site-files.js';
import { BUILD_MARKER, formatBuildMarker, readBuildMarker } from './build-marker.js';

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
  /** Said once on the build's output: why the pages show no ownership history, when they do not. */
  notices: string[];
}

/** What the page-building child tells `npm run build`. */
export interface PagesReport {
  built: boolean;
  pages: number;
  searchPages: number | undefined;
  files: number;
  phases: [string, number][];
  notices: string[];
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

  // Git reads the history while the handbook is validated and Astro starts (it needs only the
  // folder; its `git log` runs on the other core); the pages that show it wait for it.
  const history = readOwnershipHistory(options.contentDir, { cacheDir: okrHandbookCacheFolder() });
  const check = await checkHandbook({ contentDir: options.contentDir });
  lap('validate');
  if (check.summary.errors > 0) return { check, built: false, phases, pages: 0, searchPages: 0, notices: [] };

  const ownership = history.then((read) => deriveLedgers(read, check.handbook));
  // Handed to the pages in this process: no page reads or parses a content file.
  const { setSiteModel } = await import('../../site/handbook.js');
  const bodies = renderBodiesInThread(options.renderBodiesWorker, markdownBodies(check.handbook), options.base);
  setSiteModel({ handbook: check.handbook, contentDir: options.contentDir, base: options.base, warnings: check.diagnostics, renderedBodies: bodies.rendered, ownership });
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
  const { searchLanguage } = await import('../../site/i18n/search-language.js');
  const search = indexWhileRendering ? SearchThread.start(options.searchWorker, searchLanguage(check.handbook.settings.language)) : undefined;
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
    await writeSiteFiles(stagingDir, check.siteFiles);
    lap('pages');
    const searchPages = search ? (await search.finish(stagingDir, check.handbook.glossary)).pages : undefined;
    if (search) lap('search');
    const ledgers = await ownership;
    const notices = ledgers.available ? [] : [ledgers.notice];
    return { check, built: true, phases, pages: await countPages(stagingDir), searchPages, notices };
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

export interface PublishReport {
  /** Files in the output folder that the previous build did not write, carried into the new site. */
  kept: string[];
  /** Files the previous build did not write, in places where the new build wrote its own. */
  replaced: string[];
}

/**
 * Replaces the output folder with the finished staging folder, and writes the
 * build marker listing the files of the new site. Only what the previous
 * build wrote (its marker's list) is replaced: any other file in the output
 * folder (a `CNAME` put there by hand) is carried into the new site, unless
 * the new site has a file of its own in that place.
 */
export async function publishSite(stagingDir: string, outDir: string, base = '/'): Promise<PublishReport> {
  const written = await listFiles(stagingDir);
  await fs.writeFile(path.join(stagingDir, BUILD_MARKER), formatBuildMarker(written, base));
  await fs.mkdir(path.dirname(outDir), { recursive: true });
  const target = outDir.replace(/\/+$/, '');
  const copy = `${target}.partial-${process.pid}`;
  const old = `${target}.previous-${process.pid}`;
  try {
    await fs.rename(stagingDir, copy);
  } catch (error) {
    // Another file system (an output folder in /tmp, say): copy beside the output first.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.rm(copy, { recursive: true, force: true });
    await fs.cp(stagingDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  const report: PublishReport = { kept: [], replaced: [] };
  try {
    if (existsSync(outDir)) {
      const previous = new Set(readBuildMarker(outDir)?.files ?? []);
      previous.add(BUILD_MARKER);
      await carryOthers(outDir, copy, previous, report);
    }
  } catch (error) {
    await fs.rm(copy, { recursive: true, force: true });
    throw error;
  }
  // The old site goes only once the new one is complete beside it; between the two renames, neither is lost.
  const hadOld = existsSync(outDir);
  if (hadOld) await fs.rename(outDir, old);
  await fs.rename(copy, outDir);
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
  return report;
}

/** Every file under `dir`, relative and `/`-separated. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The folders holding a file of `files`, for telling a folder the previous build wrote into from one it did not. */
function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash));
  }
  return folders;
}

/** Copies what the previous build did not write from `from` into the new site in `into`. */
async function carryOthers(from: string, into: string, previous: ReadonlySet<string>, report: PublishReport): Promise<void> {
  const previousFolders = foldersOf(previous);
  // One listing of the whole folder: reading it folder by folder took twice as long on a large site.
  const entries = (await fs.readdir(from, { recursive: true, withFileTypes: true }))
    .map((entry) => ({ name: path.relative(from, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'), isFolder: entry.isDirectory() }))
    // The previous build's own files, and the folders it wrote into, whose other files are listed one by one.
    .filter(({ name, isFolder }) => (isFolder ? !previousFolders.has(name) : !previous.has(name)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const carried = new Set<string>();
  for (const { name, isFolder } of entries) {
    // Inside a folder already carried (or replaced) whole.
    if ([...foldersOf([name])].some((folder) => carried.has(folder))) continue;
    const destination = path.join(into, name);
    const taken = await fs.lstat(destination).catch(() => undefined);
    // A folder of the user's where the new site has one too: its files are judged one by one.
    if (isFolder && taken?.isDirectory()) continue;
    carried.add(name);
    if (taken || !(await copyInto(path.join(from, name), destination))) {
      report.replaced.push(isFolder ? `${name}/` : name);
    } else {
      report.kept.push(isFolder ? `${name}/` : name);
    }
  }
}

/** Copies a file or folder to where the new site has nothing; false when a file of the new site stands where its folder would go. */
async function copyInto(source: string, destination: string): Promise<boolean> {
  try {
    await fs.mkdir(path.dirname(destination), { recursive: true });
  } catch (error) {
    if (['ENOTDIR', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
  await fs.cp(source, destination, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return true;
}

async function countPages(dir: string): Promise<number> {
  const files = await fs.readdir(dir, { recursive: true });
  return files.filter((file) => path.basename(String(file)) === 'index.html').length;
}
