#!/usr/bin/env node
// `npm run new`: the only place that touches argv, the terminal and the exit code.
import { runNewCommand } from '../src/lib/cli/new-command.js';
import { createTerminalAsker } from '../src/lib/scaffold/prompt.js';

const color = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
// Values are asked for only when someone is at the terminal; scripts and CI get a usage error instead.
const asker = process.stdin.isTTY && process.stdout.isTTY ? createTerminalAsker(process.stdin, process.stdout) : undefined;
try {
  const result = await runNewCommand(process.argv.slice(2), { cwd: process.env.INIT_CWD ?? process.cwd(), color, ...(asker && { asker }) });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
} finally {
  asker?.close();
}
