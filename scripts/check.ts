#!/usr/bin/env node
// `npm run check`: the only place that touches argv, the console and the exit code.
import { runCheckCommand } from '../src/lib/cli/check-command.js';

const color = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const result = await runCheckCommand(process.argv.slice(2), { cwd: process.env.INIT_CWD ?? process.cwd(), color });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
