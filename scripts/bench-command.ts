// `npm run bench -- [--objectives 10000] [--runs 7]`: what a user
// waits for, measured as whole processes started the way a user starts them
// (Node's start-up and module loading included), each against a yardstick
// run the same way:
//   okr-handbook --version          against  node -e 0                      budget 3x
//   okr-handbook check (demo)       against  the naive loop on the demo     budget 3x
//   okr-handbook check (synthetic)  against  the naive loop on it           budget 1.4x
// The naive loop (scripts/lib/naive-read.mjs) reads every file and splits it
// with gray-matter. Runs are interleaved so drift hits both sides alike;
// medians are reported. The command is the compiled one (`npm run bench`
// compiles it first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSyntheticHandbook } from './lib/generate-synthetic-handbook.js';
import { median } from './lib/measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMMAND = join(ROOT, 'lib/okr-handbook.mjs');
const NAIVE = join(ROOT, 'scripts/lib/naive-read.mjs');

interface Pair {
  name: string;
  budget: number;
  candidate: string[];
  yardstick: string[];
  yardstickName: string;
  runs: number;
}

/** Milliseconds for one whole process; it must exit with `expected`. */
function time(args: string[], expected = 0): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (child.status !== expected) throw new Error(`node ${args.join(' ')} exited ${child.status}:\n${child.stderr}${child.stdout.slice(0, 2000)}`);
  return ms;
}

function measure(pair: Pair): boolean {
  // One run of each first, unmeasured: the file cache is warm for both.
  time(pair.candidate);
  time(pair.yardstick);
  const candidate: number[] = [];
  const yardstick: number[] = [];
  for (let run = 0; run < pair.runs; run++) {
    candidate.push(time(pair.candidate));
    yardstick.push(time(pair.yardstick));
  }
  const ratio = median(candidate) / median(yardstick);
  const ok = ratio <= pair.budget;
  console.log(
    `${pair.name.padEnd(34)} ${median(candidate).toFixed(0).padStart(6)} ms   ${pair.yardstickName.padEnd(22)} ${median(yardstick).toFixed(0).padStart(6)} ms   ${ratio.toFixed(2)}x  (budget ${pair.budget}x) ${ok ? 'PASS' : 'FAIL'}`,
  );
  return ok;
}

const { values } = parseArgs({ options: { objectives: { type: 'string', default: '10000' }, runs: { type: 'string', default: '7' } } });
const objectives = Number(values.objectives);
const runs = Number(values.runs);
if (!existsSync(COMMAND)) throw new Error(`${COMMAND} is missing: run \`npm run compile\` first.`);

console.log(`node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}; medians of ${runs} interleaved runs`);
const dir = mkdtempSync(join(tmpdir(), 'okr-bench-command-'));
try {
  await generateSyntheticHandbook(dir, objectives);
  const demo = join(ROOT, 'content');
  const results = [
    measure({ name: 'okr-handbook --version', budget: 3, candidate: [COMMAND, '--version'], yardstick: ['-e', '0'], yardstickName: 'node -e 0', runs: runs * 3 }),
    measure({ name: 'okr-handbook check (demo)', budget: 3, candidate: [COMMAND, 'check', '--content', demo], yardstick: [NAIVE, demo], yardstickName: 'naive loop (demo)', runs: runs * 2 }),
    measure({ name: `okr-handbook check (${objectives} objectives)`, budget: 1.4, candidate: [COMMAND, 'check', '--content', dir], yardstick: [NAIVE, dir], yardstickName: 'naive loop', runs }),
  ];
  process.exitCode = results.every(Boolean) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
