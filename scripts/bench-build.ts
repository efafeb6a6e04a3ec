// Build benchmark: `npm run bench:build -- [--objectives 100,1000] [--runs 3] [--commits 50] [--timeout-min 30]
//                   [--baseline DIR] [--no-plain] [--keep DIR] [--warm]`.
// For each N, generates the synthetic handbook and times, run by run and
// interleaved, each in a fresh process under GNU `time -v` (wall time, peak RSS):
//   full:     `node lib/okr-handbook.mjs build --content <dir> --out <tmp>` of
//             this checkout, compiled first (everything the build does:
//             validate, Astro pages, the search index), on a copy of the
//             handbook outside git
//   git:      the same build of the same files inside a git repository whose
//             history has `--commits` commits touching each objective file
//             (scripts/lib/generate-synthetic-history.ts): what the ownership
//             ledger adds (left out with --commits 0)
//   baseline: the same command of another checkout (--baseline DIR, compiled,
//             with its own node_modules), to measure a change against the
//             code before it, e.g. a worktree of main
//   base-git: the baseline's build inside the git repository, when there is
//             a history: the ledger's cost before and after a change
//   git-warm: with --warm, the `git` build again right after it, with the
//             ownership history it cached (a second build, `dev`); every
//             other build starts without that cache, as in a fresh clone (CI)
//   plain:    a minimal Astro project with one bare page per .md file of the
//             same handbook (scripts/lib/plain-astro-project.ts), built with
//             `node node_modules/astro/astro.js build --root <tmp>`
//             (left out with --no-plain).
// --keep DIR keeps the generated handbook and its git history in DIR (one
// folder per size and commit count) and reuses them on the next run, which
// saves minutes per run at 1 000 x 50; delete DIR after changing a generator.
// Each build's CPU time (user + system over the process and the children it
// waited for, GNU time) is shown beside its wall time: on a shared machine
// it is the steadier of the two.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { generateSyntheticHandbook } from './lib/generate-synthetic-handbook.js';
import { generateSyntheticHistory } from './lib/generate-synthetic-history.js';
import { median } from './lib/measure.js';
import { assertGnuTime, measureCommand, type CommandResult } from './lib/measure-command.js';
import { createPlainAstroProject } from './lib/plain-astro-project.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The compiled command of a checkout. */
const commandOf = (checkout: string) => join(checkout, 'lib/okr-handbook.mjs');
const ASTRO_BIN = join(ROOT, 'node_modules/astro/astro.js');
const MB_PER_GB = 1024;

// Budgets. At 1 000 objectives: the full build within 3x plain Astro, peak < 2 GB.
// At 10 000: it finishes with Node's default heap, in < 10 min, peak < 6 GB.
const SMALL_N = 1_000;
const SMALL_MAX_RATIO = 3;
const SMALL_MAX_RSS_MB = 2 * MB_PER_GB;
const LARGE_N = 10_000;
const LARGE_MAX_MS = 10 * 60_000;
const LARGE_MAX_RSS_MB = 6 * MB_PER_GB;
// The ownership ledger: at 1 000 objectives, the build in git at most 20 % slower than outside it.
const LEDGER_MAX_RATIO = 1.2;

type Candidate = 'full' | 'git' | 'git-warm' | 'baseline' | 'base-git' | 'plain';

interface Run extends CommandResult {
  pages: number;
  /** Phase timings printed by scripts/build.ts (full build only). */
  phases: Record<string, number>;
  /** Pages in the search index, as scripts/build.ts reports it (full build only). */
  searchPages?: number;
  /** Bytes written under pagefind/ (full build only). */
  searchBytes?: number;
}

const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const fmtS = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '-');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function parseList(value: string): number[] {
  return value.split(',').map((part) => positiveInt(part.trim(), '--objectives'));
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

/** Total size of the files under `dir`, 0 when it does not exist. */
function folderBytes(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((file) => statSync(join(dir, file)))
      .filter((stat) => stat.isFile())
      .reduce((sum, stat) => sum + stat.size, 0);
  } catch {
    return 0;
  }
}

function countPages(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => basename(f) === 'index.html').length;
  } catch {
    return 0;
  }
}

/** "Built 5 pages ... (validate 12 ms, pages 340 ms, write 3 ms)." → { validate: 12, pages: 340, write: 3 } */
function parsePhases(stdout: string): Record<string, number> {
  const m = /^Built \d+ pages .*\(([^()]*)\)\.$/m.exec(stdout);
  if (!m) return {};
  return Object.fromEntries(
    m[1]!.split(', ').flatMap((part) => {
      const p = /^(\S+) (\d+) ms$/.exec(part);
      return p ? [[p[1]!, Number(p[2])]] : [];
    }),
  );
}

function failureText(r: CommandResult): string {
  const why = r.timedOut
    ? 'killed after the timeout'
    : r.signal
      ? `terminated by ${r.signal}`
      : `exit status ${r.status}`;
  const tail = `${r.stderr}\n${r.stdout}`.trim().split('\n').slice(-12).join('\n    ');
  return `${why}; last output:\n    ${tail}`;
}

async function measureFull(checkout: string, contentDir: string, work: string, timeoutMs: number, warm = false): Promise<Run> {
  const out = join(work, 'full-out');
  rmSync(out, { recursive: true, force: true });
  // A cold build, as in a fresh clone: without the ownership history a build before cached (src/lib/history/history-cache.ts).
  if (!warm) rmSync(join(checkout, 'node_modules/.cache/okr-handbook/ownership-history'), { recursive: true, force: true });
  // Run from `work`, which holds the output, as a user runs `okr-handbook build` from their project.
  // The command keeps Astro's and Vite's state in a work folder of its own, so builds side by side do not share it.
  const r = await measureCommand(process.execPath, [commandOf(checkout), 'build', '--content', contentDir, '--out', out], {
    cwd: work,
    env: { ...process.env, INIT_CWD: work },
    timeoutMs,
    timeReportFile: join(work, 'time-full.txt'),
  });
  const search = /(\d+) of them in the search index/.exec(r.stdout);
  const run = {
    ...r,
    pages: r.ok ? countPages(out) : 0,
    phases: parsePhases(r.stdout),
    searchPages: search ? Number(search[1]) : undefined,
    searchBytes: r.ok ? folderBytes(join(out, 'pagefind')) : undefined,
  };
  rmSync(out, { recursive: true, force: true });
  return run;
}

async function measurePlain(plainRoot: string, work: string, timeoutMs: number): Promise<Run> {
  const out = join(plainRoot, 'dist');
  // Cold every time, like the full build's fresh output folder.
  for (const d of [out, join(plainRoot, '.cache'), join(plainRoot, '.astro')]) rmSync(d, { recursive: true, force: true });
  const r = await measureCommand(process.execPath, [ASTRO_BIN, 'build', '--root', plainRoot], {
    cwd: plainRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    timeoutMs,
    timeReportFile: join(work, 'time-plain.txt'),
  });
  const run = { ...r, pages: r.ok ? countPages(out) : 0, phases: {} };
  rmSync(out, { recursive: true, force: true });
  return run;
}

interface Summary {
  runs: number;
  ok: number;
  pages: number;
  medianMs: number;
  /** Median CPU time (user + system), GNU time. */
  medianCpuMs: number;
  minMs: number;
  maxMs: number;
  pagesPerS: number;
  /** Largest single process (GNU time), max over runs. */
  peakRssMb: number;
  /** Sampled sum over the process group, max over runs. */
  treePeakRssMb: number;
  /** The larger of the two: what the budgets use. */
  worstRssMb: number;
}

function maxOf(values: number[]): number {
  const known = values.filter(Number.isFinite);
  return known.length ? Math.max(...known) : Number.NaN;
}

function summarize(runs: Run[]): Summary {
  const good = runs.filter((r) => r.ok);
  const wall = good.map((r) => r.wallMs);
  const medianMs = wall.length ? median(wall) : Number.NaN;
  const pages = good.length ? good[0]!.pages : 0;
  return {
    runs: runs.length,
    ok: good.length,
    pages,
    medianMs,
    medianCpuMs: good.length ? median(good.map((r) => r.cpuMs)) : Number.NaN,
    minMs: wall.length ? Math.min(...wall) : Number.NaN,
    maxMs: wall.length ? Math.max(...wall) : Number.NaN,
    pagesPerS: wall.length ? pages / (medianMs / 1000) : Number.NaN,
    // Peaks over every run, failed ones included: a run that died of memory counts.
    peakRssMb: maxOf(runs.map((r) => r.peakRssMb)),
    treePeakRssMb: maxOf(runs.map((r) => r.treePeakRssMb)),
    worstRssMb: maxOf(runs.flatMap((r) => [r.peakRssMb, r.treePeakRssMb])),
  };
}

function printTable(files: number, mdFiles: number, results: Map<Candidate, Run[]>): Map<Candidate, Summary> {
  const summaries = new Map<Candidate, Summary>();
  const row = (cells: (string | number)[]) =>
    console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(8) : String(c).padStart(10))).join(''));
  row(['build', 'files', 'pages', 'median s', 'min s', 'max s', 'cpu s', 'pages/s', 'peak MB', 'tree MB', 'ok runs']);
  for (const [name, runs] of results) {
    const s = summarize(runs);
    summaries.set(name, s);
    row([
      name,
      fmtInt(name === 'plain' ? mdFiles : files),
      fmtInt(s.pages),
      fmtS(s.medianMs),
      fmtS(s.minMs),
      fmtS(s.maxMs),
      fmtS(s.medianCpuMs),
      Number.isFinite(s.pagesPerS) ? s.pagesPerS.toFixed(0) : '-',
      fmtInt(s.peakRssMb),
      fmtInt(s.treePeakRssMb),
      `${s.ok}/${s.runs}`,
    ]);
  }
  console.log(
    '(wall: whole process, start-up to exit. cpu: median user + system time of the process and its children. peak: largest single process, GNU time; tree: RSS summed over the process group, sampled every 250 ms; both max over runs; memory budgets use the larger)',
  );
  const fullOk = results.get('full')!.filter((r) => r.ok);
  const phases = fullOk.map((r) => r.phases);
  if (phases.length > 0) {
    const names = [...new Set(phases.flatMap((p) => Object.keys(p)))];
    const parts = names.map((n) => {
      const known = phases.map((p) => p[n]).filter((v): v is number => v !== undefined);
      return `${n} ${fmtS(median(known))} s${known.length < phases.length ? ` (in ${known.length} of ${phases.length} runs)` : ''}`;
    });
    console.log(`full build phases as the build reports them (median): ${parts.join(', ')}`);
    const indexed = fullOk.map((r) => r.searchPages).filter((v) => v !== undefined);
    if (names.includes('search')) {
      const bytes = fullOk.map((r) => r.searchBytes).filter((v): v is number => v !== undefined);
      const size = bytes.length ? `, ${(median(bytes) / 1_048_576).toFixed(1)} MB on disk` : '';
      console.log(`search index: built by the full build (Pagefind), ${indexed.length ? `${fmtInt(indexed[0]!)} pages indexed` : 'page count not reported'}${size}, in ${fmtS(median(phases.map((p) => p.search ?? NaN)))} s; plain Astro has none`);
    } else {
      console.log('search index: the build has no search step yet, so none is measured');
    }
  }
  return summaries;
}

function printLedgerBudget(n: number, full: Summary, git: Summary | undefined): void {
  if (!git) return;
  const ratio = git.medianMs / full.medianMs;
  const cpuRatio = git.medianCpuMs / full.medianCpuMs;
  console.log(`ratio git/full (median wall; what the ownership ledger adds): ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-'}, peak ${fmtInt(git.worstRssMb)} MB against ${fmtInt(full.worstRssMb)} MB`);
  console.log(`ratio git/full (median CPU time): ${Number.isFinite(cpuRatio) ? `${cpuRatio.toFixed(2)}x` : '-'} (${fmtS(git.medianCpuMs)} s against ${fmtS(full.medianCpuMs)} s)`);
  if (n === SMALL_N) {
    const ok = git.ok === git.runs && full.ok === full.runs && ratio <= LEDGER_MAX_RATIO && git.worstRssMb < SMALL_MAX_RSS_MB;
    console.log(`budget N=${SMALL_N}: git <= ${LEDGER_MAX_RATIO}x full, peak < 2 GB   ${Number.isFinite(ratio) ? ratio.toFixed(2) : '-'}x  ${verdict(ok)}`);
  }
}

/** A change is measured against the code before it: the full build may be at most this much slower than the baseline. */
const MAX_SLOWER_THAN_BASELINE = 1.1;

function printBudgets(n: number, full: Summary, plain: Summary | undefined, baseline: Summary | undefined, fullRuns: Run[]): void {
  if (baseline) {
    const change = full.medianMs / baseline.medianMs;
    const ok = full.ok === full.runs && baseline.ok === baseline.runs && change <= MAX_SLOWER_THAN_BASELINE;
    console.log(`ratio full/baseline (median wall): ${Number.isFinite(change) ? `${change.toFixed(2)}x` : '-'}  ${verdict(ok)} (at most ${MAX_SLOWER_THAN_BASELINE}x)`);
  }
  if (!plain) return;
  const ratio = full.medianMs / plain.medianMs;
  console.log(`ratio full/plain (median wall): ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-'}`);
  const withoutSearch = fullRuns.filter((r) => r.ok && r.phases.search !== undefined).map((r) => r.wallMs - r.phases.search!);
  if (withoutSearch.length > 0) {
    console.log(`ratio full/plain without the search phase (median): ${(median(withoutSearch) / plain.medianMs).toFixed(2)}x`);
  }
  if (n === SMALL_N) {
    const allOk = full.ok === full.runs && plain.ok === plain.runs;
    const why = allOk ? '' : '  (not every run succeeded)';
    const ratioOk = allOk && Number.isFinite(ratio) && ratio <= SMALL_MAX_RATIO;
    const rssOk = allOk && full.worstRssMb < SMALL_MAX_RSS_MB;
    console.log(`budget N=${SMALL_N}: full <= ${SMALL_MAX_RATIO}x plain         ${Number.isFinite(ratio) ? ratio.toFixed(2) : '-'}x  ${verdict(ratioOk)}${why}`);
    console.log(`budget N=${SMALL_N}: full peak RSS < 2 GB     ${fmtInt(full.worstRssMb)} MB  ${verdict(rssOk)}${why}`);
  }
}

function printLargeBudgets(n: number, full: Summary, fullRuns: Run[]): void {
  if (n === LARGE_N) {
    const heapFlag = /max[-_]old[-_]space[-_]size/.test(process.env.NODE_OPTIONS ?? '');
    const finished = full.ok === full.runs && !heapFlag;
    const worst = Math.max(...fullRuns.map((r) => r.wallMs));
    console.log(
      `budget N=${LARGE_N}: finishes with default heap ${finished ? 'yes' : heapFlag ? 'NODE_OPTIONS sets the heap size' : 'no'}  ${verdict(finished)}`,
    );
    console.log(`budget N=${LARGE_N}: full build < 10 min       ${fmtS(worst)} s  ${verdict(finished && worst < LARGE_MAX_MS)}`);
    console.log(`budget N=${LARGE_N}: full peak RSS < 6 GB      ${fmtInt(full.worstRssMb)} MB  ${verdict(finished && full.worstRssMb < LARGE_MAX_RSS_MB)}`);
  }
}

async function benchOne(n: number, runs: number, tmp: string, timeoutMs: number, candidates: Candidate[], baseline: string | undefined, commits: number, keep: string | undefined, warm: boolean): Promise<void> {
  const work = keep ? join(keep, `n${n}-c${commits}`) : join(tmp, `n${n}`);
  // Written once the handbook, its history and the copy outside git are complete.
  const ready = join(work, 'ready.json');
  const contentDir = join(work, 'content');
  const repository = join(work, 'repository');
  const plainRoot = join(work, 'plain');
  mkdirSync(work, { recursive: true });
  try {
    const genStart = performance.now();
    const reused = keep !== undefined && existsSync(ready);
    let files: number;
    let bytes: number;
    let history: { commits: number } | undefined;
    if (reused) {
      ({ files, bytes, history } = JSON.parse(readFileSync(ready, 'utf8')) as { files: number; bytes: number; history?: { commits: number } });
      console.log(`\nreusing the handbook and history kept in ${work}`);
    } else {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      ({ files, bytes } = await generateSyntheticHandbook(join(repository, 'content'), n));
      const historyStart = performance.now();
      history = commits > 0 ? await generateSyntheticHistory(repository, 'content', commits) : undefined;
      if (history) console.log(`\ngit history: ${fmtInt(history.commits)} commits, ${commits} touching each objective file, written in ${fmtInt(performance.now() - historyStart)} ms`);
      // The same files outside git, for the build without history.
      cpSync(join(repository, 'content'), contentDir, { recursive: true });
      if (keep) writeFileSync(ready, JSON.stringify({ files, bytes, history }));
    }
    const mdFiles = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
    console.log(
      `\n== N = ${n.toLocaleString('en-US')} objectives: ${fmtInt(files)} files (${fmtInt(mdFiles)} .md), ${(bytes / 1e6).toFixed(1)} MB, generated in ${fmtInt(performance.now() - genStart)} ms; load ${load()}`,
    );
    if (candidates.includes('plain')) {
      rmSync(plainRoot, { recursive: true, force: true });
      mkdirSync(plainRoot);
      createPlainAstroProject(plainRoot, contentDir, join(ROOT, 'node_modules'));
    }

    // The build in git runs right after the one outside it, when there is a history.
    const names = candidates.flatMap((name): Candidate[] =>
      history && name === 'full' ? ['full', 'git', ...(warm ? (['git-warm'] as const) : [])] : history && name === 'baseline' ? ['baseline', 'base-git'] : [name],
    );
    const results = new Map<Candidate, Run[]>(names.map((name) => [name, []]));
    // Interleaved run by run so drift (other load, thermal, cache) hits both alike.
    for (let run = 1; run <= runs; run++) {
      for (const name of names) {
        const done = results.get(name)!;
        // One failure (out of memory, timeout) is enough: do not repeat it.
        if (done.some((r) => !r.ok)) continue;
        const r =
          name === 'plain'
            ? await measurePlain(plainRoot, work, timeoutMs)
            : await measureFull(
                name === 'baseline' || name === 'base-git' ? baseline! : ROOT,
                name === 'git' || name === 'git-warm' || name === 'base-git' ? join(repository, 'content') : contentDir,
                work,
                timeoutMs,
                name === 'git-warm',
              );
        done.push(r);
        const phases = Object.entries(r.phases)
          .map(([k, v]) => `${k} ${fmtS(v)} s`)
          .join(', ');
        console.log(
          `run ${run}/${runs} ${name.padEnd(5)} ${fmtS(r.wallMs).padStart(7)} s  cpu ${fmtS(r.cpuMs).padStart(6)} s  peak ${fmtInt(r.peakRssMb).padStart(5)} MB  tree ${fmtInt(r.treePeakRssMb).padStart(5)} MB  ` +
            (r.ok ? `${fmtInt(r.pages)} pages${phases ? ` (${phases})` : ''}` : `FAILED: ${failureText(r)}`) +
            `  [load ${load()}]`,
        );
        if (r.treePeakParts) {
          const own = Object.entries(r.peakByName)
            .filter(([, mb]) => mb >= 10)
            .sort((a, b) => b[1] - a[1])
            .map(([proc, mb]) => `${proc} ${fmtInt(mb)}`)
            .join(', ');
          console.log(`            tree peak made of: ${r.treePeakParts}; each process's own sampled peak: ${own} MB`);
        }
        if (r.ok && name === 'plain' && r.pages !== mdFiles) {
          console.log(`  warning: plain built ${r.pages} pages for ${mdFiles} .md files`);
        }
      }
    }
    console.log('');
    const summaries = printTable(files, mdFiles, results);
    printBudgets(n, summaries.get('full')!, summaries.get('plain'), summaries.get('baseline'), results.get('full')!);
    printLargeBudgets(n, summaries.get('full')!, results.get('full')!);
    printLedgerBudget(n, summaries.get('full')!, summaries.get('git'));
    const gitWarm = summaries.get('git-warm');
    if (gitWarm) console.log(`ratio git-warm/full (a second build, the history cached): ${(gitWarm.medianMs / summaries.get('full')!.medianMs).toFixed(2)}x wall, ${(gitWarm.medianCpuMs / summaries.get('full')!.medianCpuMs).toFixed(2)}x CPU`);
    const baseFull = summaries.get('baseline');
    const baseGit = summaries.get('base-git');
    if (baseFull && baseGit) {
      console.log('baseline:');
      printLedgerBudget(n, baseFull, baseGit);
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      objectives: { type: 'string', default: '100,1000' },
      runs: { type: 'string', default: '3' },
      'timeout-min': { type: 'string', default: '30' },
      baseline: { type: 'string' },
      'no-plain': { type: 'boolean', default: false },
      commits: { type: 'string', default: '50' },
      keep: { type: 'string' },
      warm: { type: 'boolean', default: false },
    },
  });
  const commits = Number(values.commits);
  if (!Number.isInteger(commits) || commits < 0) throw new Error(`--commits must be a whole number, got "${values.commits}"`);
  const baseline = values.baseline === undefined ? undefined : resolve(values.baseline);
  if (baseline && !existsSync(commandOf(baseline))) {
    throw new Error(`--baseline ${baseline} has no ${commandOf(baseline)}: run \`npm ci\` and \`node scripts/compile.mjs\` in that checkout first`);
  }
  const candidates: Candidate[] = ['full', ...(baseline ? (['baseline'] as const) : []), ...(values['no-plain'] ? [] : (['plain'] as const))];
  // The command as this checkout's source has it now.
  const compiled = spawnSync(process.execPath, [join(ROOT, 'scripts/compile.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error('scripts/compile.mjs failed');
  const sizes = parseList(values.objectives);
  const runs = positiveInt(values.runs, '--runs');
  const timeoutMs = positiveInt(values['timeout-min'], '--timeout-min') * 60_000;
  assertGnuTime();

  const heapMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs, ${process.platform}/${process.arch}; ` +
      `default heap limit ${fmtInt(heapMb)} MB; NODE_OPTIONS=${process.env.NODE_OPTIONS ? JSON.stringify(process.env.NODE_OPTIONS) : '(unset)'}; ` +
      `load average ${load()}`,
  );
  console.log(
    'full = `okr-handbook build` of this checkout as it is now (validate, Astro pages, the search index; see its phases below), on a copy outside git; git = the same inside a git repository with history (the ownership ledger).',
  );
  if (baseline) console.log(`baseline = \`okr-handbook build\` of ${baseline}, the code to compare against.`);
  if (candidates.includes('plain')) {
    console.log('plain = minimal Astro project, one bare page (relative path in an <h1>) per .md file of the same handbook, same node_modules.');
  }
  console.log(`${runs} run(s) per build, interleaved; each a fresh process, timeout ${values['timeout-min']} min.`);

  const tmp = mkdtempSync(join(tmpdir(), 'okr-bench-build-'));
  // Also on Ctrl-C (measure-command.ts kills the running build, then exits).
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  try {
    const keep = values.keep === undefined ? undefined : resolve(values.keep);
    for (const n of sizes) await benchOne(n, runs, tmp, timeoutMs, candidates, baseline, commits, keep, values.warm);
    if (!sizes.includes(SMALL_N)) console.log(`\n(budgets at N=${SMALL_N} not checked: N=${SMALL_N} was not requested)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\ndone; load average ${load()}`);
}

await main();
