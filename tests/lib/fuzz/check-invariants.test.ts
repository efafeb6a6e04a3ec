import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/lib/problem.js';
import { unsafeTag } from './build-steps.js';
import { checkDiagnostics, checkOutputs } from './check-invariants.js';
import { mutateHandbook } from './mutate-handbook.js';
import { SECRET } from './write-mutant.js';

/* The fuzz test is only as good as what it looks for: each check here must catch what it names. */

const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-invariants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'people'));
writeFileSync(path.join(dir, 'people/ana.md'), '---\nname: Ana\n---\n');

const good: Diagnostic = { file: 'people/ana.md', line: 2, column: 7, rule: 'schema', severity: 'error', message: 'A message.', hint: 'A hint.' };
const kinds = (diagnostic: Partial<Diagnostic>) => checkDiagnostics(dir, [{ ...good, ...diagnostic }], { files: 1, errors: 1, warnings: 0 }).map((failure) => failure.kind);

describe('fuzz invariants', () => {
  it('pass a diagnostic that keeps every promise, up to the position just past a line end', () => {
    expect(kinds({})).toEqual([]);
    expect(kinds({ line: 2, column: 10 })).toEqual([]);
    expect(kinds({ line: 4, column: 1 })).toEqual([]); // the empty last line after the final line feed
    expect(kinds({ file: 'people/', line: 1, column: 1, rule: 'stray-file', severity: 'warn' }).filter((kind) => !kind.startsWith('summary'))).toEqual([]);
  });

  it('catch positions outside the file', () => {
    expect(kinds({ line: 5 })).toEqual(['line past the end of the file [schema]']);
    expect(kinds({ line: 2, column: 11 })).toEqual(['column past the end of the line [schema]']);
    expect(kinds({ line: 0 })).toEqual(['position not 1-based whole numbers [schema]']);
    expect(kinds({ file: 'people/', line: 2, column: 1 })).toEqual(['position in something that is not a file [schema]']);
    expect(kinds({ file: '../secret.md', line: 1, column: 1 })).toContain('file outside the content folder');
  });

  it('catch messages that say nothing, and let them quote the handbook as it is', () => {
    expect(kinds({ message: 'Owner is [object Object].' })).toEqual(['[object Object] in a message [schema]']);
    expect(kinds({ hint: 'Use [object Object].' })).toEqual(['[object Object] in a hint [schema]']);
    expect(kinds({ message: ' ' })).toEqual(['empty message [schema]']);
    // Data, escaped by every format when printed (checked on the outputs).
    expect(kinds({ message: 'Unknown field `\u001b]0;x\u0007`.' })).toEqual([]);
    expect(kinds({ rule: 'no-such-rule' })).toEqual(['unknown rule id no-such-rule']);
    expect(checkDiagnostics(dir, [good], { files: 1, errors: 0, warnings: 1 }).map((failure) => failure.kind)).toEqual(['summary does not count the diagnostics']);
    // More counted than listed is how a capped rule looks; fewer is not.
    expect(checkDiagnostics(dir, [good], { files: 1, errors: 30, warnings: 0 })).toEqual([]);
  });

  it('catch outputs with raw control characters, quoted secrets or broken JSON', () => {
    const result = { diagnostics: [good], summary: { files: 1, errors: 1, warnings: 0 } } as never;
    const json = JSON.stringify({ diagnostics: [good], summary: {} });
    expect(checkOutputs({ pretty: 'ok\n\tindented\n', github: '::error::x\n', json }, result)).toEqual([]);
    expect(checkOutputs({ pretty: 'key \u001b[2J\n', github: '::error::\u0007\n', json: '{' }, result).map((failure) => failure.kind)).toEqual([
      'json output: not JSON',
      'pretty output: raw control character',
      'github output: raw control character',
    ]);
    // JSON.stringify escapes C0 but leaves DEL, C1 and bidirectional overrides as they are.
    const raw = JSON.stringify({ diagnostics: [{ ...good, message: 'a\u009b31m \u202eb' }], summary: {} });
    expect(checkOutputs({ pretty: '', github: '', json: raw }, result).map((failure) => failure.kind)).toEqual(['json output: raw control character']);
    expect(checkOutputs({ pretty: `    2 | ${SECRET}\n`, github: '', json }, result).map((failure) => failure.kind)).toEqual(['pretty output: quotes a file outside the content folder']);
  });
});

describe('unsafe HTML', () => {
  it('is a tag that can run script, not text that shows one', () => {
    expect(unsafeTag('<p>See <a href="https://example.com">x</a> <img src="/a.png" alt=""></p>')).toBeUndefined();
    expect(unsafeTag('<pre><code>&lt;a href="javascript:alert(1)" onclick="x"&gt;&lt;script&gt;</code></pre>')).toBeUndefined();
    expect(unsafeTag('<a title="x > y" href=" JavaScript:alert(1)">x</a>')).toBe('<a title="x > y" href=" JavaScript:alert(1)">');
    expect(unsafeTag("<img src='data:image/svg+xml,x'>")).toBe("<img src='data:image/svg+xml,x'>");
    expect(unsafeTag('<svg onload="alert(1)">')).toBe('<svg onload="alert(1)">');
    expect(unsafeTag('<SCRIPT>alert(1)</SCRIPT>')).toBe('<SCRIPT>');
    expect(unsafeTag('<script type="module" src="/search.js"></script>', { markup: false })).toBeUndefined();
  });
});

describe('mutants', () => {
  it('are the same for the same seed and index, and differ across both', () => {
    const bytes = (seed: number, index: number) => [...mutateHandbook(seed, index).entries].map(([file, entry]) => [file, entry.type === 'file' ? entry.bytes.toString('hex') : entry]);
    expect(bytes(1, 5)).toEqual(bytes(1, 5));
    expect(bytes(1, 5)).not.toEqual(bytes(1, 6));
    expect(bytes(1, 5)).not.toEqual(bytes(2, 5));
  });
});
