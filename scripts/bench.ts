// Benchmark: `npm run bench:work -- [--objectives 10000] [--runs 5]`.
// Compares checkHandbook with a naive baseline (read + gray-matter every
// file) on a synthetic handbook, each measurement in a fresh child process.
// The same file is the child's entry point: `bench.ts --child <name> --dir <dir>`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSyntheticHandbook } from './lib/generate-synthetic-handbook.js';
import { measureInChild, median, reportFromChild, type Measurement } from './lib/measure.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), '..');
const CHECK_MODULE = join(ROOT, 'src/lib/check-handbook.ts');
const BUDGET_RATIO = 1.5;
const BUDGET_RSS_MB = 512;
const BUDGET_OBJECTIVES = 10_000;

interface Diagnostic {
  file?: string;
  line?: number;
  column?: number;
  rule?: string;
  severity?: string;
  message?: string;
}

// ---- child side ------------------------------------------------------------

function listContentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => ['.md', '.yaml'].includes(extname(rel)))
    .map((rel) => join(dir, rel));
}

async function runCandidate(name: string, dir: string): Promise<void> {
  if (name === 'naive') {
    const { default: matter } = await import('gray-matter');
    await reportFromChild(async () => {
      const files = listContentFiles(dir);
      // `{}` as options bypasses gray-matter's cache, which would otherwise
      // hand back shared objects instead of parsing.
      for (const file of files) matter(readFileSync(file, 'utf8'), {});
      return { files: files.length };
    });
  } else if (name === 'check') {
    const { checkHandbook } = await import('../src/lib/check-handbook.js');
    await reportFromChild(async () => {
      const result = await checkHandbook({ contentDir: dir });
      const { files, errors, warnings } = result.summary;
      return { files, errors, warnings, diagnostics: (result.diagnostics as Diagnostic[]).slice(0, 5) };
    });
  } else {
    throw new Error(`unknown candidate: ${name}`);
  }
}

// ---- parent side -----------------------------------------------------------

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

function formatDiagnostic(d: Diagnostic): string {
  return `  ${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;
}

/** Fails loudly when the validator finds any problem in the (valid) synthetic handbook. */
function assertClean(m: Measurement): void {
  if (m.errors === 0 && m.warnings === 0) return;
  const shown = (m.diagnostics as Diagnostic[]).map(formatDiagnostic).join('\n');
  throw new Error(
    `checkHandbook reported ${m.errors} errors and ${m.warnings} warnings on the synthetic handbook, which must be clean. First diagnostics:\n${shown}`,
  );
}

function printTable(results: Map<string, Measurement[]>): void {
  const row = (cells: (string | number)[]) =>
    console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(10) : String(c).padStart(12))).join(''));
  row(['candidate', 'median ms', 'min ms', 'max ms', 'total ms', 'peak RSS MB']);
  for (const [name, runs] of results) {
    const wall = runs.map((r) => r.wallMs);
    row([
      name,
      median(wall).toFixed(0),
      Math.min(...wall).toFixed(0),
      Math.max(...wall).toFixed(0),
      median(runs.map((r) => r.totalMs)).toFixed(0),
      Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0),
    ]);
  }
  console.log('(median/min/max: the work only, after imports; total: median child lifetime)');
}

function printBudgets(results: Map<string, Measurement[]>, objectives: number): void {
  const naive = results.get('naive')!;
  const check = results.get('check');
  if (!check) return;
  const ratio = median(check.map((r) => r.wallMs)) / median(naive.map((r) => r.wallMs));
  const peak = Math.max(...check.map((r) => r.peakRssMb));
  const note = objectives === BUDGET_OBJECTIVES ? '' : `  (budget is set for N = ${BUDGET_OBJECTIVES})`;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`\nratio check/naive: ${ratio.toFixed(2)}x`);
  console.log(`budget: check <= ${BUDGET_RATIO}x naive     ${ratio.toFixed(2)}x  ${verdict(ratio <= BUDGET_RATIO)}${note}`);
  console.log(`budget: check peak RSS < ${BUDGET_RSS_MB} MB   ${peak.toFixed(0)} MB  ${verdict(peak < BUDGET_RSS_MB)}${note}`);
}

async function main(objectives: number, runs: number): Promise<void> {
  console.log(`node ${process.version}, ${availableParallelism()} CPUs, ${process.platform}/${process.arch}`);
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-'));
  try {
    const genStart = performance.now();
    const { files, bytes } = await generateSyntheticHandbook(dir, objectives);
    const genMs = performance.now() - genStart;
    console.log(
      `synthetic handbook: ${objectives} objectives, ${files} files, ${(bytes / 1e6).toFixed(1)} MB (generated in ${genMs.toFixed(0)} ms)`,
    );

    const candidates = ['naive'];
    if (existsSync(CHECK_MODULE)) candidates.push('check');
    else console.log(`note: ${CHECK_MODULE} does not exist yet; measuring naive only`);

    const results = new Map<string, Measurement[]>(candidates.map((c) => [c, []]));
    // Interleave candidates run by run so drift (thermal, cache) hits both alike.
    for (let run = 1; run <= runs; run++) {
      for (const name of candidates) {
        const m = measureInChild(SELF, ['--child', name, '--dir', dir], ROOT);
        if (name === 'check') assertClean(m);
        results.get(name)!.push(m);
        console.log(
          `run ${run}/${runs} ${name.padEnd(6)} ${m.wallMs.toFixed(0).padStart(6)} ms work, ${m.totalMs.toFixed(0).padStart(6)} ms total, ${m.peakRssMb.toFixed(0)} MB, ${m.files} files`,
        );
      }
    }
    console.log('');
    printTable(results);
    printBudgets(results, objectives);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    objectives: { type: 'string', default: String(BUDGET_OBJECTIVES) },
    runs: { type: 'string', default: '5' },
    child: { type: 'string' },
    dir: { type: 'string' },
  },
});

if (values.child) {
  if (!values.dir) throw new Error('--child needs --dir');
  await runCandidate(values.child, values.dir);
} else {
  await main(positiveInt(values.objectives, '--objectives'), positiveInt(values.runs, '--runs'));
}
