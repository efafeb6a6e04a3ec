import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../helpers/fixture-handbook.js';
import { MISTAKES } from './mistakes.js';

describe('common authoring mistakes', () => {
  it('the corpus covers at least 30 of them', () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(30);
  });

  // Each mistake is the one problem of its handbook: found on the right line and column, with a hint right for its cause.
  it.each(MISTAKES.map((mistake) => [mistake.name, mistake] as const))('%s', async (_, { files, expected }) => {
    const { diagnostics } = await checkFiles(files);
    const found = diagnostics.map(({ file, rule, severity, line, column }) => ({ file, rule, severity, line, column }));
    expect(found).toEqual([{ file: expected.file, rule: expected.rule, severity: expected.severity ?? 'error', line: expected.line, column: expected.column }]);
    const [diagnostic] = diagnostics;
    if (expected.message) expect(diagnostic!.message).toMatch(expected.message);
    expect(diagnostic!.hint).toMatch(expected.hint);
    // Positions are counted as an author counts them, never as `keyResults[1]`.
    expect(`${diagnostic!.message} ${diagnostic!.hint}`).not.toMatch(/\[\d+\]/);
  });
});
