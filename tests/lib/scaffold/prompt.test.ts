import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ScaffoldError } from '../../../src/lib/scaffold/inputs.js';
import { createTerminalAsker } from '../../../src/lib/scaffold/prompt.js';

describe('createTerminalAsker', () => {
  it('reads what was typed before the first question, and stops when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    input.write('Lee Wong\n');
    const asker = createTerminalAsker(input, output);
    await expect(asker.ask('Full name: ')).resolves.toBe('Lee Wong');
    input.end();
    await expect(asker.ask('Id: ')).rejects.toBeInstanceOf(ScaffoldError);
    asker.close();
  });
});
