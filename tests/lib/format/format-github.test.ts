import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../../src/lib/format/format-github.js';
import type { Diagnostic } from '../../../src/lib/problem.js';

const diagnostic: Diagnostic = {
  file: 'objectives/q3, draft/a:b.md',
  line: 7,
  column: 12,
  rule: 'owner-single',
  severity: 'error',
  message: 'Owner names 2 people (a, b): 100% split.',
  hint: 'Keep one.',
};

// The workflow-command syntax GitHub documents: `::error file={name},line={line},col={col},title={title}::{message}`,
// with `%`, CR and LF escaped in the message, and also `:` and `,` in property values.
const ANNOTATION = /^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$/;

describe('formatGithub', () => {
  it('writes the documented workflow command, escaping what GitHub requires', () => {
    const [line, ...rest] = formatGithub([diagnostic], 'content').split('\n');
    expect(rest).toEqual(['']);
    const match = ANNOTATION.exec(line!);
    expect(match).not.toBeNull();
    const [, command, file, row, column, title, message] = match!;
    expect(command).toBe('error');
    expect(file).toBe('content/objectives/q3%2C draft/a%3Ab.md');
    expect([row, column, title]).toEqual(['7', '12', 'owner-single']);
    expect(message).toBe('Owner names 2 people (a, b): 100%25 split.%0AKeep one.');
  });

  it('uses ::warning for warnings and prints nothing for no diagnostics', () => {
    expect(formatGithub([{ ...diagnostic, severity: 'warn' }], '')).toMatch(/^::warning file=objectives/);
    expect(formatGithub([], 'content')).toBe('');
  });
});
