import { performance } from 'node:perf_hooks';
import { checkHandbook, type CheckResult } from '../../../src/lib/check-handbook.js';
import { formatGithub } from '../../../src/lib/format/format-github.js';
import { formatJson } from '../../../src/lib/format/format-json.js';
import { formatPretty } from '../../../src/lib/format/format-pretty.js';
import type { BuildSteps } from './build-steps.js';
import { checkDiagnostics, checkOutputs, type Failure } from './check-invariants.js';
import { visible } from './visible.js';
import type { Entry, Mutant } from './mutate-handbook.js';
import type { MutantFolder } from './write-mutant.js';

/** The date the fuzzed handbooks are checked on; the seed handbooks set `asOf` to it too. */
export const TODAY = '2026-08-20';

/** A check of a handbook this small that takes longer than this, twice, is a failure of its own. */
export const SLOW_CHECK_MS = Number(process.env.FUZZ_SLOW_MS) || 3_000;

export interface Examination {
  failures: Failure[];
  /** Whether `check` passed (no errors), so the build steps ran. */
  passed: boolean;
  checkMs: number;
}

/**
 * Everything the fuzz test asserts about one mutant: `check` does not throw
 * and is not slow, its diagnostics and outputs keep their promises, and
 * when it passes, the build's content steps succeed.
 */
export async function examineMutant(mutant: Mutant, folder: MutantFolder, steps: BuildSteps): Promise<Examination> {
  const contentDir = folder.become(mutant);
  const started = performance.now();
  let result: CheckResult;
  try {
    result = await checkHandbook({ contentDir, today: TODAY });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    return { failures: [{ kind: `check threw ${error instanceof Error ? error.name : typeof error}`, detail: visible(text, 300) }], passed: false, checkMs: performance.now() - started };
  }
  let checkMs = performance.now() - started;
  if (checkMs > SLOW_CHECK_MS) {
    // Timed again before it counts: on a busy machine one slow run can be someone else's doing.
    const again = performance.now();
    await checkHandbook({ contentDir, today: TODAY }).catch(() => undefined);
    checkMs = Math.min(checkMs, performance.now() - again);
  }
  const failures = checkDiagnostics(contentDir, result.diagnostics, result.summary);
  if (checkMs > SLOW_CHECK_MS) failures.push({ kind: `check slower than ${SLOW_CHECK_MS} ms`, detail: `${Math.round(checkMs)} ms` });
  try {
    const outputs = {
      pretty: formatPretty(result.diagnostics, result.summary, { color: false, texts: result.texts }),
      github: formatGithub(result.diagnostics, 'content'),
      json: formatJson(result.diagnostics, result.summary),
    };
    failures.push(...checkOutputs(outputs, result));
  } catch (error) {
    failures.push({ kind: 'formatting the diagnostics threw', detail: visible(String(error)) });
  }
  const passed = result.summary.errors === 0;
  if (passed) failures.push(...(await steps.run(contentDir, result)));
  return { failures, passed, checkMs };
}

/**
 * Makes a failing mutant as small as it goes while it still fails with
 * `kind`: files back to their seed text or gone, then lines of the changed
 * files removed, halves first. For the report's reproducers; bounded in tries.
 */
export async function shrinkMutant(mutant: Mutant, kind: string, folder: MutantFolder, steps: BuildSteps, maxTries = 300): Promise<Mutant> {
  let tries = 0;
  let current = mutant;
  const fails = async (candidate: Mutant) => {
    tries++;
    const { failures } = await examineMutant(candidate, folder, steps);
    return failures.some((failure) => failure.kind === kind);
  };
  const withEntries = (entries: Map<string, Entry>): Mutant => ({ ...current, entries, operations: [...mutant.operations, '(shrunk)'] });

  // Whole files: back to the seed text, then (a second pass) removed.
  for (const pass of ['restore', 'remove'] as const) {
    for (const file of [...current.entries.keys()]) {
      if (tries >= maxTries) break;
      const seedText = current.base[file];
      const entry = current.entries.get(file)!;
      const asInSeed = entry.type === 'file' && entry.bytes.toString() === seedText;
      const entries = new Map(current.entries);
      if (pass === 'restore' && seedText !== undefined && !asInSeed) entries.set(file, { type: 'file', bytes: Buffer.from(seedText) });
      else if (pass === 'remove') entries.delete(file);
      else continue;
      const candidate = withEntries(entries);
      if (await fails(candidate)) current = candidate;
    }
  }
  // Lines of the files that differ from the seed, split on line feeds as bytes so invalid UTF-8 stays as it is.
  for (const [file, entry] of current.entries) {
    if (entry.type !== 'file' || current.base[file] === entry.bytes.toString()) continue;
    let lines = splitLines(entry.bytes);
    for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && tries < maxTries; chunk >>= 1) {
      for (let start = 0; start < lines.length && tries < maxTries; ) {
        const fewer = [...lines.slice(0, start), ...lines.slice(start + chunk)];
        const candidate = withEntries(new Map(current.entries).set(file, { type: 'file', bytes: Buffer.concat(fewer) }));
        if (await fails(candidate)) {
          current = candidate;
          lines = fewer;
        } else start += chunk;
      }
    }
  }
  return current;
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}
