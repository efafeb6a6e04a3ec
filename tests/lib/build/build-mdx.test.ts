import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, runBuild } from '../../helpers/build-fixture.js';
import { writeHandbook } from '../../helpers/fixture-handbook.js';

/** MDX terms that once passed check and then broke the build, or were built as something else. */
const MDX_TERMS = {
  // Upper-case extension: compiled as MDX, like `.mdx`.
  'glossary/upper-case.MDX': `---
term: Upper Case
summary: An MDX file with an upper-case extension.
---
export const answer = 42;

The answer is {answer}.
`,
  // A language opener our reader accepts as YAML; Astro's MDX integration choked on it.
  'glossary/yaml-opener.mdx': `---yaml
term: YAML Opener
summary: Front matter opened with its language.
---
Opened with <em>yaml</em>.
`,
  // A body that itself starts like front matter: it is a thematic break and a heading, not data.
  'glossary/dashes.mdx': `---
term: Dashes
summary: A body starting with three dashes.
---
---
looks: like front matter
---
After the rule.
`,
};

describe('npm run build with MDX glossary terms', () => {
  let out: string;
  let built: ReturnType<typeof runBuild>;

  beforeAll(() => {
    const content = writeHandbook(MDX_TERMS);
    out = `${content}-site`;
    built = runBuild('--content', content, '--out', out);
  }, 180_000);

  it('compiles `x.MDX` as MDX: its export runs, no code shows as prose', () => {
    expect(built.status, built.stderr).toBe(0);
    const html = page(out, '/glossary/upper-case/');
    expect(html).toContain('The answer is 42.');
    expect(html).not.toContain('export const');
  });

  it('builds a term whose front matter is opened with `---yaml`', () => {
    expect(page(out, '/glossary/yaml-opener/')).toContain('Opened with <em>yaml</em>.');
  });

  it('renders a body starting with `---` as Markdown, not as more front matter', () => {
    const html = page(out, '/glossary/dashes/');
    expect(html).toContain('<hr');
    expect(html).toContain('looks: like front matter');
    expect(html).toContain('After the rule.');
  });
});

describe('npm run build refuses what check refuses', () => {
  it('never builds a body nested too deeply, or an MDX body that does not compile, and names where', () => {
    const content = writeHandbook({
      'people/lee-wong.md': `---\nname: Lee Wong\nrole: Product Manager\nteam: growth\nmanager: priya-shah\n---\n${'- '.repeat(10_000)}x\n`,
      'glossary/broken.mdx': '---\nterm: Broken\nsummary: Does not compile.\n---\nIntro.\n\n<div>\n',
    });
    const out = `${content}-site`;
    const started = Date.now();
    const refused = runBuild('--content', content, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/people\/lee-wong\.md:7:129\s+error\s.*markdown-nesting/);
    expect(refused.stdout).toMatch(/glossary\/broken\.mdx:7:1\s+error\s.*mdx-syntax/);
    expect(existsSync(out)).toBe(false);
    // Refused while validating: Astro never started on it.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('names the content file when a page fails to render', () => {
    const content = writeHandbook({
      'glossary/throws.mdx': '---\nterm: Throws\nsummary: Its expression throws.\n---\nBefore {(() => { throw new Error("boom in the body"); })()} after.\n',
    });
    const failed = runBuild('--content', content, '--out', `${content}-site`);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('Could not render the body of `glossary/throws.mdx`: boom in the body');
  }, 180_000);
});

describe('npm run build reads nothing outside the content folder through an MDX import', () => {
  const SECRET = 'SECRET-OUTSIDE-THE-CONTENT-FOLDER';
  let outside: string;
  beforeAll(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'okr-handbook-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
    writeFileSync(path.join(outside, 'secret.mdx'), `---\nterm: Secret\nsummary: Outside.\n---\n${SECRET}\n`);
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  const importer = (source: string) => `---\nterm: Importer\nsummary: Imports a file.\n---\nimport text from '${source}';\n\n{text}\n`;

  it('refuses at check an import of a linked MDX file check did not read, naming the import', () => {
    const content = writeHandbook({ 'glossary/importer.mdx': importer('./outside.mdx') });
    symlinkSync(path.join(outside, 'secret.mdx'), path.join(content, 'glossary/outside.mdx'));
    const out = `${content}-site`;
    const refused = runBuild('--content', content, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/glossary\/importer\.mdx:5:18\s+error\s.*mdx-import/);
    expect(refused.stdout + refused.stderr).not.toContain(SECRET);
    expect(existsSync(out)).toBe(false);
  }, 90_000);

  it('refuses in the build an import that leaves the folder only through a link check could not see, naming the file', () => {
    // `assets/` is no kind folder, so check never looks at its link; the import's path stays inside the folder.
    const content = writeHandbook({ 'glossary/importer.mdx': importer('../assets/leak.txt?raw') });
    mkdirSync(path.join(content, 'assets'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(content, 'assets/leak.txt'));
    const out = `${content}-site`;
    const refused = runBuild('--content', content, '--out', out);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('glossary/importer.mdx: the MDX body imports "../assets/leak.txt?raw", which resolves outside the content folder');
    expect(refused.stdout + refused.stderr).not.toContain(SECRET);
    expect(existsSync(path.join(out, 'glossary/importer/index.html'))).toBe(false);
  }, 180_000);
});
