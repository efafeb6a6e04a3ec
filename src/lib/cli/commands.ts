import { VERSION } from './version.js';

/**
 * The subcommands of `okr-handbook`. Each is loaded only when it runs, so
 * `okr-handbook --version` and `--help` load none of them, and `check` does
 * not load Astro.
 */

/** What a subcommand gets from the entry point, the only code that touches the process. */
export interface CommandIo {
  /** The folder relative paths are taken from (where the user ran the command). */
  cwd: string;
  /** Whether to colour output for a terminal. */
  color: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The terminal, when someone is at it: commands may ask questions then. */
  terminal?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

export interface Subcommand {
  name: string;
  summary: string;
  /** Runs the subcommand; resolves with its exit code. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** Runs a command that returns its output whole, as check, diff, new and init do. */
async function printed(io: CommandIo, result: Promise<{ exitCode: number; stdout: string; stderr: string }>): Promise<number> {
  const { exitCode, stdout, stderr } = await result;
  io.stdout.write(stdout);
  io.stderr.write(stderr);
  return exitCode;
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'init',
    summary: 'create a handbook repository: starter handbook, package.json, workflow, editor settings',
    async run(argv, io) {
      const [{ runInitCommand }, { withTerminalAsker }] = await Promise.all([import('./init-command.js'), import('./terminal.js')]);
      return withTerminalAsker(io, (asker) => printed(io, runInitCommand(argv, { cwd: io.cwd, color: io.color, version: VERSION, ...(asker && { asker }) })));
    },
  },
  {
    name: 'check',
    summary: 'validate the handbook and report every problem with its file, line and column',
    async run(argv, io) {
      const { runCheckCommand } = await import('./check-command.js');
      return printed(io, runCheckCommand(argv, { cwd: io.cwd, color: io.color }));
    },
  },
  {
    name: 'build',
    summary: 'validate, then build the site and its search index',
    async run(argv, io) {
      const { runBuildCommand } = await import('./build-command.js');
      return runBuildCommand(argv, io);
    },
  },
  {
    name: 'dev',
    summary: 'serve the site while you edit, re-validating on every change',
    async run(argv, io) {
      const { runDevCommand } = await import('./dev-command.js');
      return runDevCommand(argv, io);
    },
  },
  {
    name: 'preview',
    summary: 'serve a built site locally, under the base path it was built for',
    async run(argv, io) {
      const { runPreviewCommand } = await import('./preview-command.js');
      return runPreviewCommand(argv, io);
    },
  },
  {
    name: 'new',
    summary: 'write a new cycle, team, person, objective, key result, review or glossary term',
    async run(argv, io) {
      const [{ runNewCommand }, { withTerminalAsker }] = await Promise.all([import('./new-command.js'), import('./terminal.js')]);
      return withTerminalAsker(io, (asker) => printed(io, runNewCommand(argv, { cwd: io.cwd, color: io.color, ...(asker && { asker }) })));
    },
  },
  {
    name: 'diff',
    summary: 'say what a change does to ownership between two git refs',
    async run(argv, io) {
      const { runDiffCommand } = await import('./diff-command.js');
      return printed(io, runDiffCommand(argv, { cwd: io.cwd }));
    },
  },
];

export function mainUsage(version: string): string {
  const width = Math.max(...SUBCOMMANDS.map((command) => command.name.length)) + 2;
  return `okr-handbook ${version}: a validated, searchable website from a folder of Markdown OKR files.

Usage: okr-handbook <command> [options]

Commands:
${SUBCOMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n')}

Options:
  --help, -h      show this help, or a command's options: okr-handbook <command> --help
  --version, -v   print the version

Exit codes: 0 success, 1 problems found (or the command failed), 2 usage error.`;
}
