// `npm run docs:cli`: rewrites the usage blocks of docs/cli.md from the commands' help texts.
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceUsageBlocks, usageTexts } from './lib/cli-usage-docs.js';

const docPath = new URL('../docs/cli.md', import.meta.url);
const doc = readFileSync(docPath, 'utf8');
const updated = replaceUsageBlocks(doc, await usageTexts());
if (updated !== doc) writeFileSync(docPath, updated);
console.log(updated === doc ? 'docs/cli.md usage blocks are up to date.' : 'docs/cli.md usage blocks rewritten.');
