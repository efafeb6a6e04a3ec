import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { checkHandbook, type CheckResult } from '../check-handbook.js';
import { indexSearch } from './index-search.js';

export interface BuildOptions {
  /** The project root, where astro.config.mjs lives. */
  root: string;
  contentDir: string;
  outDir: string;
  /** The path the site is served under, e.g. `/okrs/`. */
  base: string;
  log: (line: string) => void;
}

export interface BuildOutcome {
  check: CheckResult;
  /** False when validation found errors: nothing was written. */
  built: boolean;
  /** Milliseconds per phase, in order. */
  phases: [string, number][];
  pages: number;
  /** Pages in the search index. */
  searchPages: number;
}

/**
 * Validates, then builds. On any validation error the output folder is not
 * touched. Astro builds into a fresh folder beside the output, which then
 * replaces it, so a build that fails half-way leaves the previous site whole.
 */
export async function buildSite(options: BuildOptions): Promise<BuildOutcome> {
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
  setSiteModel({ handbook: check.handbook, contentDir: options.contentDir, base: options.base, warnings: check.diagnostics });
  process.env.OKR_HANDBOOK_CONTENT = options.contentDir;
  process.env.OKR_HANDBOOK_BASE = options.base;
  // An internal site builds on a closed network: nothing is sent anywhere.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  const staging = `${options.outDir.replace(/\/+$/, '')}.partial-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  const { build } = await import('astro');
  try {
    await build({ root: options.root, outDir: staging, base: options.base, logLevel: 'warn' });
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  lap('pages');
  // Astro's content-collection modules are build internals that name local paths; a static site needs neither.
  for (const internal of ['content-modules.mjs', 'content-assets.mjs']) await fs.rm(path.join(staging, internal), { force: true });
  const search = await indexSearch(staging, check.handbook.glossary).catch(async (error: unknown) => {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  });
  lap('search');

  if (existsSync(options.outDir)) await fs.rm(options.outDir, { recursive: true, force: true });
  await fs.rename(staging, options.outDir);
  const pages = await countPages(options.outDir);
  lap('write');
  return { check, built: true, phases, pages, searchPages: search.pages };
}

async function countPages(dir: string): Promise<number> {
  const files = await fs.readdir(dir, { recursive: true });
  return files.filter((file) => path.basename(String(file)) === 'index.html').length;
}
