#!/usr/bin/env node
// The `okr-handbook` command: the only place that touches argv, the terminal,
// the environment and the exit code. Subcommands get what they need passed in.
import { mainUsage, SUBCOMMANDS } from '../src/lib/cli/commands.js';
import { VERSION } from '../src/lib/cli/version.js';
import { didYouMean } from '../src/lib/suggest.js';

const [name, ...argv] = process.argv.slice(2);

if (name === '--version' || name === '-v') {
  process.stdout.write(`${VERSION}\n`);
} else if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(`${mainUsage(VERSION)}\n`);
  if (name === undefined) process.exitCode = 2;
} else {
  const command = SUBCOMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const names = SUBCOMMANDS.map((candidate) => candidate.name);
    process.stderr.write(`Unknown command \`${name}\`.${didYouMean(name, names) || ` Commands: ${names.join(', ')}.`}\n\nRun \`okr-handbook --help\` for usage.\n`);
    process.exitCode = 2;
  } else {
    const color = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    const atTerminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    process.exitCode = await command.run(argv, {
      // Under `npm run`, npm moves to the package's folder; INIT_CWD is where the user was.
      cwd: process.env.INIT_CWD ?? process.cwd(),
      color,
      stdout: process.stdout,
      stderr: process.stderr,
      ...(atTerminal && { terminal: { input: process.stdin, output: process.stdout } }),
    });
  }
}
