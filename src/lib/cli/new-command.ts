import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkHandbook, ContentFolderError } from '../check-handbook.js';
import { todayUtc } from '../dates.js';
import { formatPretty } from '../format/format-pretty.js';
import { KIND_NAMES, walkContent, type Kind } from '../load/walk-content.js';
import type { ScaffoldContext, ScaffoldKind } from '../scaffold/context.js';
import { Inputs, ScaffoldError, type Asker } from '../scaffold/inputs.js';
import { SCAFFOLD_KINDS } from '../scaffold/kinds.js';
import { writeNewFile } from '../scaffold/yaml-file.js';
import { judgeDate } from '../scaffold/values.js';
import { didYouMean } from '../suggest.js';
import type { CommandResult } from './check-command.js';
import { contentOption, resolveContentDir } from './content-folder.js';
import { parseCommandLine, UsageError } from './parse-arguments.js';

const COMMON_USAGE = `  ${contentOption(19)}
  --date DATE        the date taken as today (default: today in UTC)
  --no-input         never ask: a missing value is an error (the default when not on a terminal)`;

export const NEW_USAGE = `Usage: okr-handbook new <kind> [options]

Writes a new file of the handbook, checked against it, then shows what
\`okr-handbook check\` says about that file. Kinds:
${SCAFFOLD_KINDS.map((kind) => `  ${kind.name.padEnd(10)} ${kind.summary}`).join('\n')}
Options of every kind:
${COMMON_USAGE}
\`okr-handbook new <kind> --help\` lists the options of one kind. On a terminal,
missing values are asked for; otherwise they must be given as options.
Exit codes: 0 written, 1 a value was refused (nothing written), 2 usage error.`;

function kindUsage(kind: ScaffoldKind): string {
  return `Usage: okr-handbook new ${kind.name} [options]\n\nWrites ${kind.summary}.\n${kind.usage}\n${COMMON_USAGE}`;
}

export interface NewEnvironment {
  cwd: string;
  /** Whether to colour the diagnostics shown after writing. */
  color: boolean;
  /** Who to ask for missing values; absent when nobody can answer. */
  asker?: Asker;
  /** Today's date, for tests (else `--date`, else today in UTC). */
  today?: string;
}

export async function runNewCommand(argv: readonly string[], environment: NewEnvironment): Promise<CommandResult> {
  const allValues = [...new Set(['content', 'date', ...SCAFFOLD_KINDS.flatMap((kind) => kind.values)])];
  let kind: ScaffoldKind | undefined;
  try {
    const { flags, positionals } = parseCommandLine(argv, { values: allValues, switches: ['help', 'no-input'], positionals: 1 });
    const name = positionals[0];
    if (name === undefined) {
      if (flags.has('help')) return { exitCode: 0, stdout: `${NEW_USAGE}\n`, stderr: '' };
      throw new UsageError(`Say what to create: ${SCAFFOLD_KINDS.map((k) => k.name).join(', ')}.`);
    }
    kind = SCAFFOLD_KINDS.find((k) => k.name === name);
    if (!kind) throw new UsageError(`There is no kind \`${name}\`.${didYouMean(name, SCAFFOLD_KINDS.map((k) => k.name))}`);
    if (flags.has('help')) return { exitCode: 0, stdout: `${kindUsage(kind)}\n`, stderr: '' };
    const own = new Set(['content', 'date', 'no-input', ...kind.values]);
    const foreign = [...flags.keys()].filter((flag) => !own.has(flag));
    if (foreign.length > 0) throw new UsageError(`${foreign.map((flag) => `\`--${flag}\``).join(', ')} ${foreign.length === 1 ? 'is not an option' : 'are not options'} of \`new ${kind.name}\`.`);

    const dateFlag = flags.get('date') as string | undefined;
    const date = dateFlag === undefined ? undefined : judgeDate(dateFlag);
    if (date && 'error' in date) throw new UsageError(`\`--date\`: ${date.error}`);
    const today = date?.value ?? environment.today ?? todayUtc();
    const asker = flags.has('no-input') ? undefined : environment.asker;
    if (!asker) {
      const missing = kind.required.filter((flag) => !flags.has(flag));
      if (missing.length > 0) throw new UsageError(`Missing ${missing.map((flag) => `\`--${flag}\``).join(', ')}: there is no terminal to ask for ${missing.length === 1 ? 'it' : 'them'}.`);
    }

    const contentDir = resolveContentDir(environment.cwd, flags.get('content') as string | undefined);
    const { handbook } = await checkHandbook({ contentDir, today });
    const context: ScaffoldContext = { contentDir, handbook, ...(await idsInUse(contentDir, handbook)), today, inputs: new Inputs(flags, asker) };
    const planned = await kind.plan(context);

    const absolute = path.join(contentDir, planned.file);
    const shown = path.relative(environment.cwd, absolute) || absolute;
    if (planned.replaces === undefined) {
      writeNewFile(absolute, planned.text, shown);
    } else {
      if (readFileSync(absolute, 'utf8') !== planned.replaces) throw new ScaffoldError(`${shown} changed while this ran.`);
      writeFileSync(absolute, planned.text);
    }
    const verb = planned.replaces === undefined ? 'Created' : 'Updated';
    const report = await checkOneFile(contentDir, planned.file, shown, today, environment.color);
    return { exitCode: 0, stdout: `${verb} ${shown}\n\n${report}${planned.notes.map((note) => `${note}\n`).join('')}`, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError || error instanceof ContentFolderError) {
      return { exitCode: 2, stdout: '', stderr: `${error.message}\n\n${kind ? kindUsage(kind) : NEW_USAGE}\n` };
    }
    if (error instanceof ScaffoldError) return { exitCode: 1, stdout: '', stderr: `${error.message}\nNothing was written.\n` };
    throw error;
  }
}

/** The ids taken in each kind folder (broken files included) and across key results. */
async function idsInUse(contentDir: string, handbook: ScaffoldContext['handbook']): Promise<Pick<ScaffoldContext, 'taken' | 'keyResultIds'>> {
  const taken = Object.fromEntries(KIND_NAMES.map((kind) => [kind, new Map<string, string>()])) as Record<Kind, Map<string, string>>;
  for (const entry of (await walkContent(contentDir)).entries) if (!taken[entry.kind].has(entry.id)) taken[entry.kind].set(entry.id, entry.file);
  const keyResultIds = new Map(handbook.keyResults.map((kr) => [kr.id, kr.source.file]));
  return { taken, keyResultIds };
}

/** What `okr-handbook check` says about the one file written, with paths as the user sees them. */
async function checkOneFile(contentDir: string, file: string, shown: string, today: string, color: boolean): Promise<string> {
  const { diagnostics, texts } = await checkHandbook({ contentDir, today });
  const own = diagnostics.filter((d) => d.file === file).map((d) => ({ ...d, file: shown }));
  const errors = own.filter((d) => d.severity === 'error').length;
  const text = texts.get(file);
  return formatPretty(own, { files: 1, errors, warnings: own.length - errors }, { color, ...(text !== undefined && { texts: new Map([[shown, text]]) }) });
}
