import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandbookValidationError } from '../../src/integrations/handbook-validation-error.js';
import type { Diagnostic } from '../../src/lib/problem.js';

/*
 * Astro's dev overlay reads `loc.file` from disk unless the error brings its
 * own `frame` and `fullCode`: the error must bring them, from the texts the
 * check read, and point nowhere for a file the check refused.
 */
const contentDir = path.join(process.cwd(), 'content-under-test');
const error = (file: string, rule = 'schema'): Diagnostic => ({ file, line: 2, column: 7, rule, severity: 'error', message: 'Unknown field `\u001b[2Jx`.', hint: 'Remove `\u001b]0;T\u0007`.' });

describe('the dev overlay error', () => {
  it('quotes the text the check read, with control characters escaped, so Astro reads no file', () => {
    const file = 'people/ana.md';
    const text = '---\nname: \u001b[2JAna\nrole: x\n---\n';
    const overlay = new HandbookValidationError([error(file)], contentDir, new Map([[file, text]]));
    expect(overlay.loc).toEqual({ file: path.join(contentDir, file), line: 2, column: 7 });
    expect(overlay.fullCode).toBe(text);
    expect(overlay.frame).toBe('  1 | ---\n> 2 | name: \\x1B[2JAna\n  3 | role: x\n  4 | ---');
    expect(overlay.message).toBe('people/ana.md:2:7  Unknown field `\\x1B[2Jx`.  (schema)');
    expect(overlay.hint).toBe('Remove `\\x1B]0;T\\x07`.');
  });

  it('points at no file the check did not read (a link out, a pipe, a file over the limit)', () => {
    const overlay = new HandbookValidationError([error('people/zz.md', 'file-too-large')], contentDir, new Map());
    expect(overlay.loc).toBeUndefined();
    expect(overlay.frame).toBeUndefined();
    expect(overlay.fullCode).toBeUndefined();
  });
});
