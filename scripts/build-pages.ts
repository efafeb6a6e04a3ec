// The page-building child of `npm run build` (see build.ts, which bundles
// this file and runs it): validates, renders and indexes the site into a
// work folder, writes a report for the parent, and exits.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPages, type PagesReport } from '../src/lib/build/build-site.js';
import { parseArguments } from '../src/lib/cli/parse-arguments.js';
import { formatPretty } from '../src/lib/format/format-pretty.js';

const flags = parseArguments(process.argv.slice(2), { values: ['root', 'work', 'content', 'base', 'pages-into', 'report', 'search-worker', 'render-bodies-worker'], switches: [] });
const value = (name: string) => {
  const given = flags.get(name);
  if (typeof given !== 'string') throw new Error(`build-pages needs --${name}`);
  return given;
};
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

const outcome = await buildPages({
  root: value('root'),
  contentDir: value('content'),
  workDir: value('work'),
  stagingDir: value('pages-into'),
  base: value('base'),
  searchWorker: value('search-worker'),
  renderBodiesWorker: value('render-bodies-worker'),
});
const { check } = outcome;
if (check.diagnostics.length > 0 || !outcome.built) {
  // Paths as the user who ran the build reaches them (the build runs in a work folder; INIT_CWD is where it was started).
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  process.stdout.write(formatPretty(check.diagnostics, check.summary, { color, folder: path.relative(userCwd, value('content')) }));
}
const report: PagesReport = {
  built: outcome.built,
  pages: outcome.pages,
  searchPages: outcome.searchPages,
  files: check.summary.files,
  phases: outcome.phases,
  notices: outcome.notices,
};
writeFileSync(value('report'), JSON.stringify(report));
process.exit(outcome.built ? 0 : 1);
