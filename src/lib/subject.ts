import type { PathSegment } from './problem.js';
import { fieldIdentity, type ValueAt } from './schema/describe-path.js';

/**
 * What a problem is about, apart from its wording and its line: the key
 * result, person, review or field it concerns. With the file and the rule
 * it is the problem's identity, which the ownership diff matches problems
 * by (a count or a list in the message may change; the problem is the
 * same) and which the site flags key results by.
 *
 * Entities are named by kind and id (`key result q3-nrr`, `person
 * priya-nair in 2026-q3`); a field by its path in its file, list items
 * named where they have a name (`field keyResults.q3-nrr.owner`).
 */
export const subjectOf = {
  keyResult: (id: string) => `key result ${id}`,
  person: (id: string, cycle?: string) => (cycle === undefined ? `person ${id}` : `person ${id} in ${cycle}`),
  review: (id: string) => `review ${id}`,
  team: (id: string) => `team ${id}`,
  objective: (id: string) => `objective ${id}`,
  cycle: (id: string) => `cycle ${id}`,
  field: (path: readonly PathSegment[], valueAt?: ValueAt) => `field ${fieldIdentity(path, valueAt)}`,
  /** The file as a whole (a syntax error, an unreadable file). */
  file: () => 'file',
};

/** The key result a subject names, if it names one: the site flags it there. */
export function keyResultOfSubject(subject: string): string | undefined {
  return subject.startsWith('key result ') ? subject.slice('key result '.length) : undefined;
}

/**
 * The identity of a problem across two versions of a handbook. A problem
 * about a field, or a whole file, is told apart by its file; one about an
 * entity of the handbook is not, since ids are unique and the file it is
 * shown in may be chosen among several (a person's load is shown at one of
 * their key results, which changes when one is handed over).
 */
export function problemIdentity(problem: { file: string; rule: string; subject: string }): string {
  const local = problem.subject === 'file' || problem.subject.startsWith('field ');
  return `${problem.rule}\u0000${local ? problem.file : ''}\u0000${problem.subject}`;
}
