import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkHandbook } from '../check-handbook.js';
import { todayUtc } from '../dates.js';
import { diffHandbooks, type DiffSide } from '../diff/diff-handbooks.js';
import { formatDiffJson } from '../diff/format-diff-json.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { exportContent, findRepositoryRoot, GitError, resolveCommit } from '../diff/read-ref.js';
import type { CommandResult } from './check-command.js';
import { contentOption, resolveContentDir } from './content-folder.js';
import { parseCommandLine, UsageError, type CommandLine } from './parse-arguments.js';

export const DIFF_USAGE = `Usage: okr-handbook diff BASE [HEAD] [--content DIR] [--format markdown|json]

Compares the handbook at two git refs (HEAD defaults to HEAD) without checking
them out, and prints what the change does to objectives, key results, owners,
sponsors and confidence, and the validation problems it introduces.
  ${contentOption()}
                      (anywhere in the repository)
  --format FORMAT     markdown (default, for a pull-request comment) or json
Exit codes: 0 diff printed, 2 usage error (unknown ref, not a git repository).`;

export interface DiffEnvironment {
  cwd: string;
  /** The date both sides' \`asOf\` defaults to (default: today, UTC), so time-based rules agree. */
  today?: string;
}

export async function runDiffCommand(argv: readonly string[], environment: DiffEnvironment): Promise<CommandResult> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(argv, { values: ['content', 'format'], switches: ['help'], positionals: 2 });
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  const { flags, positionals } = commandLine;
  if (flags.has('help')) return { exitCode: 0, stdout: `${DIFF_USAGE}\n`, stderr: '' };
  const [baseRef, headRef = 'HEAD'] = positionals;
  if (baseRef === undefined) return usageError('Name the ref to compare with, e.g. `okr-handbook diff main`.');
  const format = (flags.get('format') as string | undefined) ?? 'markdown';
  if (!['markdown', 'json'].includes(format)) return usageError(`Unknown format \`${format}\`; use markdown or json.`);

  let root: string;
  let contentPath: string;
  let sides: { ref: string; commit: string }[];
  try {
    const contentDir = resolveContentDir(realpathSync(environment.cwd), flags.get('content') as string | undefined);
    // The repository is the one holding the content folder, as for `check --format github`,
    // so the command can run from okr-handbook's folder with `--content` pointing elsewhere.
    root = realpathSync(findRepositoryRoot(nearestExistingFolder(contentDir)));
    const relative = path.relative(root, contentDir);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return usageError(`The content folder \`${contentDir}\` is outside the repository \`${root}\`.`);
    contentPath = relative.split(path.sep).join('/');
    sides = [baseRef, headRef].map((ref) => ({ ref, commit: resolveCommit(root, ref) }));
  } catch (error) {
    if (error instanceof GitError) return usageError(error.message);
    throw error;
  }

  const today = environment.today ?? todayUtc();
  const temp = mkdtempSync(path.join(tmpdir(), 'okr-handbook-diff-'));
  try {
    const [base, head] = await Promise.all(
      sides.map(async ({ ref, commit }, index): Promise<DiffSide> => {
        const contentDir = path.join(temp, index === 0 ? 'base' : 'head');
        if (!exportContent(root, commit, contentPath, contentDir)) return { ref, commit };
        return { ref, commit, check: await checkHandbook({ contentDir, today, keepDeclarations: true }) };
      }),
    );
    if (!base!.check && !head!.check) {
      return usageError(`The content folder \`${contentPath || '.'}\` exists neither at \`${baseRef}\` nor at \`${headRef}\`; name it with --content.`);
    }
    const diff = diffHandbooks(base!, head!, contentPath);
    return { exitCode: 0, stdout: format === 'json' ? formatDiffJson(diff) : formatDiffMarkdown(diff), stderr: '' };
  } catch (error) {
    if (error instanceof GitError) return { exitCode: 2, stdout: '', stderr: `${error.message}\n` };
    throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function usageError(message: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${message}\n\n${DIFF_USAGE}\n` };
}

/** The content folder, or the closest folder above it that exists (it may exist only at one of the refs). */
function nearestExistingFolder(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(current)) return current;
    if (path.dirname(current) === current) return current;
  }
}
