import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../../src/lib/cli/check-command.js';
import { escapeControl, escapeJsonControl } from '../../../src/lib/format/escape-control.js';
import { formatGithub } from '../../../src/lib/format/format-github.js';
import { formatJson } from '../../../src/lib/format/format-json.js';
import { formatPretty } from '../../../src/lib/format/format-pretty.js';
import type { Diagnostic } from '../../../src/lib/problem.js';
import { edit, writeHandbook } from '../../helpers/fixture-handbook.js';

/** Every character the formats must never print as it is. */
const UNSAFE_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same, for pretty output with colour, whose own escape sequences are `ESC [ digits m`. */
const UNSAFE_BESIDES_COLOUR = (text: string) => UNSAFE_OUTPUT.test(text.replace(/\u001b\[\d+m/g, ''));

describe('escapeControl', () => {
  it.each([
    ['plain text, tabs and all', 'a\tb — ü 日本', 'a\tb — ü 日本'],
    ['a terminal title and clear-screen sequence', '\u001b]0;TITLE\u0007\u001b[2Jkey', '\\x1B]0;TITLE\\x07\\x1B[2Jkey'],
    ['line breaks', 'one\ntwo\r\nthree', 'one\\ntwo\\r\\nthree'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a\\x00b\\x7Fc'],
    ['C1 controls (U+009B is an escape sequence on some terminals)', '\u0085\u009b31m', '\\x85\\x9B31m'],
    ['bidi overrides and isolates', 'abc\u202edcb\u2066x\u2069', 'abc\\u202Edcb\\u2066x\\u2069'],
  ])('%s', (_, text, expected) => {
    expect(escapeControl(text)).toBe(expected);
  });

  it('leaves JSON data unchanged while escaping DEL, C1 and bidi characters in its text', () => {
    const value = { message: 'a\u007fb\u009bc\u202ed\u001b[2J' };
    const json = escapeJsonControl(JSON.stringify(value));
    expect(json).not.toMatch(UNSAFE_OUTPUT);
    expect(JSON.parse(json)).toEqual(value);
  });
});

const hostile: Diagnostic = {
  file: 'people/\u001b[2Jzz\u202e.md',
  line: 2,
  column: 6,
  rule: 'schema',
  severity: 'error',
  message: 'Unknown field `\u001b]0;TITLE\u0007\u001b[2Jkey`\nin\u009b31m a line of its own.',
  hint: 'Remove `\u001b[2J`.',
};

describe('every output format escapes control characters from the handbook', () => {
  it('pretty: messages, hints, file names and code-frame lines, with the caret still under its column', () => {
    const texts = new Map([[hostile.file, '---\n\u001b[31mname: x\n---\n']]);
    for (const color of [false, true]) {
      const text = formatPretty([hostile], { files: 1, errors: 1, warnings: 0 }, { color, texts });
      expect(UNSAFE_BESIDES_COLOUR(text)).toBe(false);
      if (color) continue;
      expect(text).toContain('people/\\x1B[2Jzz\\u202E.md:2:6  error  ');
      expect(text).toContain('Unknown field `\\x1B]0;TITLE\\x07\\x1B[2Jkey`\\nin\\x9B31m a line of its own.');
      expect(text).toContain('fix: Remove `\\x1B[2J`.');
      // Column 6 is the `n` of `name`, after ESC [ 3 1 m: the caret is under it in the escaped line.
      expect(text).toContain('    2 | \\x1B[31mname: x\n      |         ^\n');
    }
  });

  it('github: escapes before GitHub’s own %, CR, LF escaping, so no line break of the handbook starts a command', () => {
    const text = formatGithub([hostile], 'content');
    expect(text.split('\n')).toHaveLength(2);
    expect(text).not.toMatch(UNSAFE_OUTPUT);
    expect(text).toBe(
      '::error file=content/people/\\x1B[2Jzz\\u202E.md,line=2,col=6,title=schema::Unknown field `\\x1B]0;TITLE\\x07\\x1B[2Jkey`\\nin\\x9B31m a line of its own.%0ARemove `\\x1B[2J`.\n',
    );
  });

  it('json: the text is safe, and the message read back is the handbook’s own', () => {
    const text = formatJson([hostile], { files: 1, errors: 1, warnings: 0 });
    expect(text).not.toMatch(UNSAFE_OUTPUT);
    const parsed = JSON.parse(text) as { diagnostics: { file: string; message: string }[] };
    expect(parsed.diagnostics[0]!.file).toBe(hostile.file);
    expect(parsed.diagnostics[0]!.message).toBe(`${hostile.message} ${hostile.hint}`);
  });
});

describe('a field name with terminal escapes, end to end', () => {
  // YAML's double-quoted escapes: \e is ESC, \a is BEL.
  const contentDir = writeHandbook(edit('people/sam-okafor.md', 'role: CTO\n', 'role: CTO\n"\\e]0;TITLE\\a\\e[2Jkey": x\n'));

  it.each(['pretty', 'github', 'json'])('is printed escaped by --format %s', async (format) => {
    const { exitCode, stdout } = await runCheckCommand(['--content', contentDir, '--format', format], { cwd: contentDir, color: true });
    expect(exitCode).toBe(1);
    expect(UNSAFE_BESIDES_COLOUR(stdout)).toBe(false);
    expect(stdout).toContain(format === 'json' ? '\\u001b]0;TITLE\\u0007\\u001b[2Jkey' : '\\x1B]0;TITLE\\x07\\x1B[2Jkey');
  });
});
