/**
 * What the value of an ownership field (`owner`, `sponsor`, `facilitator`)
 * amounts to. The ownership rules turn each verdict into one diagnostic;
 * the model accepts only `person`.
 */
export type OwnerVerdict =
  | { kind: 'person'; id: string }
  | { kind: 'missing' }
  | { kind: 'list'; items: unknown[] }
  | { kind: 'several'; names: string[] }
  | { kind: 'team'; id: string }
  | { kind: 'collective'; word: string }
  | { kind: 'unknown'; text: string }
  | { kind: 'not-text' };

export interface OwnerDirectory {
  people: ReadonlySet<string>;
  teams: ReadonlySet<string>;
}

/** Words that name a group or nobody rather than one accountable person. */
export const COLLECTIVE_WORDS = [
  'team',
  'teams',
  'squad',
  'everyone',
  'everybody',
  'all',
  'nobody',
  'none',
  'tbd',
  'tba',
  'tbc',
  'todo',
  'unassigned',
  'n/a',
  'na',
  'group',
  'department',
  'leadership',
  'management',
  'us',
  'we',
];
const COLLECTIVE = new Set(COLLECTIVE_WORDS);
const COLLECTIVE_PHRASE = /^(?:n\/a|\?+|-+)$/;

/** "a and b", "a, b", "a/b", "a & b", "a + b", "a; b" */
const SEVERAL = /\s+(?:and|or)\s+|\s*[,&/+;|]\s*/i;

export function judgeOwner(value: unknown, directory: OwnerDirectory): OwnerVerdict {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (Array.isArray(value)) return value.length === 0 ? { kind: 'missing' } : { kind: 'list', items: value };
  if (typeof value !== 'string') return { kind: 'not-text' };
  const text = value.trim();
  if (text === '') return { kind: 'missing' };
  if (directory.people.has(text)) return { kind: 'person', id: text };
  if (directory.teams.has(text)) return { kind: 'team', id: text };

  const lower = text.toLowerCase();
  if (COLLECTIVE.has(lower) || COLLECTIVE_PHRASE.test(lower)) return { kind: 'collective', word: text };
  const names = text.split(SEVERAL).map((name) => name.trim()).filter(Boolean);
  if (names.length > 1) return { kind: 'several', names };
  const words = lower.split(/[\s_-]+/);
  const collectiveWord = words.find((word) => COLLECTIVE.has(word) && word.length > 2);
  if (collectiveWord && words.length > 1) return { kind: 'collective', word: text };
  return { kind: 'unknown', text };
}

/**
 * `judgeOwner` for one directory, remembering verdicts on text: the same
 * few hundred ids fill every ownership field of a handbook.
 */
export function createOwnerJudge(directory: OwnerDirectory): (value: unknown) => OwnerVerdict {
  const verdicts = new Map<string, OwnerVerdict>();
  return (value) => {
    if (typeof value !== 'string') return judgeOwner(value, directory);
    let verdict = verdicts.get(value);
    if (verdict === undefined) {
      verdict = judgeOwner(value, directory);
      verdicts.set(value, verdict);
    }
    return verdict;
  };
}
