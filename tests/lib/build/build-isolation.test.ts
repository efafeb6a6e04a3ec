import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroFolders } from '../../../src/lib/build/build-site.js';
import { page, ROOT, runBuild, runBuildAsync } from '../../helpers/build-fixture.js';
import { BASE_HANDBOOK, writeHandbook } from '../../helpers/fixture-handbook.js';

const SHARED_TERM = `---
term: Shared Term
summary: Both handbooks have it.
---
It says <em>bison</em>.
`;

/**
 * Handbook A: its own title ("quokka"), a term only it has, and a term B
 * has too, in the same words. Builds that shared Astro's content modules
 * and data store gave B A's file for the shared term: its words once A
 * was edited, a failed import once A was gone.
 */
const HANDBOOK_A = {
  'handbook.yaml': BASE_HANDBOOK['handbook.yaml']!.replace('Test Handbook', 'Quokka Handbook'),
  'glossary/quokka-term.mdx': `---
term: Quokka Term
summary: Only handbook A has it.
---
Only A says <strong>wombat</strong>.
`,
  // The very file B has: builds that shared Astro's data store took B's term for A's file.
  'glossary/shared-term.mdx': SHARED_TERM,
};

const HANDBOOK_B = { 'glossary/shared-term.mdx': SHARED_TERM };

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => statSync(path.join(dir, file)).isFile()).sort();
}

/** Every file of `dir` that mentions A, by its words or its files. */
function tracesOfA(dir: string): string[] {
  const a = /quokka|wombat|alpaca/i;
  return files(dir).filter((file) => a.test(file) || a.test(readFileSync(path.join(dir, file), 'latin1')));
}

describe('builds of different handbooks', () => {
  let outB: string;
  let freshB: string;

  beforeAll(async () => {
    const contentA = writeHandbook(HANDBOOK_A);
    const builtA = runBuild('--content', contentA, '--out', `${contentA}-site`);
    expect(builtA.status, builtA.stderr).toBe(0);
    expect(page(`${contentA}-site`, '/glossary/quokka-term/')).toContain('<strong>wombat</strong>');
    // A changes, then goes.
    writeFileSync(path.join(contentA, 'glossary/shared-term.mdx'), SHARED_TERM.replace('bison', 'alpaca'));
    rmSync(contentA, { recursive: true, force: true });
    // B twice, side by side: each must be B as if nothing had been built before.
    const contentB = writeHandbook(HANDBOOK_B);
    outB = `${contentB}-site`;
    freshB = `${contentB}-fresh`;
    const [built, fresh] = await Promise.all([runBuildAsync('--content', contentB, '--out', outB), runBuildAsync('--content', contentB, '--out', freshB)]);
    expect(built.status, built.stderr).toBe(0);
    expect(fresh.status, fresh.stderr).toBe(0);
  }, 300_000);

  it('builds B after A was edited and deleted, with nothing of A', () => {
    expect(page(outB, '/glossary/shared-term/')).toContain('It says <em>bison</em>.');
    expect(existsSync(path.join(outB, 'glossary/quokka-term'))).toBe(false);
    expect(tracesOfA(outB)).toEqual([]);
  });

  it('gives B byte for byte the site of another build of B beside it', () => {
    expect(files(outB)).toEqual(files(freshB));
    for (const file of files(outB)) expect(readFileSync(path.join(outB, file)).equals(readFileSync(path.join(freshB, file))), file).toBe(true);
  });

  it('keeps every folder Astro and Vite write in the build’s own work folder', () => {
    const workDir = path.join(ROOT, 'node_modules/.cache/okr-handbook/build-1');
    const folders = astroFolders({ root: ROOT, workDir });
    for (const written of [folders.root, folders.cacheDir, folders.vite.cacheDir]) expect(written.startsWith(`${workDir}${path.sep}`), written).toBe(true);
    // The project's own files are only read.
    expect(path.resolve(folders.root, folders.configFile)).toBe(path.join(ROOT, 'astro.config.mjs'));
  });
});
