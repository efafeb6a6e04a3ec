import { describe, expect, it } from 'vitest';
import { checkFiles, located } from '../../helpers/fixture-handbook.js';

const TERM = 'glossary/initiative.mdx';
const FRONT_MATTER = '---\nterm: Initiative\nsummary: A bet on a key result.\n---\n';

describe('mdx-syntax', () => {
  it('reports an unclosed expression at its line and column in the file', async () => {
    const { diagnostics } = await checkFiles({ [TERM]: `${FRONT_MATTER}## What it is\n\nA {brace that never closes\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'mdx-syntax', severity: 'error', file: TERM, line: 7, column: 27 }]);
    expect(diagnostics[0]!.message).toMatch(/closing brace/);
    expect(diagnostics[0]!.hint).toContain('\\{');
  });

  it('reports a tag that is never closed where it opens', async () => {
    const { diagnostics } = await checkFiles({ [TERM]: `${FRONT_MATTER}Intro.\n\n<div>\n\nNever closed.\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'mdx-syntax', severity: 'error', file: TERM, line: 7, column: 1 }]);
  });

  it('reports a broken export line', async () => {
    const { diagnostics } = await checkFiles({ [TERM]: `${FRONT_MATTER}export const answer = ;\n\n{answer}\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'mdx-syntax', severity: 'error', file: TERM, line: 5, column: 23 }]);
  });

  it('compiles a file whose extension is upper case as MDX too', async () => {
    const { diagnostics } = await checkFiles({ 'glossary/initiative.MDX': `${FRONT_MATTER}A {brace\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'mdx-syntax', severity: 'error', file: 'glossary/initiative.MDX', line: 5, column: 9 }]);
  });

  it('accepts valid MDX, and never compiles Markdown', async () => {
    expect((await checkFiles({ [TERM]: `${FRONT_MATTER}export const answer = 42;\n\nThe answer is {answer}, <strong>bold</strong>.\n` })).diagnostics).toEqual([]);
    expect((await checkFiles({ 'glossary/initiative.md': `${FRONT_MATTER}A {brace and a <div> are text in Markdown.\n` })).diagnostics).toEqual([]);
  });
});
