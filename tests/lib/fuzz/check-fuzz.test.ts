import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownProcessor } from '../../../src/site/markdown.js';
import { ROOT, runBuild } from '../../helpers/build-fixture.js';
import { COMMAND } from '../../helpers/run-command.js';
import { BuildSteps, unsafeTag } from './build-steps.js';
import { checkDiagnostics, controlIn, type Failure } from './check-invariants.js';
import { visible } from './visible.js';
import { examineMutant, shrinkMutant } from './examine-mutant.js';
import { mutateHandbook, type Mutant } from './mutate-handbook.js';
import { Random, seedFrom } from './random.js';
import { SEED_HANDBOOKS } from './seed-handbooks.js';
import { createFuzzFolder, describeMutant, MutantFolder, SECRET, writeMutant, type FuzzFolder } from './write-mutant.js';

/*
 * Thousands of mutated handbooks, each checked in process: `check` never
 * throws, every diagnostic points inside its file with a plain-text message,
 * every output format is safe to print, and a handbook `check` passes also
 * gets through the content steps of the build. A sample goes through the
 * real command, and one or two through a real build.
 *
 * Deterministic: mutant i of a run is made from the seed and i alone.
 *   FUZZ_HANDBOOKS=20000 FUZZ_SEED=7 npx vitest run tests/lib/fuzz   # a longer run
 *   FUZZ_SEED=7 FUZZ_ONLY=123,456 npx vitest run tests/lib/fuzz      # replay mutants, printing them
 *   FUZZ_CLI (default 4) and FUZZ_BUILDS (default 1): how many go through the real command and build.
 *   FUZZ_SHRINK=0 skips shrinking the reproducers; FUZZ_SLOW_MS (default 3000) is the budget of one check.
 */
const DEFAULT_SEED = 20_260_820;
const SEED = seedFrom(process.env.FUZZ_SEED, DEFAULT_SEED);
const COUNT = wholeNumber('FUZZ_HANDBOOKS', 2_000);
const CLI_SAMPLE = wholeNumber('FUZZ_CLI', 4);
const BUILDS = wholeNumber('FUZZ_BUILDS', 1);
const ONLY = process.env.FUZZ_ONLY?.split(',').filter(Boolean).map(Number);
const INDEXES = ONLY ?? Array.from({ length: COUNT }, (_, i) => i);
/** How many failures of one kind get a shrunk reproducer in the report (shrinking costs a few hundred checks). */
const SHRINK = process.env.FUZZ_SHRINK !== '0';

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}.`);
  return value;
}

const replay = (indexes: number[]) => `FUZZ_SEED=${SEED} FUZZ_ONLY=${indexes.join(',')} npx vitest run tests/lib/fuzz`;

/** Failures grouped by kind: how many mutants, and the first one in full. */
class FailureLog {
  readonly kinds = new Map<string, { mutants: number[]; first: { mutant: Mutant; detail: string } }>();

  add(mutant: Mutant, failures: readonly Failure[]): void {
    for (const failure of failures) {
      const seen = this.kinds.get(failure.kind);
      if (!seen) this.kinds.set(failure.kind, { mutants: [mutant.index], first: { mutant, detail: failure.detail } });
      else if (!seen.mutants.includes(mutant.index)) {
        seen.mutants.push(mutant.index);
        // The lowest index is the example, whichever lane got there first.
        if (mutant.index < seen.first.mutant.index) seen.first = { mutant, detail: failure.detail };
      }
    }
  }

  async report(shrink: (mutant: Mutant, kind: string) => Promise<Mutant>): Promise<string> {
    const parts: string[] = [];
    for (const [kind, { mutants, first }] of [...this.kinds].sort((a, b) => b[1].mutants.length - a[1].mutants.length)) {
      const small = SHRINK ? await shrink(first.mutant, kind) : first.mutant;
      parts.push(
        [
          `✖ ${kind}: ${mutants.length} mutant(s), e.g. ${mutants.sort((a, b) => a - b).slice(0, 8).join(', ')}`,
          `  ${first.detail}`,
          `  replay: ${replay([first.mutant.index])}`,
          describeMutant(small, { complete: SHRINK }).replace(/^/gm, '  '),
        ].join('\n'),
      );
    }
    return parts.join('\n\n');
  }
}

describe(`fuzz: ${INDEXES.length} mutated handbooks (seed ${SEED})`, () => {
  let folder: FuzzFolder;
  /** Two content folders, so one mutant's check can run while the other's waits on the disk. */
  let lanes: MutantFolder[];
  let steps: BuildSteps;
  /** Mutants `check` passed, for the real builds. */
  const passing: number[] = [];

  beforeAll(async () => {
    folder = createFuzzFolder();
    lanes = [new MutantFolder(folder, 'lane-0'), new MutantFolder(folder, 'lane-1')];
    steps = new BuildSteps(await markdownProcessor('/'));
  });
  afterAll(() => folder?.remove(), 60_000);

  it('starts from handbooks that pass check and build', async () => {
    for (const [index] of SEED_HANDBOOKS.entries()) {
      const mutant: Mutant = { index: -1 - index, seed: SEED, base: SEED_HANDBOOKS[index]!, entries: new Map(Object.entries(SEED_HANDBOOKS[index]!).map(([file, text]) => [file, { type: 'file', bytes: Buffer.from(text) }])), operations: [] };
      const { failures, passed } = await examineMutant(mutant, lanes[0]!, steps);
      expect(failures).toEqual([]);
      expect(passed).toBe(true);
    }
  });

  it('turns one folder into each mutant in turn, exactly as writing it afresh would', () => {
    const reused = new MutantFolder(folder, 'reused');
    for (let index = 0; index < 60; index++) {
      const mutant = mutateHandbook(SEED, index);
      const fresh = writeMutant(mutant, folder, `fresh-${index}`);
      expect(listing(reused.become(mutant)), describeMutant(mutant)).toEqual(listing(fresh));
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it(
    'check never throws; positions are inside their files; messages and outputs are plain text; what passes renders',
    async () => {
      const log = new FailureLog();
      const started = performance.now();
      const cpu = process.cpuUsage();
      let slowest = { ms: 0, index: -1 };
      let peakRss = 0;
      let next = 0;
      const lane = async (content: MutantFolder) => {
        while (next < INDEXES.length) {
          const index = INDEXES[next++]!;
          const mutant = mutateHandbook(SEED, index);
          const { failures, passed, checkMs } = await examineMutant(mutant, content, steps);
          if (ONLY) console.log(`${describeMutant(mutant)}\n  passed: ${passed}\n${failures.map((f) => `  ✖ ${f.kind}: ${f.detail}`).join('\n')}`);
          if (passed) passing.push(index);
          log.add(mutant, failures);
          if (checkMs > slowest.ms) slowest = { ms: checkMs, index };
          if (index % 10 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }
      };
      await Promise.all(lanes.map(lane));
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      passing.sort((a, b) => a - b);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { user, system } = process.cpuUsage(cpu);
      console.log(
        `fuzz seed ${SEED}: ${INDEXES.length} handbooks in ${seconds} s (${((user + system) / 1e6).toFixed(1)} s of CPU), ${passing.length} passed check and went through the build steps; ` +
          `slowest check ${Math.round(slowest.ms)} ms (mutant ${slowest.index}); peak RSS ${Math.round(peakRss / 2 ** 20)} MB; ${log.kinds.size} kind(s) of failure`,
      );
      // Too few passing mutants would leave the build steps untested.
      if (!ONLY) expect(passing.length).toBeGreaterThan(INDEXES.length / 10);
      const report = await log.report((mutant, kind) => shrinkMutant(mutant, kind, lanes[0]!, steps));
      expect(report, `seed ${SEED}; replay one mutant with the command under it`).toBe('');
    },
    60_000 + INDEXES.length * 100,
  );

  it.runIf(CLI_SAMPLE > 0)('npm run check -- --format json: exit 0 or 1 and valid JSON, for a sample', async () => {
    const random = new Random(SEED, -1);
    const sample = Array.from({ length: Math.min(CLI_SAMPLE, INDEXES.length) }, () => random.pick(INDEXES));
    const problems: string[] = [];
    const runOne = async (index: number, position: number) => {
      const mutant = mutateHandbook(SEED, index);
      const contentDir = writeMutant(mutant, folder, `cli-${position}`);
      const { status, stdout, stderr } = await runCheckJson(contentDir);
      const fail = (what: string) => problems.push(`mutant ${index} (${replay([index])}): ${what}\n${describeMutant(mutant)}`);
      if (status !== 0 && status !== 1) return fail(`exit ${status}, stderr ${visible(stderr, 400)}`);
      if (stderr !== '') fail(`stderr ${visible(stderr, 400)}`);
      let output: { diagnostics: Parameters<typeof checkDiagnostics>[1]; summary: Parameters<typeof checkDiagnostics>[2] };
      try {
        output = JSON.parse(stdout);
      } catch {
        return fail(`stdout is not JSON: ${visible(stdout, 400)}`);
      }
      if ((output.summary.errors > 0 ? 1 : 0) !== status) fail(`exit ${status} with ${output.summary.errors} errors`);
      for (const failure of checkDiagnostics(contentDir, output.diagnostics, output.summary)) fail(`${failure.kind}: ${failure.detail}`);
      if (stdout.includes(SECRET)) fail('quotes a file outside the content folder');
      const control = controlIn(stdout);
      if (control) fail(`prints ${control} raw`);
    };
    // Two at a time, on a machine of two cores.
    for (let i = 0; i < sample.length; i += 2) await Promise.all(sample.slice(i, i + 2).map((index, offset) => runOne(index, i + offset)));
    expect(problems.join('\n\n')).toBe('');
  }, 120_000);

  it.runIf(BUILDS > 0)('npm run build: a handbook check passed builds, with no script URL on any page', () => {
    const random = new Random(SEED, -2);
    const chosen = passing.length === 0 ? [] : Array.from({ length: Math.min(BUILDS, passing.length) }, () => random.pick(passing));
    // A replay of a few mutants may hold none that passes; a whole run always does.
    if (!ONLY) expect(chosen.length, 'the fuzz run found no handbook that passes check').toBeGreaterThan(0);
    for (const index of chosen) {
      const mutant = mutateHandbook(SEED, index);
      const contentDir = writeMutant(mutant, folder, `build-${index}`);
      const out = path.join(folder.root, `site-${index}`);
      const { status, stderr } = runBuild('--content', contentDir, '--out', out);
      const about = `mutant ${index} (${replay([index])})\n${describeMutant(mutant)}`;
      expect(status, `${about}\n${stderr}`).toBe(0);
      const pages = (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const html = readFileSync(path.join(out, page), 'utf8');
        // The site's own pages have scripts (search); only URLs are judged here, bodies were judged in full above.
        expect(unsafeTag(html, { markup: false }), `${page} of ${about}`).toBeUndefined();
        expect(html.includes(SECRET), `${page} of ${about}`).toBe(false);
      }
      expect(() => JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8'))).not.toThrow();
      expect(statSync(path.join(out, 'pagefind')).isDirectory()).toBe(true);
    }
  }, 240_000);
});

/** Every path under `dir` with what it is: a file's bytes, a link's target, or a folder. */
function listing(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    const absolute = path.join(dir, file);
    const stat = lstatSync(absolute);
    entries[file] = stat.isSymbolicLink() ? `link ${readlinkSync(absolute)}` : stat.isDirectory() ? 'folder' : readFileSync(absolute).toString('hex');
  }
  return entries;
}

/** The real `okr-handbook check`, spawned as a user or CI would run it. */
function runCheckJson(contentDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COMMAND, 'check', '--content', contentDir, '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
