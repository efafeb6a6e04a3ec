import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../helpers/fixture-handbook.js';

describe('the base fixture handbook', () => {
  it('is valid, so each rule test below changes exactly one thing', async () => {
    const { diagnostics, summary } = await checkFiles();
    expect(diagnostics).toEqual([]);
    expect(summary).toEqual({ files: 12, errors: 0, warnings: 0 });
  });
});
