#!/usr/bin/env node
// `npm run build`: validate, then build the site. Only this file touches argv, the console and the exit code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../src/lib/build/build-site.js';
import { parseArguments, UsageError } from '../src/lib/cli/parse-arguments.js';
import { formatPretty } from '../src/lib/format/format-pretty.js';

const USAGE = `Usage: npm run build -- [--content DIR] [--out DIR] [--base PATH]

Validates the handbook, then builds the site into --out (default dist/).
Nothing is written when validation finds an error.`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cwd = process.env.INIT_CWD ?? process.cwd();

let flags;
try {
  flags = parseArguments(process.argv.slice(2), { values: ['content', 'out', 'base'], switches: ['help'] });
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

const outcome = await buildSite({ root, contentDir, outDir, base, log: (line) => process.stdout.write(`${line}\n`) });
const { check } = outcome;
if (check.diagnostics.length > 0 || !outcome.built) {
  process.stdout.write(formatPretty(check.diagnostics, check.summary, { color, readText: () => undefined }));
}
if (!outcome.built) {
  process.stderr.write(`Build refused: fix the errors above. ${outDir} was not touched.\n`);
  process.exit(1);
}
const shown = (dir: string) => (path.relative(cwd, dir).startsWith('..') ? dir : path.relative(cwd, dir) || dir);
const timings = outcome.phases.map(([name, ms]) => `${name} ${ms} ms`).join(', ');
process.stdout.write(`Built ${outcome.pages} pages from ${check.summary.files} files into ${shown(outDir)}, ${outcome.searchPages} of them in the search index (${timings}).\n`);
