import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/lib/rules/index.js';
import { RULE_TABLE_END, RULE_TABLE_START, renderRuleTable } from '../../../src/lib/rules/rule-table.js';
import { DEMO_HANDBOOK } from '../../helpers/demo-handbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the rule registry', () => {
  it('has the 27 rules of the content format, each once', () => {
    const spec = readFileSync(path.join(ROOT, 'docs/content-format.md'), 'utf8');
    const specRules = [...spec.matchAll(/^\| `([a-z-]+)` \| (error|warn)/gm)].map((match) => [match[1], match[2]]);
    expect(specRules).toHaveLength(27);
    expect(RULES.map((rule) => [rule.id, rule.defaultSeverity])).toEqual(specRules);
  });

  // Checked against the tests' copy of the demo, not content/, which a fork replaces with its own handbook.
  it('names glossary terms that exist in the demo handbook', () => {
    for (const rule of RULES.filter((r) => r.term)) {
      expect(existsSync(path.join(DEMO_HANDBOOK, 'glossary', `${rule.term}.md`)), rule.id).toBe(true);
    }
  });

  it('is what the authoring guide shows (run `npm run docs:rules` after changing a rule)', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
    expect(guide).toContain(RULE_TABLE_START);
    const shown = guide.slice(guide.indexOf(RULE_TABLE_START) + RULE_TABLE_START.length, guide.indexOf(RULE_TABLE_END)).trim();
    expect(shown).toBe(renderRuleTable(RULES));
  });
});
