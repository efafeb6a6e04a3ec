// `npm run docs:rules`: rewrites the rule table in docs/authoring.md from the rule modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../src/lib/rules/index.js';
import { renderRuleTable, replaceRuleTable } from '../src/lib/rules/rule-table.js';

const docPath = new URL('../docs/authoring.md', import.meta.url);
const doc = readFileSync(docPath, 'utf8');
const updated = replaceRuleTable(doc, renderRuleTable(RULES));
if (updated !== doc) writeFileSync(docPath, updated);
console.log(updated === doc ? 'docs/authoring.md rule table is up to date.' : 'docs/authoring.md rule table rewritten.');
