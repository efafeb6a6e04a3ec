import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/rules/index.js';
import { codeBlocks, fileExamples, mistakeExamples } from './doc-examples.js';
import { checkDocsHandbook } from './docs-handbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
const blocks = codeBlocks(guide);

/** Rules explained in words only: their mistakes cannot be shown in a small text example. */
const EXPLAINED_WITHOUT_EXAMPLE: Record<string, string> = {
  'front-matter-language': 'the mistake is the fence line `---toml` itself, which a diff block cannot show legibly',
  'markdown-nesting': 'it takes 65 levels of nesting',
  'stray-file': 'it is about files, not their text',
  encoding: 'invalid UTF-8 cannot be shown in a UTF-8 document',
  'file-too-large': 'it takes a file over 1 MiB',
};

const summary = (diagnostics: readonly { rule: string; file: string; line: number; message: string }[]) =>
  diagnostics.map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`);

describe('docs/authoring.md', () => {
  it('checks every YAML and Markdown example it gives (each names its file)', () => {
    for (const block of blocks.filter((b) => ['yaml', 'markdown', 'md', 'mdx'].includes(b.language))) {
      expect(block.args, `the block at line ${block.line} names no file`).toHaveLength(1);
    }
    expect(fileExamples(blocks).length).toBeGreaterThanOrEqual(5);
  });

  it.each(fileExamples(blocks).map((example) => [`${example.file} (line ${example.line})`, example] as const))(
    'example %s is valid in a handbook, with no warning',
    async (_, example) => {
      const { diagnostics } = await checkDocsHandbook({ [example.file]: example.text });
      expect(summary(diagnostics)).toEqual([]);
    },
  );

  it('explains every rule in a section of its own, in the order of the table', () => {
    const sections = [...guide.matchAll(/^### `([a-z-]+)`$/gm)].map((match) => match[1]);
    expect(sections).toEqual(RULES.map((rule) => rule.id));
  });

  it('shows a mistake and its fix for every rule but those that cannot be shown in text', () => {
    const shown = mistakeExamples(blocks).map((example) => example.rule);
    expect(shown.toSorted()).toEqual(RULES.map((rule) => rule.id).filter((id) => !(id in EXPLAINED_WITHOUT_EXAMPLE)).toSorted());
    for (const rule of Object.keys(EXPLAINED_WITHOUT_EXAMPLE)) expect(RULES.map((r) => r.id)).toContain(rule);
  });

  it.each(mistakeExamples(blocks).map((example) => [example.rule, example] as const))(
    'the %s example: the mistake is reported by that rule alone, the fix by nothing',
    async (rule, example) => {
      const wrong = await checkDocsHandbook(example.wrong);
      expect(summary(wrong.diagnostics).length, `line ${example.line}`).toBeGreaterThan(0);
      expect(new Set(wrong.diagnostics.map((d) => d.rule)), summary(wrong.diagnostics).join('\n')).toEqual(new Set([rule]));
      const right = await checkDocsHandbook(example.right);
      expect(summary(right.diagnostics), `line ${example.line}`).toEqual([]);
    },
  );
});
