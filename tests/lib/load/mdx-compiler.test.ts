import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareMdxCompiler, type MdxCompileError } from '../../../src/lib/load/mdx-compiler.js';

const GOOD = 'A term with <abbr title="objectives and key results">OKRs</abbr>.\n';
const BROKEN = 'An unclosed {brace\n';

function thrown(compile: () => void): MdxCompileError | undefined {
  try {
    compile();
    return undefined;
  } catch (error) {
    return error as MdxCompileError;
  }
}

describe('prepareMdxCompiler', () => {
  it('gives the same verdicts from its cache as from the compiler, and keeps only this check’s bodies', async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'okr-mdx-cache-')), 'mdx-syntax.json');
    const first = await prepareMdxCompiler([GOOD, BROKEN], { cacheFile });
    expect(thrown(() => first.compile(GOOD))).toBeUndefined();
    const error = thrown(() => first.compile(BROKEN));
    expect(error?.reason).toMatch(/brace|expression/i);
    first.save();
    expect(Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8')) as { outcomes: object }).outcomes)).toHaveLength(2);

    const second = await prepareMdxCompiler([GOOD, BROKEN], { cacheFile });
    expect(thrown(() => second.compile(GOOD))).toBeUndefined();
    const again = thrown(() => second.compile(BROKEN));
    expect({ line: again?.line, column: again?.column, reason: again?.reason }).toEqual({ line: error?.line, column: error?.column, reason: error?.reason });

    const third = await prepareMdxCompiler([GOOD], { cacheFile });
    third.compile(GOOD);
    third.save(); // nothing was compiled: the file is left as it was
    expect(Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8')) as { outcomes: object }).outcomes)).toHaveLength(2);
  });

  it('takes a verdict from the cache without compiling, and trusts no other compiler version’s verdicts', async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'okr-mdx-cache-')), 'mdx-syntax.json');
    const seed = await prepareMdxCompiler([BROKEN], { cacheFile });
    expect(thrown(() => seed.compile(BROKEN))).toBeDefined();
    seed.save();
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { compiler: string; outcomes: Record<string, unknown> };
    // A cache claiming the broken body compiles is believed, which shows the compiler was not asked…
    for (const key of Object.keys(data.outcomes)) data.outcomes[key] = { error: null, imports: [] };
    writeFileSync(cacheFile, JSON.stringify(data));
    const cached = await prepareMdxCompiler([BROKEN], { cacheFile });
    expect(thrown(() => cached.compile(BROKEN))).toBeUndefined();
    // …unless it was written by another version of the compiler.
    writeFileSync(cacheFile, JSON.stringify({ ...data, compiler: '0.0.0' }));
    const other = await prepareMdxCompiler([BROKEN], { cacheFile });
    expect(thrown(() => other.compile(BROKEN))).toBeDefined();
  });

  it('compiles everything when the cache cannot be read', async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'okr-mdx-cache-')), 'mdx-syntax.json');
    writeFileSync(cacheFile, 'not json');
    const compiler = await prepareMdxCompiler([BROKEN], { cacheFile });
    expect(thrown(() => compiler.compile(BROKEN))).toBeDefined();
  });
});
