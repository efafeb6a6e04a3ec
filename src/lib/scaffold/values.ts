import { isCalendarDate } from '../dates.js';
import { didYouMean } from '../suggest.js';
import type { Verdict } from './inputs.js';

/** Free text such as a title or a name: anything but blank. */
export function judgeText(raw: string): Verdict<string> {
  const text = raw.trim();
  return text === '' ? { error: 'This must not be empty.' } : { value: text };
}

/** A calendar date written `YYYY-MM-DD`. */
export function judgeDate(raw: string): Verdict<string> {
  const date = raw.trim();
  return isCalendarDate(date) ? { value: date } : { error: `\`${date}\` is not a date written YYYY-MM-DD, such as \`2026-07-01\`.` };
}

/** `--accepted`: a date, or `today` for an owner who accepts as they run the command. */
export function judgeAccepted(raw: string, today: string): Verdict<string> {
  return raw.trim() === 'today' ? { value: today } : judgeDate(raw);
}

/** A plain number such as `32` or `0.7`. */
export function judgeNumber(raw: string): Verdict<number> {
  const text = raw.trim().replace(/%$/, '');
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? { value } : { error: `\`${raw}\` is not a number; write it plainly, e.g. \`32\` or \`0.7\`.` };
}

/** One of a fixed set of words. */
export function judgeChoice<T extends string>(raw: string, choices: readonly T[]): Verdict<T> {
  const value = raw.trim() as T;
  return choices.includes(value) ? { value } : { error: `Use one of ${choices.map((choice) => `\`${choice}\``).join(', ')}.${didYouMean(value, choices)}` };
}

/** The id of an existing entity of one kind, with a did-you-mean. */
export function judgeReference<T>(raw: string, what: string, known: ReadonlyMap<string, T>): Verdict<T> {
  const id = raw.trim();
  const found = known.get(id);
  if (found !== undefined) return { value: found };
  return { error: `There is no ${what} \`${id}\`.${didYouMean(id, known.keys()) || ` Known: ${[...known.keys()].slice(0, 8).map((k) => `\`${k}\``).join(', ') || 'none yet'}.`}` };
}

/** A comma-separated list: `--synonyms "OKR accountable, Owner"`. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
