// Runs one command as a fresh process under GNU `/usr/bin/time -v` and
// returns its wall time and peak resident set size, two ways:
// - peakRssMb: GNU time's "Maximum resident set size", the kernel's
//   ru_maxrss: the largest *single* process among the command and its
//   waited-for descendants, exact but not a sum over processes;
// - treePeakRssMb: the sum of VmRSS over the command's process group,
//   sampled every SAMPLE_MS from /proc, which sees a helper process (such as
//   Pagefind's binary) and Node at the same time, but can miss a short peak.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const SAMPLE_MS = 250;

export const GNU_TIME = '/usr/bin/time';

export interface CommandResult {
  ok: boolean;
  /** Wall time from spawn to exit, as seen by the parent, in ms. */
  wallMs: number;
  /**
   * CPU time (user + system) of the command and the children it waited for
   * (git, Pagefind), worker threads included, from GNU time, in ms; NaN if
   * unknown. Steadier than wall time on a shared machine.
   */
  cpuMs: number;
  /** Peak RSS in MB (MiB) of the largest single process, from GNU time, or NaN if unknown. */
  peakRssMb: number;
  /** Peak of the summed RSS of the whole process group in MB (MiB), sampled; NaN without /proc. */
  treePeakRssMb: number;
  /** What made up that sampled peak, e.g. "node 5,100 + pagefind 1,800 MB". */
  treePeakParts: string;
  /** Sampled peak RSS per command name in MB (MiB), each at its own moment, e.g. { node: 1600, pagefind_extend: 5200 }. */
  peakByName: Record<string, number>;
  status: number | null;
  /** The signal that ended the command ("SIGKILL", or "signal 9" as GNU time reports it), if any. */
  signal: string | null;
  /** True when the parent killed the command after the timeout. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command (its whole process group) after this many ms; 0 for none. */
  timeoutMs?: number;
  /** Where GNU time writes its report (overwritten). */
  timeReportFile: string;
}

// The process group of the command running now, so Ctrl-C in the parent can
// stop it too (the command runs in its own group, see `detached` below).
let running: number | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    if (running !== undefined) {
      try {
        process.kill(-running, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

export function assertGnuTime(): void {
  if (!existsSync(GNU_TIME)) {
    throw new Error(`${GNU_TIME} (GNU time) is needed to measure peak memory; install it (Debian/Ubuntu: apt-get install time)`);
  }
}

/** VmRSS (KiB) of each process of process group `pgid`, by command name; empty without /proc. */
function groupRss(pgid: number): { name: string; kb: number }[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const parts: { name: string; kb: number }[] = [];
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after "(comm)", which may itself hold spaces: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (rss) parts.push({ name, kb: Number(rss[1]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return parts;
}

function describeParts(parts: { name: string; kb: number }[]): string {
  const big = parts.filter((p) => p.kb >= 10 * 1024).sort((a, b) => b.kb - a.kb);
  return `${big.map((p) => `${p.name} ${Math.round(p.kb / 1024).toLocaleString('en-US')}`).join(' + ')} MB`;
}

/** Keeps the last `max` characters of a growing output, so a chatty build cannot fill memory. */
function tailBuffer(max: number) {
  let text = '';
  return {
    add(chunk: Buffer) {
      text += chunk.toString('utf8');
      if (text.length > 2 * max) text = text.slice(-max);
    },
    get: () => text.slice(-max),
  };
}

export async function measureCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  rmSync(options.timeReportFile, { force: true });
  const start = performance.now();
  // detached: its own process group, so a timeout kills node and anything it started.
  const child = spawn(GNU_TIME, ['-v', '-o', options.timeReportFile, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child.pid;
  const stdout = tailBuffer(64 * 1024);
  const stderr = tailBuffer(64 * 1024);
  child.stdout.on('data', stdout.add);
  child.stderr.on('data', stderr.add);

  let treePeakKb = 0;
  let treePeakParts = '';
  const peakByName: Record<string, number> = {};
  const sampler = setInterval(() => {
    const parts = groupRss(child.pid!);
    for (const p of parts) peakByName[p.name] = Math.max(peakByName[p.name] ?? 0, p.kb / 1024);
    const kb = parts.reduce((sum, p) => sum + p.kb, 0);
    if (kb > treePeakKb) {
      treePeakKb = kb;
      treePeakParts = describeParts(parts);
    }
  }, SAMPLE_MS);

  let timedOut = false;
  const timer =
    options.timeoutMs && options.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, options.timeoutMs)
      : undefined;

  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  });
  const wallMs = performance.now() - start;
  if (timer) clearTimeout(timer);
  clearInterval(sampler);
  running = undefined;

  const report = existsSync(options.timeReportFile) ? readFileSync(options.timeReportFile, 'utf8') : '';
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  // GNU time exits with the command's status, and writes "Command terminated by signal N"
  // or "Command exited with non-zero status N" into its report.
  const terminated = /Command terminated by signal (\d+)/.exec(report);
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(report);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(report);
  return {
    ok: status === 0 && !timedOut && !terminated,
    wallMs,
    cpuMs: user && system ? (Number(user[1]) + Number(system[1])) * 1000 : Number.NaN,
    peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
    treePeakRssMb: existsSync('/proc/self/stat') ? treePeakKb / 1024 : Number.NaN,
    treePeakParts,
    peakByName,
    status,
    signal: signal ?? (terminated ? `signal ${terminated[1]}` : null),
    timedOut,
    stdout: stdout.get(),
    stderr: stderr.get(),
  };
}
