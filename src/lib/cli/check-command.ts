import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkHandbook, ContentFolderError } from '../check-handbook.js';
import { formatGithub } from '../format/format-github.js';
import { formatJson } from '../format/format-json.js';
import { formatPretty } from '../format/format-pretty.js';
import { contentOption, resolveContentDir } from './content-folder.js';
import { parseArguments, UsageError } from './parse-arguments.js';

export const CHECK_USAGE = `Usage: okr-handbook check [--content DIR] [--format pretty|github|json] [--max-warnings N]

Validates an OKR handbook and reports every problem with its file, line and column.
  ${contentOption()}
  --format FORMAT     pretty (default), github (workflow annotations) or json
  --max-warnings N    fail when there are more than N warnings
Exit codes: 0 valid, 1 errors (or too many warnings), 2 usage error.`;

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CheckEnvironment {
  cwd: string;
  /** Whether to colour pretty output. */
  color: boolean;
}

export async function runCheckCommand(argv: readonly string[], environment: CheckEnvironment): Promise<CommandResult> {
  let flags: Map<string, string | true>;
  try {
    flags = parseArguments(argv, { values: ['content', 'format', 'max-warnings'], switches: ['help'] });
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (flags.has('help')) return { exitCode: 0, stdout: `${CHECK_USAGE}\n`, stderr: '' };

  const format = (flags.get('format') as string | undefined) ?? 'pretty';
  if (!['pretty', 'github', 'json'].includes(format)) return usageError(`Unknown format \`${format}\`; use pretty, github or json.`);
  const maxWarningsText = flags.get('max-warnings') as string | undefined;
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return usageError(`\`--max-warnings\` takes a whole number of 0 or more, not \`${maxWarningsText}\`.`);
  }
  const contentDir = resolveContentDir(environment.cwd, flags.get('content') as string | undefined);

  let result;
  try {
    result = await checkHandbook({ contentDir });
  } catch (error) {
    if (error instanceof ContentFolderError) return usageError(error.message);
    throw error;
  }
  const { diagnostics, summary, texts } = result;
  let stdout: string;
  if (format === 'json') stdout = formatJson(diagnostics, summary);
  else if (format === 'github') stdout = formatGithub(diagnostics, annotationPrefix(contentDir));
  else stdout = formatPretty(diagnostics, summary, { color: environment.color, texts, folder: path.relative(environment.cwd, contentDir) });

  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  const stderr = tooManyWarnings ? `${summary.warnings} ${summary.warnings === 1 ? 'warning exceeds' : 'warnings exceed'} --max-warnings ${maxWarnings}.\n` : '';
  return { exitCode: summary.errors > 0 || tooManyWarnings ? 1 : 0, stdout, stderr };
}

function usageError(message: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${message}\n\n${CHECK_USAGE}\n` };
}

/**
 * The content folder as GitHub wants it in annotations: relative to the
 * repository that holds it (the nearest folder with `.git`), or absolute
 * when it is in no repository.
 */
function annotationPrefix(contentDir: string): string {
  for (let dir = contentDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return path.relative(dir, contentDir);
    if (path.dirname(dir) === dir) return contentDir;
  }
}
