import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroFolders } from '../../../src/lib/build/build-site.js';
import { page, ROOT, runBuild, runBuildAsync } from '../../helpers/build-fixture.js';
import { BASE_HANDBOOK, writeHandbook } from '../../helpers/fixture-handbook.js';

/** Handbook A: its own title ("quokka") and an MDX glossary term whose words must never reach B's site. */
const HANDBOOK_A = {
  'handbook.yaml': BASE_HANDBOOK['handbook.yaml']!.replace('Test Handbook', 'Quokka Handbook'),
  'glossary/quokka-term.mdx': `---
term: Quokka Term
summary: Only handbook A has it.
---
The quokka body says <strong>aardvark</strong>.
`,
};

/** Handbook B: another MDX term, in a file of another name. */
const HANDBOOK_B = {
  'glossary/beta-term.mdx': `---
term: Beta Term
summary: Only handbook B has it.
---
The beta body says <em>bison</em>.
`,
};

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => statSync(path.join(dir, file)).isFile()).sort();
}

/** Every file of `dir` that mentions A, by its words or its files. */
function tracesOfA(dir: string): string[] {
  return files(dir).filter((file) => /quokka|aardvark|alpaca/i.test(file) || /quokka|aardvark|alpaca/i.test(readFileSync(path.join(dir, file), 'latin1')));
}

describe('builds of different handbooks', () => {
  let contentA: string;
  let contentB: string;
  let sideBySideB: string;
  let afterB: string;

  beforeAll(async () => {
    contentA = writeHandbook(HANDBOOK_A);
    contentB = writeHandbook(HANDBOOK_B);
    const outA = `${contentA}-site`;
    sideBySideB = `${contentB}-side-by-side`;
    // A and B side by side.
    const [builtA, builtB] = await Promise.all([runBuildAsync('--content', contentA, '--out', outA), runBuildAsync('--content', contentB, '--out', sideBySideB)]);
    expect(builtA.status, builtA.stderr).toBe(0);
    expect(builtB.status, builtB.stderr).toBe(0);
    expect(page(outA, '/glossary/quokka-term/')).toContain('<strong>aardvark</strong>');
    // Then A changes and goes, and B is built again.
    writeFileSync(path.join(contentA, 'glossary/quokka-term.mdx'), HANDBOOK_A['glossary/quokka-term.mdx'].replace('aardvark', 'alpaca'));
    rmSync(contentA, { recursive: true, force: true });
    afterB = `${contentB}-after-a`;
    const again = runBuild('--content', contentB, '--out', afterB);
    expect(again.status, again.stderr).toBe(0);
  }, 300_000);

  it('builds B after A was edited and deleted, with nothing of A', () => {
    expect(page(afterB, '/glossary/beta-term/')).toContain('<em>bison</em>');
    expect(existsSync(path.join(afterB, 'glossary/quokka-term'))).toBe(false);
    expect(tracesOfA(afterB)).toEqual([]);
    expect(tracesOfA(sideBySideB)).toEqual([]);
  });

  it('gives B byte for byte the site it gives B built beside A', () => {
    expect(files(afterB)).toEqual(files(sideBySideB));
    for (const file of files(afterB)) expect(readFileSync(path.join(afterB, file)).equals(readFileSync(path.join(sideBySideB, file))), file).toBe(true);
  });

  it('keeps every folder Astro and Vite write in the build’s own work folder', () => {
    const workDir = path.join(ROOT, 'node_modules/.cache/okr-handbook/build-1');
    const folders = astroFolders({ root: ROOT, workDir });
    for (const written of [folders.root, folders.cacheDir, folders.vite.cacheDir]) expect(written.startsWith(`${workDir}${path.sep}`), written).toBe(true);
    // The project's own files are only read.
    expect(path.resolve(folders.root, folders.configFile)).toBe(path.join(ROOT, 'astro.config.mjs'));
  });
});
