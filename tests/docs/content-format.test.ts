import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/rules/index.js';
import { codeBlocks, fileExamples } from './doc-examples.js';
import { checkDocsHandbook } from './docs-handbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spec = readFileSync(path.join(ROOT, 'docs/content-format.md'), 'utf8');
const blocks = codeBlocks(spec);

describe('docs/content-format.md', () => {
  it('names the file of every YAML example, so that each is checked', () => {
    for (const block of blocks.filter((b) => b.language === 'yaml')) expect(block.args, `the block at line ${block.line}`).toHaveLength(1);
    expect(fileExamples(blocks).length).toBeGreaterThanOrEqual(4);
  });

  it.each(fileExamples(blocks).map((example) => [`${example.file} (line ${example.line})`, example] as const))(
    'example %s is valid in a handbook, with no warning',
    async (_, example) => {
      const { diagnostics } = await checkDocsHandbook({ [example.file]: example.text });
      expect(diagnostics.map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
    },
  );

  it('lists the default of every rule option', () => {
    const listed = [...spec.matchAll(/^\| `([a-z-]+)` \| `(\w+)` \| (\d+) \|/gm)].map((match) => [match[1], match[2], Number(match[3])]);
    const defaults = RULES.flatMap((rule) => Object.entries(rule.options.parse({}) as Record<string, unknown>).map(([name, value]) => [rule.id, name, value]));
    expect(listed).toEqual(defaults);
  });
});
