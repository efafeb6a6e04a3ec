// Benchmark of hostile input: `npm run bench:hostile -- [--keys 50000,130000] [--runs 3]`.
// Checks the demo handbook plus one person file of N unknown keys (50 000
// keys make a 0.5 MB file), each measurement in a fresh child process, and
// prints the time of the whole check with its pretty output. The budget:
// 50 000 keys in under 2 s. The same file is the child's entry point:
// `bench-hostile.ts --child --dir <dir>`.
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureInChild, median, reportFromChild, type Measurement } from './lib/measure.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), '..');
const BUDGET_KEYS = 50_000;
const BUDGET_MS = 2_000;

/** Writes the demo handbook plus `people/many-keys.md` with `keys` unknown keys; returns the file's size. */
function writeHostileHandbook(dir: string, keys: number): number {
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const lines = ['---', 'name: Many Keys', 'role: Tester'];
  for (let i = 0; i < keys; i++) lines.push(`k${i}: v`);
  const text = `${lines.join('\n')}\n---\n`;
  writeFileSync(join(dir, 'people/many-keys.md'), text);
  // Over the default size limit (1 MB), a file is refused unread: the limit is raised so that it is parsed.
  appendFileSync(join(dir, 'handbook.yaml'), `maxFileSize: ${64 * 1024 * 1024}\n`);
  return Buffer.byteLength(text);
}

async function runChild(dir: string): Promise<void> {
  const { checkHandbook } = await import('../src/lib/check-handbook.js');
  const { formatPretty } = await import('../src/lib/format/format-pretty.js');
  await reportFromChild(async () => {
    const cpu = process.cpuUsage();
    const result = await checkHandbook({ contentDir: dir });
    const output = formatPretty(result.diagnostics, result.summary, { color: false });
    const used = process.cpuUsage(cpu);
    return { ...result.summary, shown: result.diagnostics.length, outputChars: output.length, cpuMs: (used.user + used.system) / 1000 };
  });
}

function positiveInts(value: string, flag: string): number[] {
  return value.split(',').map((part) => {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes positive integers, got "${part}"`);
    return n;
  });
}

function main(keyCounts: number[], runs: number): void {
  console.log(`node ${process.version}, ${availableParallelism()} CPUs, ${process.platform}/${process.arch}`);
  for (const keys of keyCounts) {
    const dir = mkdtempSync(join(tmpdir(), 'okr-bench-hostile-'));
    try {
      const bytes = writeHostileHandbook(dir, keys);
      console.log(`\nthe demo handbook plus one file of ${keys} unknown keys (${(bytes / 1e6).toFixed(2)} MB)`);
      const measured: Measurement[] = [];
      for (let run = 1; run <= runs; run++) {
        const m = measureInChild(SELF, ['--child', '--dir', dir], ROOT);
        measured.push(m);
        console.log(
          `run ${run}/${runs}  ${m.wallMs.toFixed(0).padStart(6)} ms work (${Number(m.cpuMs).toFixed(0)} ms CPU), ${m.totalMs.toFixed(0).padStart(6)} ms total, ${m.peakRssMb.toFixed(0)} MB, ${m.errors} errors, ${m.shown} diagnostics shown`,
        );
      }
      const work = median(measured.map((m) => m.wallMs));
      console.log(`median: ${work.toFixed(0)} ms work, ${median(measured.map((m) => Number(m.cpuMs))).toFixed(0)} ms CPU, ${median(measured.map((m) => m.totalMs)).toFixed(0)} ms total`);
      if (keys === BUDGET_KEYS) console.log(`budget: check of ${BUDGET_KEYS} unknown keys < ${BUDGET_MS} ms   ${work.toFixed(0)} ms  ${work < BUDGET_MS ? 'PASS' : 'FAIL'}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('\n(work: the check and its pretty output, after imports; total: the child process from start to exit)');
}

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: `${BUDGET_KEYS},130000` },
    runs: { type: 'string', default: '3' },
    child: { type: 'boolean', default: false },
    dir: { type: 'string' },
  },
});

if (values.child) {
  if (!values.dir) throw new Error('--child needs --dir');
  await runChild(values.dir);
} else {
  main(positiveInts(values.keys, '--keys'), positiveInts(values.runs, '--runs')[0]!);
}
