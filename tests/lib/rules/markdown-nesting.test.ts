import { describe, expect, it } from 'vitest';
import { findTooDeepNesting, MAX_NESTING_DEPTH } from '../../../src/lib/rules/markdown-nesting.js';
import { checkFiles, located } from '../../helpers/fixture-handbook.js';

const PERSON = 'people/lee-wong.md';
const FRONT_MATTER = '---\nname: Lee Wong\nrole: Product Manager\nteam: growth\nmanager: priya-shah\n---\n';
/** The body starts on this line of the file. */
const BODY_LINE = 7;

/** The deepest nesting the scan lets through for `body`. */
function depthOf(body: string): number {
  for (let limit = 0; limit < 200; limit++) if (!findTooDeepNesting(`${body}\n${' '.repeat(300)}`, limit)) return limit;
  return Infinity;
}

describe('markdown-nesting', () => {
  it('reports 10 000 list markers on one line at the marker one level too deep', async () => {
    const { diagnostics } = await checkFiles({ [PERSON]: `${FRONT_MATTER}Intro.\n\n${'- '.repeat(10_000)}x\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'markdown-nesting', severity: 'error', file: PERSON, line: BODY_LINE + 2, column: 2 * MAX_NESTING_DEPTH + 1 }]);
    expect(diagnostics[0]!.message).toContain(`${MAX_NESTING_DEPTH} levels`);
  });

  it('reports block quotes written as one run of `>`', async () => {
    const { diagnostics } = await checkFiles({ [PERSON]: `${FRONT_MATTER}${'>'.repeat(10_000)} x\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'markdown-nesting', severity: 'error', file: PERSON, line: BODY_LINE, column: MAX_NESTING_DEPTH + 1 }]);
  });

  it('reports items indented ever deeper on the line that goes too deep', async () => {
    const lines = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`);
    const { diagnostics } = await checkFiles({ [PERSON]: `${FRONT_MATTER}${lines.join('\n')}\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'markdown-nesting', severity: 'error', file: PERSON, line: BODY_LINE + MAX_NESTING_DEPTH, column: 2 * MAX_NESTING_DEPTH + 1 }]);
  });

  it('lets a body at the limit through', async () => {
    const lines = Array.from({ length: MAX_NESTING_DEPTH }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`);
    const { diagnostics } = await checkFiles({ [PERSON]: `${FRONT_MATTER}${lines.join('\n')}\n\n${'> '.repeat(MAX_NESTING_DEPTH)}quoted\n` });
    expect(diagnostics).toEqual([]);
  });

  it('counts levels as Markdown nests them', () => {
    expect(depthOf('- - - x')).toBe(3);
    expect(depthOf('>>> x')).toBe(3);
    expect(depthOf('1. - > x')).toBe(3);
    expect(depthOf('> - a\n>   - b\n>     - c')).toBe(4);
    expect(depthOf(Array.from({ length: 100 }, () => '- item').join('\n'))).toBe(1);
    // Not containers: a thematic break, code fenced or indented, a paragraph after a list.
    expect(depthOf('- - -\n* * * *')).toBe(0);
    expect(depthOf(`\`\`\`\n${'- '.repeat(100)}x\n\`\`\`\n- a`)).toBe(1);
    expect(depthOf('- a\n\n        - b\n        - c')).toBe(1);
    expect(depthOf('- a\n  - b\n\nBack at the top.\n\n- c')).toBe(2);
  });
});
