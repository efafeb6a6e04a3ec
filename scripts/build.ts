#!/usr/bin/env node
// `npm run build`: validate, then build the site. Only this file touches argv, the console and the exit code.
//
// The build runs in a child process that validates, renders the pages and
// has Pagefind index them as they come, in a work folder of its own; this
// process then publishes the finished site. A handbook too large for both
// in memory at once is indexed here instead, once the child has exited.
// A refused build leaves the output folder as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishSite, type PagesReport } from '../src/lib/build/build-site.js';
import { indexBuiltSite, type TermNames } from '../src/lib/build/index-search.js';
import { bundleScript } from '../src/lib/build/bundle-script.js';
import { checkOutputFolder } from '../src/lib/build/output-folder.js';
import { writeJsonSchemas } from '../src/lib/build/write-json-schemas.js';
import { parseArguments, UsageError } from '../src/lib/cli/parse-arguments.js';

const USAGE = `Usage: npm run build -- [--content DIR] [--out DIR] [--base PATH] [--force]

Validates the handbook, then builds the site and its search index into --out
(default dist/). Nothing is written when validation finds an error.

--out must not be the content folder, the project, the folder you run from,
your home folder or the file-system root, nor hold or lie inside the content
folder. A non-empty --out must hold a site this tool built; --force builds
into another non-empty folder anyway. Files in --out that the previous build
did not write are kept.`;

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const cwd = process.env.INIT_CWD ?? process.cwd();

let flags;
try {
  flags = parseArguments(process.argv.slice(2), { values: ['content', 'out', 'base'], switches: ['help', 'force'] });
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (flags.has('help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const contentDir = path.resolve(cwd, (flags.get('content') as string | undefined) ?? 'content');
const outDir = path.resolve(cwd, (flags.get('out') as string | undefined) ?? 'dist');
const rawBase = (flags.get('base') as string | undefined) ?? '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

// Before anything is written: publishing replaces --out, so it must be a folder nothing else lives in.
const refusal = checkOutputFolder(
  { out: outDir, content: contentDir, project: root, workingDirs: [cwd, process.cwd()], home: homedir() },
  { force: flags.has('force') },
);
if (refusal) {
  process.stderr.write(`Build refused: --out ${refusal.message} Nothing was written.\nfix: ${refusal.hint}\n`);
  process.exit(2);
}

// The editor JSON Schemas go into public/, which Astro copies to the site: they are served at /schema/.
await writeJsonSchemas(path.join(root, 'public/schema'));

// The child runs in a work folder of its own inside the project, and Astro
// writes the pages there: for an output folder outside the current folder,
// Astro puts its build internals in `<cwd>/.astro/`, which `astro dev` and
// every other build share, so builds side by side could publish each other's
// files. Inside the project, the internals still find node_modules.
const work = path.join(root, 'node_modules/.cache/okr-handbook', `build-${process.pid}`);
const staging = path.join(work, 'site');
const reportFile = path.join(work, 'report.json');
const childScript = path.join(work, 'build-pages.mjs');
const searchWorker = path.join(work, 'search-worker.mjs');
const renderBodiesWorker = path.join(work, 'render-bodies-worker.mjs');
const cleanUp = () => rmSync(work, { recursive: true, force: true });
cleanUp();
mkdirSync(work, { recursive: true });
await Promise.all([
  bundleScript(path.join(root, 'scripts/build-pages.ts'), childScript),
  bundleScript(path.join(root, 'src/lib/build/search-worker.ts'), searchWorker),
  bundleScript(path.join(root, 'src/lib/build/render-bodies-worker.ts'), renderBodiesWorker),
]);
const child = spawnSync(
  process.execPath,
  [...withoutTypeScriptLoader(process.execArgv), childScript, '--root', root, '--content', contentDir, '--base', base, '--pages-into', staging, '--report', reportFile, '--search-worker', searchWorker, '--render-bodies-worker', renderBodiesWorker],
  { stdio: 'inherit', cwd: work, env: { ...process.env, INIT_CWD: cwd } },
);
const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as PagesReport) : undefined;
if (!report?.built) {
  cleanUp();
  if (report) process.stderr.write(`Build refused: fix the errors above. ${outDir} was not touched.\n`);
  else process.stderr.write(`The page build failed (exit ${child.status ?? child.signal}). ${outDir} was not touched.\n`);
  process.exit(1);
}

let start = performance.now();
const phases = [...report.phases];
const lap = (name: string) => {
  const now = performance.now();
  phases.push([name, Math.round(now - start)]);
  start = now;
};
let searchPages = report.searchPages;
let published;
try {
  if (searchPages === undefined) {
    // A handbook too large to index while rendering: index the finished pages now that the page build has exited.
    // The glossary's names come from the model as the child wrote it: no file is parsed again.
    const model = JSON.parse(readFileSync(path.join(staging, 'handbook.json'), 'utf8')) as { glossary: TermNames[] };
    searchPages = await indexBuiltSite(staging, model.glossary);
    lap('search');
  }
  published = await publishSite(staging, outDir);
  lap('write');
} catch (error) {
  cleanUp();
  throw error;
}
cleanUp();

const shown = (dir: string) => (path.relative(cwd, dir).startsWith('..') ? dir : path.relative(cwd, dir) || dir);
const timings = phases.map(([name, ms]) => `${name} ${ms} ms`).join(', ');
process.stdout.write(`Built ${report.pages} pages from ${report.files} files into ${shown(outDir)}, ${searchPages} of them in the search index (${timings}).\n`);
const listed = (files: string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
if (published.kept.length > 0) process.stdout.write(`Kept ${published.kept.length} file(s) in ${shown(outDir)} that no build wrote: ${listed(published.kept)}.\n`);
if (published.replaced.length > 0) process.stderr.write(`Replaced ${published.replaced.length} file(s) in ${shown(outDir)} that no build wrote with the site's own: ${listed(published.replaced)}.\n`);

/** This process's Node flags (a profiler, a heap size) for the child, less the TypeScript loader it does not need. */
function withoutTypeScriptLoader(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const argument = execArgv[i]!;
    const isLoaderFlag = argument === '--import' || argument === '--require' || argument === '-r' || argument === '--loader';
    if (isLoaderFlag && /(^|[/\\])tsx([/\\]|$)/.test(execArgv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(import|require|loader)=.*(^|[=/\\])tsx([/\\]|$)/.test(argument)) continue;
    flags.push(argument);
  }
  return flags;
}
