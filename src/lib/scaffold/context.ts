import type { Kind } from '../load/walk-content.js';
import type { Handbook, Person } from '../model/handbook.js';
import type { Inputs, Question } from './inputs.js';
import { judgeNewId, proposeId } from './new-id.js';
import { judgePerson } from './person-field.js';
import { judgeAccepted } from './values.js';

/** What a kind of file needs to know to write itself. */
export interface ScaffoldContext {
  contentDir: string;
  /** The handbook as it stands, loaded and resolved by `checkHandbook`. */
  handbook: Handbook;
  /** Ids in use in each kind folder, with their files, broken files included. */
  taken: Record<Kind, ReadonlyMap<string, string>>;
  /** Key-result ids in use across the handbook, with their files. */
  keyResultIds: ReadonlyMap<string, string>;
  /** The date written as "today" (`--date`, else today in UTC). */
  today: string;
  inputs: Inputs;
}

/** A file to create, or (for a key result) the new text of an existing one. */
export interface Planned {
  /** Relative to the content folder, `/`-separated. */
  file: string;
  text: string;
  /** For a change to an existing file: the text it had when it was read. */
  replaces?: string;
  /** Said after the file is written. */
  notes: string[];
}

/** One `npm run new -- <kind>`. */
export interface ScaffoldKind {
  name: string;
  /** One line for the general usage. */
  summary: string;
  /** The flags of this kind, as shown by `--help`. */
  usage: string;
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags without which nothing can be written (when nobody can be asked). */
  required: readonly string[];
  plan(context: ScaffoldContext): Promise<Planned>;
}

/** `--id`, offered as the slug of the name or title when not given. */
export function idQuestion(context: ScaffoldContext, what: string, taken: ReadonlyMap<string, string>, from: string): Question<string> {
  return { flag: 'id', prompt: `Id of the ${what}`, fallback: proposeId(from), judge: (raw) => judgeNewId(raw, what, taken) };
}

/** A field that must name one person. */
export function personQuestion(context: ScaffoldContext, flag: string, field: string, fallback?: string): Question<Person> {
  return {
    flag,
    prompt: `${field[0]!.toUpperCase()}${field.slice(1)} (a person id)`,
    fallback,
    judge: (raw) => judgePerson(raw, field, context.handbook, context.today),
  };
}

/** `--accepted`: only ever from the flag, since only the owner can accept. */
export function acceptedFlag(context: ScaffoldContext, flag = 'accepted'): string | undefined {
  return context.inputs.optional({ flag, judge: (raw) => judgeAccepted(raw, context.today) });
}

/** The comment on a blank `accepted:`: who fills it, and what the check says meanwhile. */
export function acceptedComment(owner: string): string {
  return `for ${owner} to fill in: the day they accept, YYYY-MM-DD; until then npm run check reports owner-accepted`;
}
