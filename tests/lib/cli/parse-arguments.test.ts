import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../src/lib/cli/parse-arguments.js';

describe('parseCommandLine', () => {
  it('takes plain arguments up to the number the command allows, between flags', () => {
    const line = parseCommandLine(['main', '--format', 'json', 'HEAD'], { values: ['format'], positionals: 2 });
    expect(line.positionals).toEqual(['main', 'HEAD']);
    expect(line.flags.get('format')).toBe('json');
  });

  it('refuses a plain argument beyond that number, naming it', () => {
    expect(() => parseCommandLine(['a', 'b', 'c'], { values: [], positionals: 2 })).toThrow(UsageError);
    expect(() => parseCommandLine(['a', 'b', 'c'], { values: [], positionals: 2 })).toThrow('`c`');
  });

  it('takes no plain argument unless the command says so', () => {
    expect(() => parseCommandLine(['content'], { values: ['content'] })).toThrow('Unexpected argument `content`');
  });
});
