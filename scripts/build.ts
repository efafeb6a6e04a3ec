#!/usr/bin/env node
// `npm run build`: validate, then build the site. Only this file touches argv, the console and the exit code.
//
// The build runs in two processes, one after the other: a child validates and
// renders the pages, and exits; then this process indexes them with Pagefind.
// Pagefind's own process needs several GB on a large handbook, and this way
// it never runs while the page build still holds the model and Astro.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages, publishSite } from '../src/lib/build/build-site.js';
import { indexSearch, type TermNames } from '../src/lib/build/index-search.js';
import { writeJsonSchemas } from '../src/lib/build/write-json-schemas.js';
import { parseArguments, UsageError } from '../src/lib/cli/parse-arguments.js';
import { formatPretty } from '../src/lib/format/format-pretty.js';

const USAGE = `Usage: npm run build -- [--content DIR] [--out DIR] [--base PATH]

Validates the handbook, then builds the site and its search index into --out
(default dist/). Nothing is written when validation finds an error.`;

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const cwd = process.env.INIT_CWD ?? process.cwd();

let flags;
try {
  // `--pages-into` and `--report` are internal: they make this file the page-building child.
  flags = parseArguments(process.argv.slice(2), { values: ['content', 'out', 'base', 'pages-into', 'report'], switches: ['help'] });
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
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

interface PagesReport {
  built: boolean;
  pages: number;
  files: number;
  phases: [string, number][];
}

if (flags.has('pages-into')) {
  // The child: validate and render the pages, report, exit.
  const outcome = await buildPages({ root, contentDir, stagingDir: flags.get('pages-into') as string, base });
  const { check } = outcome;
  if (check.diagnostics.length > 0 || !outcome.built) {
    process.stdout.write(formatPretty(check.diagnostics, check.summary, { color, readText: () => undefined }));
  }
  const report: PagesReport = { built: outcome.built, pages: outcome.pages, files: check.summary.files, phases: outcome.phases };
  writeFileSync(flags.get('report') as string, JSON.stringify(report));
  process.exit(outcome.built ? 0 : 1);
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
const cleanUp = () => rmSync(work, { recursive: true, force: true });
cleanUp();
mkdirSync(work, { recursive: true });
const child = spawnSync(
  process.execPath,
  [...absoluteLoaders(process.execArgv), self, '--content', contentDir, '--base', base, '--pages-into', staging, '--report', reportFile],
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
let searchPages: number;
try {
  // The glossary's names come from the model as the child wrote it: no file is parsed again.
  const model = JSON.parse(readFileSync(path.join(staging, 'handbook.json'), 'utf8')) as { glossary: TermNames[] };
  searchPages = (await indexSearch(staging, model.glossary)).pages;
  lap('search');
  await publishSite(staging, outDir);
  lap('write');
} catch (error) {
  cleanUp();
  throw error;
}
cleanUp();

const shown = (dir: string) => (path.relative(cwd, dir).startsWith('..') ? dir : path.relative(cwd, dir) || dir);
const timings = phases.map(([name, ms]) => `${name} ${ms} ms`).join(', ');
process.stdout.write(`Built ${report.pages} pages from ${report.files} files into ${shown(outDir)}, ${searchPages} of them in the search index (${timings}).\n`);

/** `--import tsx` resolves from the current folder, which differs in the child: name the loader by its path. */
function absoluteLoaders(execArgv: readonly string[]): string[] {
  return execArgv.map((argument, index) => {
    if (argument === 'tsx' && execArgv[index - 1] === '--import') return import.meta.resolve('tsx');
    if (argument === '--import=tsx') return `--import=${import.meta.resolve('tsx')}`;
    return argument;
  });
}
