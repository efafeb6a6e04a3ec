import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { usageTexts } from '../../scripts/lib/cli-usage-docs.js';
import { SUBCOMMANDS } from '../../src/lib/cli/commands.js';
import { HANDBOOK_SCRIPTS } from '../../src/lib/scaffold/handbook-package-json.js';
import { codeBlocks } from './doc-examples.js';
import { DOC_FILES, prose, readDoc, ROOT } from './doc-files.js';

interface Invocation {
  doc: string;
  /** The command as written, for messages. */
  text: string;
  /** `okr-handbook`'s subcommand, or the npm script. */
  name: string;
  via: 'okr-handbook' | 'npm run';
  args: string[];
}

/** The commands a document shows: in shell blocks (comments dropped, continued lines joined) and in code spans. */
function invocations(doc: string): Invocation[] {
  const markdown = readDoc(doc);
  const shell = codeBlocks(markdown)
    .filter((block) => ['sh', 'shell', 'bash', ''].includes(block.language))
    .flatMap((block) => block.text.replace(/\\\n\s*/g, '').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, ''));
  const spans = [...prose(markdown).matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
  const found: Invocation[] = [];
  for (const line of [...shell, ...spans]) {
    for (const part of line.split(/&&|;|\|/)) {
      const cli = /(?:^|\s)(?:npx )?okr-handbook ([a-z][\w-]*)(.*)$/.exec(part.trim());
      const npm = /(?:^|\s)npm run (?:--silent )?([a-z][\w:-]*)(?: -- (.*))?$/.exec(part.trim());
      if (cli) found.push({ doc, text: part.trim(), name: cli[1]!, via: 'okr-handbook', args: cli[2]!.trim().split(/\s+/).filter(Boolean) });
      else if (npm) found.push({ doc, text: part.trim(), name: npm[1]!, via: 'npm run', args: (npm[2] ?? '').trim().split(/\s+/).filter(Boolean) });
    }
  }
  return found;
}

const ALL = DOC_FILES.flatMap(invocations);
const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
let usage: Map<string, string>;
beforeAll(async () => {
  usage = await usageTexts();
});

/** The help text a command's options are judged by: a kind's own for `new <kind>`. */
function helpFor(invocation: Invocation): string | undefined {
  const subcommand = invocation.via === 'okr-handbook' ? invocation.name : (HANDBOOK_SCRIPTS as readonly string[]).includes(invocation.name) ? invocation.name : undefined;
  if (subcommand === undefined) return undefined;
  const kind = invocation.args[0];
  if (subcommand === 'new' && kind && /^[a-z]/.test(kind)) return usage.get(`new-${kind}`) ?? '';
  return usage.get(subcommand) ?? '';
}

describe('commands in the README and docs/', () => {
  it('finds the commands the docs show', () => {
    expect(ALL.filter((i) => i.via === 'okr-handbook').length).toBeGreaterThan(20);
    expect(ALL.filter((i) => i.via === 'npm run').length).toBeGreaterThan(20);
  });

  it('names subcommands that exist, and npm scripts this repository or a handbook repository has', () => {
    const subcommands = SUBCOMMANDS.map((command) => command.name);
    const wrong = ALL.filter((i) => (i.via === 'okr-handbook' ? !subcommands.includes(i.name) : !scripts.includes(i.name) && !(HANDBOOK_SCRIPTS as readonly string[]).includes(i.name)));
    expect(wrong.map((i) => `${i.doc}: ${i.text}`)).toEqual([]);
  });

  it('gives only options the command lists in its --help, and kinds of `new` that exist', () => {
    const wrong: string[] = [];
    for (const invocation of ALL) {
      const help = helpFor(invocation);
      if (help === undefined) continue;
      if (help === '') wrong.push(`${invocation.doc}: ${invocation.text}: no such command or kind`);
      for (const flag of invocation.args.filter((arg) => /^--[a-z]/.test(arg)).map((arg) => arg.replace(/=.*$/, ''))) {
        if (flag !== '--help' && !new RegExp(`(^|[\\s\\[,])${flag}([\\s\\],=]|$)`, 'm').test(help)) wrong.push(`${invocation.doc}: ${invocation.text}: ${flag}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
