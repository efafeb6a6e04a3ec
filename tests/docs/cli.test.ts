import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replaceUsageBlocks, usageStart, usageTexts } from '../../scripts/lib/cli-usage-docs.js';
import { runCheckCommand } from '../../src/lib/cli/check-command.js';
import { SUBCOMMANDS } from '../../src/lib/cli/commands.js';
import { SCAFFOLD_KINDS } from '../../src/lib/scaffold/kinds.js';
import { writeHandbook } from '../helpers/fixture-handbook.js';
import { codeBlocks, mistakeExamples } from './doc-examples.js';
import { DOCS_HANDBOOK } from './docs-handbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reference = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');

describe('docs/cli.md', () => {
  it('shows what each command prints for --help (run `npm run docs:cli` after changing one)', async () => {
    const texts = await usageTexts();
    expect([...texts.keys()]).toEqual(expect.arrayContaining(['main', ...SUBCOMMANDS.map((c) => c.name), ...SCAFFOLD_KINDS.map((k) => `new-${k.name}`)]));
    expect(reference).toContain(usageStart('check'));
    expect(replaceUsageBlocks(reference, texts)).toBe(reference);
  });

  it('has a section for every subcommand', () => {
    const sections = [...reference.matchAll(/^## `([a-z]+)`$/gm)].map((match) => match[1]);
    expect(sections).toEqual(SUBCOMMANDS.map((command) => command.name));
  });

  it("prints check's output formats as check prints them", async () => {
    // The authoring guide's owner-individual mistake, in a handbook at the root of a git repository.
    const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
    const mistake = mistakeExamples(codeBlocks(guide)).find((example) => example.rule === 'owner-individual')!;
    const dir = writeHandbook(mistake.wrong as Record<string, string | null>, DOCS_HANDBOOK);
    mkdirSync(path.join(dir, '.git'));
    const outputs = codeBlocks(reference).filter((block) => block.args[0]?.startsWith('output:'));
    expect(outputs.map((block) => block.args[0])).toEqual(['output:pretty', 'output:github', 'output:json']);
    for (const block of outputs) {
      const format = block.args[0]!.slice('output:'.length);
      const { stdout } = await runCheckCommand(['--format', format], { cwd: dir, color: false });
      expect(stdout.trim(), format).toBe(block.text.trim());
    }
  });
});
