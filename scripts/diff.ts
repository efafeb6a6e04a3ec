#!/usr/bin/env node
// `npm run diff`: the only place that touches argv, the console and the exit code.
import { runDiffCommand } from '../src/lib/cli/diff-command.js';

const result = await runDiffCommand(process.argv.slice(2), { cwd: process.env.INIT_CWD ?? process.cwd() });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
