import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { todayUtc } from '../dates.js';
import { Inputs, ScaffoldError, type Asker } from '../scaffold/inputs.js';
import { entriesInTheWay, planInit, writeInit, type InitPlan } from '../scaffold/init-handbook.js';
import { judgeNewId, proposeId } from '../scaffold/new-id.js';
import { readOkrHandbookManifest, type OkrHandbookManifest } from '../package-root.js';
import { judgeText } from '../scaffold/values.js';
import type { CommandResult } from './check-command.js';
import { parseCommandLine, UsageError } from './parse-arguments.js';

export const INIT_USAGE = `Usage: okr-handbook init [DIR] [options]

Creates a handbook repository in DIR (default: the current folder): a
package.json whose scripts run okr-handbook, a starter handbook at the
root (handbook.yaml, the current quarter as the active cycle, one team,
one person, one objective with one key result, a check-in dated today,
glossary terms about ownership), .github/workflows/handbook.yml,
.vscode/settings.json, .gitignore and a README.md.
  --organization TEXT  the organisation's name (default: from the folder's name)
  --name TEXT          the first person's full name (default: git's user.name)
  --person-id ID       their id (default: from the name, "Lee Wong" -> lee-wong;
                       asked for when the name gives none)
  --team TEXT          the one team, which that person leads (default: Leadership)
  --force              also in a folder with other files: write only the files
                       that are missing; an existing file is never replaced
  --no-input           never ask (the default when not on a terminal)
On a terminal, the organisation and the person's name are asked for, with
the default shown. DIR may already hold what \`npm install okr-handbook\`
leaves (package.json, package-lock.json, node_modules/) and dot-entries
such as .git: an existing package.json gains the scripts and settings it
lacks, and keeps its own scripts and its okr-handbook dependency as they are.
Exit codes: 0 written, 1 refused (nothing written), 2 usage error.`;

export interface InitEnvironment {
  cwd: string;
  /** Unused for now: init prints no diagnostics. Kept for the dispatcher's common environment. */
  color: boolean;
  /** Who to ask for the names; absent when nobody can answer. */
  asker?: Asker;
  /** Today's date, for tests (else today in UTC). */
  today?: string;
  /** okr-handbook's version, written as the dependency `^version`. */
  version: string;
  /** okr-handbook's own package (its `starter/`, engines, allowed scripts); found above this module when absent. */
  manifest?: OkrHandbookManifest;
  /** The default for the person's name; `git config user.name` when absent. */
  gitUserName?: () => string | undefined;
}

const DEFAULT_TEAM = 'Leadership';
/** The person's name when neither `--name`, an answer nor git gives one: plainly a placeholder. */
const PLACEHOLDER_NAME = 'Your Name';

export async function runInitCommand(argv: readonly string[], environment: InitEnvironment): Promise<CommandResult> {
  try {
    const { flags, positionals } = parseCommandLine(argv, {
      values: ['organization', 'name', 'person-id', 'team'],
      switches: ['help', 'force', 'no-input'],
      positionals: 1,
    });
    if (flags.has('help')) return { exitCode: 0, stdout: `${INIT_USAGE}\n`, stderr: '' };
    const dir = path.resolve(environment.cwd, positionals[0] ?? '.');
    const shownDir = path.relative(environment.cwd, dir) || '.';
    const force = flags.has('force');

    const inTheWay = entriesInTheWay(dir);
    if (inTheWay.length > 0 && !force) {
      throw new ScaffoldError(
        `${shownDir === '.' ? 'This folder' : shownDir} is not empty: it holds ${inTheWay.slice(0, 5).map((name) => `\`${name}\``).join(', ')}${inTheWay.length > 5 ? ` and ${inTheWay.length - 5} more` : ''}.\n` +
          'Run init in an empty folder (or one holding only what `npm install okr-handbook` left), or add --force to write only the missing files.',
      );
    }

    const inputs = new Inputs(flags, flags.has('no-input') ? undefined : environment.asker);
    const organization = await inputs.require({ flag: 'organization', prompt: 'Organization', fallback: organizationFromFolder(dir), judge: judgeText });
    const gitName = (environment.gitUserName ?? (() => gitUserName(dir)))();
    const personName = await inputs.require({ flag: 'name', prompt: 'Your full name (the first owner)', fallback: gitName ?? PLACEHOLDER_NAME, judge: judgeText });
    // The id is asked for only when the name gives none (a name in another script, say).
    const personQuestion = { flag: 'person-id', prompt: 'Your id (a-z, 0-9 and -)', judge: (raw: string) => judgeNewId(raw, 'person', new Map()) };
    const personId = inputs.optional(personQuestion) ?? proposeId(personName) ?? (await inputs.require(personQuestion));
    const teamName = inputs.optional({ flag: 'team', judge: judgeText }) ?? DEFAULT_TEAM;
    const teamId = proposeId(teamName);
    if (teamId === undefined) throw new ScaffoldError(`\`--team\`: \`${teamName}\` gives no id (a-z, 0-9 and -); name the team in Latin letters.`);

    const today = environment.today ?? todayUtc();
    const plan = planInit({
      dir,
      answers: { organization, person: { id: personId, name: personName }, team: { id: teamId, name: teamName }, today },
      version: environment.version,
      manifest: environment.manifest ?? readOkrHandbookManifest(),
      force,
    });
    writeInit(dir, plan);
    const placeholder = personName === PLACEHOLDER_NAME && !flags.has('name');
    return { exitCode: 0, stdout: report(plan, dir, shownDir, { placeholder, personId }), stderr: '' };
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `${error.message}\n\n${INIT_USAGE}\n` };
    if (error instanceof ScaffoldError) return { exitCode: 1, stdout: '', stderr: `${error.message}\nNothing was written.\n` };
    throw error;
  }
}

/** "acme-okrs" -> "Acme": the folder's words, without the ones that only say what it holds. */
export function organizationFromFolder(dir: string): string {
  const words = path
    .basename(dir)
    .split(/[-_.\s]+/)
    .filter((word) => word !== '' && !/^(okrs?|handbook|okr-handbook)$/i.test(word));
  return words.length === 0 ? 'Our Company' : words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
}

function gitUserName(cwd: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: existsSync(cwd) ? cwd : undefined, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/** What was written, then what to do next. */
function report(plan: InitPlan, dir: string, shownDir: string, person: { placeholder: boolean; personId: string }): string {
  const lines: string[] = [];
  const prefix = shownDir === '.' ? '' : `${shownDir}/`;
  for (const { file } of plan.create) lines.push(`  created  ${prefix}${file}`);
  const { packageJson } = plan;
  if (!packageJson.exists) lines.push(`  created  ${prefix}package.json`);
  else lines.push(`  ${packageJson.changed ? 'updated' : 'kept   '}  ${prefix}package.json`, ...packageJson.notes.map((note) => `           ${note}`));
  for (const file of plan.keep) lines.push(`  kept     ${prefix}${file} (it was already there)`);

  const steps: string[] = [];
  if (shownDir !== '.') steps.push(`cd ${shownDir}`);
  if (!existsSync(path.join(dir, 'node_modules', 'okr-handbook'))) steps.push('npm install');
  steps.push('npm run check        # every problem with its file, line and column', 'npm run dev          # the site, updated as you edit');
  if (!existsSync(path.join(dir, '.git'))) steps.push('git init && git add -A && git commit -m "OKR handbook"');

  const notes = person.placeholder
    ? `\nThe first person is a placeholder, people/${person.personId}.md: no name was given and git has no user.name.\nRun init again in a new folder with --name, or change the name in that file.\n`
    : '';
  return (
    `Wrote an OKR handbook into ${shownDir === '.' ? 'this folder' : shownDir}:\n${lines.join('\n')}\n${notes}\n` +
    `Next steps:\n${steps.map((step) => `  ${step}`).join('\n')}\n` +
    `Then add people and objectives with \`npm run new -- person\` and \`npm run new -- objective\`;\n` +
    `every pull request is checked by .github/workflows/handbook.yml.\n`
  );
}
