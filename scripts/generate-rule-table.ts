// `npm run docs:rules`: rewrites the rule table in README.md from the rule modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../src/lib/rules/index.js';
import { renderRuleTable, replaceRuleTable } from '../src/lib/rules/rule-table.js';

const readmePath = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmePath, 'utf8');
const updated = replaceRuleTable(readme, renderRuleTable(RULES));
if (updated !== readme) writeFileSync(readmePath, updated);
console.log(updated === readme ? 'README.md rule table is up to date.' : 'README.md rule table rewritten.');
