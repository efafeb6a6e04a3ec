// Child-process measurement: the parent spawns one fresh Node process per
// measurement (so peak RSS belongs to that measurement alone), and the child
// reports its own wall time and peak RSS on a tagged stdout line.
import { spawnSync } from 'node:child_process';

const TAG = 'BENCH_RESULT ';

export interface ChildReport {
  /** Time spent in the measured work only, after imports. */
  wallMs: number;
  /** Peak resident set size of the child, in MB. */
  peakRssMb: number;
  [extra: string]: unknown;
}

export interface Measurement extends ChildReport {
  /** Whole child lifetime as seen by the parent: start-up, imports, work, exit. */
  totalMs: number;
}

/** In the child: times `work` and prints the tagged report line. */
export async function reportFromChild(work: () => Promise<Record<string, unknown>>): Promise<void> {
  const start = performance.now();
  const extra = await work();
  const wallMs = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  process.stdout.write(`${TAG}${JSON.stringify({ ...extra, wallMs, peakRssMb })}\n`);
}

/** In the parent: runs `node --import tsx <script> ...args` and returns the child's report. */
export function measureInChild(script: string, args: string[], cwd: string): Measurement {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const totalMs = performance.now() - start;
  const line = child.stdout?.split('\n').find((l) => l.startsWith(TAG));
  if (child.status !== 0 || !line) {
    throw new Error(
      `child ${args.join(' ')} failed (status ${child.status}, signal ${child.signal}):\n${child.stderr}${child.stdout}`,
    );
  }
  return { ...(JSON.parse(line.slice(TAG.length)) as ChildReport), totalMs };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
