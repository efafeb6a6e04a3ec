import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { publishSite, type PagesReport } from '../build/build-site.js';
import { indexBuiltSite, type TermNames } from '../build/index-search.js';
import type { Language } from '../schema/branding.js';
import { searchLanguage } from '../../site/i18n/search-language.js';
import { checkOutputFolder } from '../build/output-folder.js';
import { buildWorkFolder } from '../build/work-folder.js';
import { readOkrHandbookManifest } from '../package-root.js';
import { normalizeBase } from './base-path.js';
import type { CommandIo } from './commands.js';
import { contentOption, resolveContentDir } from './content-folder.js';
import { parseArguments, UsageError } from './parse-arguments.js';

export const BUILD_USAGE = `Usage: okr-handbook build [--content DIR] [--out DIR] [--base PATH] [--force]

Validates the handbook, then builds the site and its search index into --out.
Nothing is written when validation finds an error.
  ${contentOption()}
  --out DIR           the folder to publish the site into (default: dist)
  --base PATH         the path the site is served under, e.g. /okrs/ (default: /)
  --force             build into a non-empty --out that holds no site this tool built

--out must not be the content folder, the project, the folder you run from,
your home folder or the file-system root, nor hold or lie inside the content
folder. Files in --out that the previous build did not write are kept.
Exit codes: 0 built, 1 validation errors (nothing written) or the build failed, 2 usage error.`;

/**
 * Validates and builds the site. The pages are built by a child process
 * (lib/build-pages.mjs) that validates, renders the pages and has Pagefind
 * index them as they come, in a work folder of its own; this process then
 * publishes the finished site. A handbook too large for both in memory at
 * once is indexed here instead, once the child has exited. A refused build
 * leaves the output folder as it was.
 */
export async function runBuildCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let flags: Map<string, string | true>;
  try {
    flags = parseArguments(argv, { values: ['content', 'out', 'base'], switches: ['help', 'force'] });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${BUILD_USAGE}\n`);
    return 2;
  }
  if (flags.has('help')) {
    io.stdout.write(`${BUILD_USAGE}\n`);
    return 0;
  }
  const packageRoot = readOkrHandbookManifest().root;
  const contentDir = resolveContentDir(io.cwd, flags.get('content') as string | undefined);
  const outDir = path.resolve(io.cwd, (flags.get('out') as string | undefined) ?? 'dist');
  const base = normalizeBase(flags.get('base') as string | undefined);
  if (!existsSync(contentDir)) {
    io.stderr.write(`The content folder \`${contentDir}\` does not exist. Give it with --content, or run \`okr-handbook init\` to start a handbook.\n`);
    return 2;
  }

  // Before anything is written: publishing replaces --out, so it must be a folder nothing else lives in.
  const refusal = checkOutputFolder(
    // `npm run` moves the process into the package's folder: both that and where the user was are protected.
    { out: outDir, content: contentDir, project: packageRoot, workingDirs: [io.cwd, process.cwd()], home: homedir() },
    { force: flags.has('force') },
  );
  if (refusal) {
    io.stderr.write(`Build refused: --out ${refusal.message} Nothing was written.\nfix: ${refusal.hint}\n`);
    return 2;
  }

  const work = buildWorkFolder();
  const staging = path.join(work, 'site');
  const reportFile = path.join(work, 'report.json');
  const compiled = (name: string) => path.join(packageRoot, 'lib', `${name}.mjs`);
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  cleanUp();
  mkdirSync(work, { recursive: true });
  try {
    const child = spawnSync(
      process.execPath,
      [
        // This process's Node flags (a heap size, a profiler) hold for the child too.
        ...process.execArgv,
        compiled('build-pages'),
        ...['--root', packageRoot, '--work', work, '--content', contentDir, '--base', base, '--pages-into', staging, '--report', reportFile],
        ...['--search-worker', compiled('search-worker'), '--render-bodies-worker', compiled('render-bodies-worker')],
      ],
      // The child's current folder is its work folder: Astro bundles the pages' server code under it.
      { stdio: 'inherit', cwd: work, env: { ...process.env, INIT_CWD: io.cwd } },
    );
    const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as PagesReport) : undefined;
    if (!report?.built) {
      if (report) io.stderr.write(`Build refused: fix the errors above. ${outDir} was not touched.\n`);
      else io.stderr.write(`The page build failed (exit ${child.status ?? child.signal}). ${outDir} was not touched.\n`);
      return 1;
    }

    let start = performance.now();
    const phases = [...report.phases];
    const lap = (name: string) => {
      const now = performance.now();
      phases.push([name, Math.round(now - start)]);
      start = now;
    };
    let searchPages = report.searchPages;
    if (searchPages === undefined) {
      // A handbook too large to index while rendering: index the finished pages now that the page build has exited.
      // The glossary's names come from the model as the child wrote it: no file is parsed again.
      const model = JSON.parse(readFileSync(path.join(staging, 'handbook.json'), 'utf8')) as { language?: Language; glossary: TermNames[] };
      searchPages = await indexBuiltSite(staging, model.glossary, searchLanguage(model.language ?? 'en'));
      lap('search');
    }
    const published = await publishSite(staging, outDir, base);
    lap('write');

    const shown = (dir: string) => (path.relative(io.cwd, dir).startsWith('..') ? dir : path.relative(io.cwd, dir) || dir);
    const timings = phases.map(([name, ms]) => `${name} ${ms} ms`).join(', ');
    io.stdout.write(`Built ${report.pages} pages from ${report.files} files into ${shown(outDir)}, ${searchPages} of them in the search index (${timings}).\n`);
    for (const notice of report.notices ?? []) io.stdout.write(`Note: ${notice}\n`);
    const listed = (files: string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
    if (published.kept.length > 0) io.stdout.write(`Kept ${published.kept.length} file(s) in ${shown(outDir)} that no build wrote: ${listed(published.kept)}.\n`);
    if (published.replaced.length > 0) io.stderr.write(`Replaced ${published.replaced.length} file(s) in ${shown(outDir)} that no build wrote with the site's own: ${listed(published.replaced)}.\n`);
    return 0;
  } finally {
    cleanUp();
  }
}
