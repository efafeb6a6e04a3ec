import { UsageError } from '../cli/parse-arguments.js';

/** A value the user gave that cannot be used (a bad or taken id, an unknown person): exit code 1. */
export class ScaffoldError extends Error {}

/** Asks the person at the terminal; absent when nobody can answer (a script, CI, a test). */
export interface Asker {
  /** Shows `question` and returns the answer as typed. */
  ask(question: string): Promise<string>;
  /** Tells the person something, such as why an answer was refused. */
  tell(message: string): void;
}

/** The verdict on one raw value: the value to use, or why it cannot be used. */
export type Verdict<T> = { value: T } | { error: string };

export interface Question<T> {
  /** The flag that answers it, e.g. `owner` for `--owner`. */
  flag: string;
  /** What is asked at the terminal, e.g. `Owner (a person id)`. */
  prompt: string;
  /** Used when the flag is absent (and offered at the prompt). */
  fallback?: string | undefined;
  judge: (raw: string) => Verdict<T>;
}

/**
 * Where each value comes from: its flag, else the person at the terminal,
 * else the fallback. A bad flag is an error; a bad answer at the prompt is
 * asked again.
 */
export class Inputs {
  constructor(
    private readonly flags: ReadonlyMap<string, string | true>,
    private readonly asker: Asker | undefined,
  ) {}

  /** The raw text of a flag, if given. */
  raw(flag: string): string | undefined {
    const value = this.flags.get(flag);
    return typeof value === 'string' ? value : undefined;
  }

  /** A value the file needs: from the flag, the prompt or the fallback; missing without a terminal is a usage error. */
  async require<T>(question: Question<T>): Promise<T> {
    const given = this.raw(question.flag);
    if (given !== undefined) return settle(question, given);
    if (!this.asker) {
      if (question.fallback !== undefined) return settle(question, question.fallback);
      throw new UsageError(`Missing \`--${question.flag}\` (${question.prompt.toLowerCase()}).`);
    }
    for (;;) {
      const offered = question.fallback === undefined ? '' : ` [${question.fallback}]`;
      const answer = (await this.asker.ask(`${question.prompt}${offered}: `)).trim() || question.fallback;
      if (answer === undefined || answer === '') {
        this.asker.tell('  An answer is needed here.');
        continue;
      }
      const verdict = question.judge(answer);
      if ('value' in verdict) return verdict.value;
      this.asker.tell(`  ${verdict.error}`);
    }
  }

  /** A value the file may leave out: only ever from its flag. */
  optional<T>(question: Omit<Question<T>, 'prompt' | 'fallback'>): T | undefined {
    const given = this.raw(question.flag);
    return given === undefined ? undefined : settle(question, given);
  }
}

function settle<T>(question: Pick<Question<T>, 'flag' | 'judge'>, raw: string): T {
  const verdict = question.judge(raw);
  if ('value' in verdict) return verdict.value;
  throw new ScaffoldError(`\`--${question.flag}\`: ${verdict.error}`);
}
