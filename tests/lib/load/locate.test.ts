import { describe, expect, it } from 'vitest';
import { FileLocator } from '../../../src/lib/load/locate.js';
import { at } from '../../../src/lib/problem.js';

/** A locator over a file whose front matter is `yaml`, as the check builds it. */
function locator(yaml: string): FileLocator {
  const text = `---\n${yaml}---\nBody.\n`;
  return new FileLocator(text, yaml, 4);
}

const KEYS = ['name', 'role', 'colour', 'team', 'k 2', 'last'];
const SIMPLE = 'name: Ana Ruiz\n# a comment\nrole: Engineer\ncolour: blue\nteam:\n  - growth\nk 2 : x\nlast:\n';

describe('FileLocator, top-level keys', () => {
  it('finds each key of plain front matter where the parsed document has it', () => {
    const fast = locator(SIMPLE);
    // A quoted key at the margin is not plain front matter: every position then comes from the parsed document.
    const parsed = locator(`${SIMPLE}"quoted": 1\n`);
    for (const key of KEYS) expect(fast.locate(at.key(key)), key).toEqual(parsed.locate(at.key(key)));
    expect(fast.locate(at.key('colour'))).toEqual({ line: 5, column: 1 });
    expect(fast.locate(at.key('k 2'))).toEqual({ line: 8, column: 1 });
  });

  it('leaves a key written twice, and CRLF front matter, to the parsed document', () => {
    const twice = locator('name: A\nrole: B\nname: C\n');
    expect(twice.locate(at.key('name'))).toEqual({ line: 2, column: 1 });
    const crlf = new FileLocator('---\r\nname: A\r\nrole: B\r\n---\r\n', 'name: A\r\nrole: B\r\n', 5);
    expect(crlf.locate(at.key('role'))).toEqual({ line: 3, column: 1 });
  });

  it('never takes a line inside a block scalar or a nested mapping for a top-level key', () => {
    const yaml = 'note: |\n  role: not a key\nteam:\n  role: nested\nrole: Engineer\n';
    expect(locator(yaml).locate(at.key('role'))).toEqual({ line: 6, column: 1 });
  });
});
