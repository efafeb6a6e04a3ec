import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INIT_USAGE, runInitCommand } from '../../src/lib/cli/init-command.js';
import { SCAFFOLD_KINDS } from '../../src/lib/scaffold/kinds.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(path.join(ROOT, 'docs/getting-started.md'), 'utf8');
/** The fenced code blocks of the guide. */
const blocks = [...guide.matchAll(/^```\w*\n([^]*?)^```$/gm)].map((match) => match[1]!);
/** Shell commands of the code blocks, continuation lines joined. */
const commands = blocks.flatMap((block) => block.replace(/\\\n\s*/g, '').split('\n')).map((line) => line.replace(/\s+#.*$/, '').trim());

/** Runs init as the guide's example does: Lee Wong, in acme-okrs, on 1 December 2026. */
async function exampleRepository(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'okr-handbook-guide-')), 'acme-okrs');
  const result = await runInitCommand([dir, '--name', 'Lee Wong'], { cwd: tmpdir(), color: false, today: '2026-12-01', version: '1.0.0' });
  expect(result.exitCode).toBe(0);
  return dir;
}

describe('docs/getting-started.md', () => {
  it('lists what init creates, file by file', async () => {
    const dir = await exampleRepository();
    const tree = blocks.find((block) => block.startsWith('acme-okrs/\n'))!;
    const listed = tree
      .split('\n')
      .slice(1)
      .map((line) => /^  (\S+)/.exec(line)?.[1])
      .filter((entry) => entry !== undefined);
    const written = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .map((file) => (file.startsWith('glossary/') ? 'glossary/' : file));
    expect([...new Set(written)].sort()).toEqual([...listed].sort());
    expect(readdirSync(path.join(dir, 'glossary'))).toHaveLength(5); // "five terms"
  });

  it('runs only the scripts init writes into package.json', async () => {
    const scripts = JSON.parse(readFileSync(path.join(await exampleRepository(), 'package.json'), 'utf8')).scripts as Record<string, string>;
    const used = [...guide.matchAll(/npm run (\w+)/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(5);
    for (const script of used) expect(Object.keys(scripts)).toContain(script);
  });

  it("names init's options as its --help does", () => {
    const section = guide.slice(guide.indexOf('## 1.'), guide.indexOf('## 2.'));
    const options = new Set([...section.matchAll(/--[a-z-]+/g)].map((match) => match[0]));
    expect([...options]).toEqual(expect.arrayContaining(['--organization', '--name', '--force', '--help']));
    for (const option of options) if (option !== '--help') expect(INIT_USAGE).toContain(`  ${option} `);
  });

  it('gives `npm run new` examples with kinds and options that exist', () => {
    const examples = commands.filter((command) => command.startsWith('npm run new -- '));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const [name, ...rest] = example.slice('npm run new -- '.length).split(/\s+/);
      const kind = SCAFFOLD_KINDS.find((k) => k.name === name);
      expect(kind, example).toBeDefined();
      const flags = rest.filter((word) => word.startsWith('--')).map((word) => word.slice(2));
      for (const flag of flags) expect([...kind!.values, 'content', 'date', 'no-input'], `${example}: --${flag}`).toContain(flag);
    }
  });
});
