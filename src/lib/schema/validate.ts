import { z } from 'zod';
import { at, type PathSegment, type Problem } from '../problem.js';
import { isCalendarDate } from '../dates.js';
import { slugify } from '../ids.js';
import { closestMatch, didYouMean } from '../suggest.js';
import { describeValue, quoteName } from './describe-value.js';
import { dateSchema, idSchema, webUrlSchema } from './fields.js';
import { fixWebUrl } from './link-url.js';

export interface UnitResult<T> {
  /** The parsed value, when the unit is valid. */
  data?: T;
  problems: Problem[];
}

/**
 * Validates one unit of a file (a whole cycle, an objective's own fields, a
 * single key result, a single check-in update...) and turns zod's issues
 * into problems that point into the file. Validating unit by unit means one
 * broken key result does not hide its siblings.
 */
export function validateUnit<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  prefix: readonly PathSegment[] = [],
  { reportMissing = true }: { reportMissing?: boolean } = {},
): UnitResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems: IssueProblem[] = [];
  for (const issue of result.error.issues) describeIssue(issue, schema, value, file, prefix, problems);
  // `titel:` for `title:` is one mistake: the misspelt key is reported, the "missing" field is not.
  const misspelt = new Set<string>();
  for (const problem of problems) if (problem.suggests) misspelt.add(problem.suggests);
  const kept: Problem[] = [];
  for (const { suggests, missing, ...problem } of problems) {
    if (missing === undefined || (reportMissing && !misspelt.has(missing))) kept.push(problem);
  }
  return { problems: kept };
}

/** `keyResults[1].metric.target` */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

/** A problem with what is needed to merge a misspelt key with the field it was meant to be. */
type IssueProblem = Problem & { suggests?: string; missing?: string };

function describeIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  root: unknown,
  file: string,
  prefix: readonly PathSegment[],
  out: IssueProblem[],
): void {
  const local = issue.path as PathSegment[];
  const path = [...prefix, ...local];
  const field = formatPath(path);

  if (issue.code === 'unrecognized_keys') {
    // A file may hold 100 000 unknown keys: what is the same for all of them is built once.
    const allowed = fieldNamesAt(schema, local);
    const where = field ? ` in \`${field}\`` : '';
    const noMatchHint = `Remove it, or move its text into the body. Allowed fields here: ${allowed.join(', ')}.`;
    for (const key of issue.keys) {
      const match = closestMatch(key, allowed);
      const problem: IssueProblem = {
        rule: 'schema',
        file,
        anchor: at.key(...path, key),
        message: key === '' ? `A field${where} has an empty (null) name.` : `Unknown field ${quoteName(key)}${where}.`,
        hint: match ? `Did you mean \`${match}\`?` : noMatchHint,
      };
      if (match) problem.suggests = formatPath([...path, match]);
      out.push(problem);
    }
    return;
  }
  for (const problem of describeValueIssue(issue, schema, root, file, path, local, field)) out.push(problem);
}

function describeValueIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  root: unknown,
  file: string,
  path: readonly PathSegment[],
  local: readonly PathSegment[],
  field: string,
): IssueProblem[] {
  if (issue.code === 'custom' && issue.params?.at === 'key' && typeof issue.params.hint === 'string') {
    // A check across fields that names the field in the wrong (a second kind of key result): its whole message is written.
    return [{ rule: 'schema', file, anchor: at.key(...path), message: issue.message, hint: issue.params.hint }];
  }
  const value = valueAt(root, local);
  const expected = expectedAt(schema, local);
  if (value === undefined) {
    const parent = path.slice(0, -1);
    const name = String(path[path.length - 1]);
    return [
      {
        rule: 'schema',
        file,
        anchor: at.map(...parent),
        missing: field,
        message: `Required field \`${name}\` is missing${parent.length ? ` in \`${formatPath(parent)}\`` : ''}.`,
        hint: `Add \`${name}:\` with ${expected.what}.`,
      },
    ];
  }
  if (issue.code === 'custom' && expected.what === 'a mapping of fields') {
    // A check across fields, such as a scale whose `min` is not below its `max`.
    const hint = typeof issue.params?.hint === 'string' ? issue.params.hint : 'Correct the values as described.';
    return [{ rule: 'schema', file, anchor: at.value(...path), message: `\`${field}\` ${issue.message}.`, hint }];
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && typeof value === 'number') {
    // A number out of its field's bounds: say the bound, not merely "a number".
    const [bound, limit] =
      issue.code === 'too_big'
        ? [issue.inclusive ? 'at most' : 'below', `${issue.inclusive ? 'no greater than' : 'below'} ${issue.maximum}`]
        : [issue.inclusive ? 'at least' : 'above', `${issue.inclusive ? 'no less than' : 'above'} ${issue.minimum}`];
    const must = issue.message.startsWith('must ') ? issue.message : `must be ${bound} ${issue.code === 'too_big' ? issue.maximum : issue.minimum}`;
    return [{ rule: 'schema', file, anchor: at.value(...path), message: `\`${field}\` ${must}, not ${value}.`, hint: `Write a number ${limit}.` }];
  }
  const found = describeValue(value);
  return [
    {
      rule: 'schema',
      file,
      anchor: at.value(...path),
      message: `\`${field}\` must be ${expected.what}, not ${found}.`,
      hint: expected.fix(value),
    },
  ];
}

/** What a field expects, in words, and how to turn a wrong value into a right one. */
interface Expectation {
  what: string;
  fix: (value: unknown) => string;
}

function expectedAt(schema: z.ZodType, path: readonly PathSegment[]): Expectation {
  const node = schemaAt(schema, path);
  if (node === dateSchema) {
    return { what: 'a date written YYYY-MM-DD', fix: fixDate };
  }
  if (node === idSchema) {
    const isKeyResultId = path[path.length - 1] === 'id';
    return {
      what: 'an id (1-64 characters of a-z, 0-9 and `-`)',
      fix: (value) => {
        const suggestion = typeof value === 'string' ? slugify(value) : '';
        const example = isKeyResultId ? 'a key-result id such as `d7-activation`' : 'the file name of what it refers to, without `.md`';
        return suggestion && suggestion !== value ? `Write ${example}: perhaps \`${suggestion}\`.` : `Write ${example}.`;
      },
    };
  }
  if (node instanceof z.ZodEnum) {
    const options = node.options.map(String);
    return {
      what: `one of ${options.map((option) => `\`${option}\``).join(', ')}`,
      fix: (value) => `Use one of: ${options.map((option) => `\`${option}\``).join(', ')}.${typeof value === 'string' ? didYouMean(value, options) : ''}`,
    };
  }
  if (node instanceof z.ZodLiteral) {
    const values = [...node.values].map((value) => `\`${String(value)}\``).join(' or ');
    return { what: values, fix: () => `Write ${values}, or leave the field out.` };
  }
  if (node instanceof z.ZodNumber) return { what: 'a number', fix: () => 'Write a plain number without quotes or units, e.g. `0.7` or `55`.' };
  if (node instanceof z.ZodArray) return { what: 'a list', fix: () => 'Write a list, one `- item` per line.' };
  if (node instanceof z.ZodObject) return { what: 'a mapping of fields', fix: () => 'Write `field: value` lines, indented under this key.' };
  if (node === webUrlSchema) return { what: 'a web address starting with `https://` or `http://`', fix: fixWebUrl };
  // zod's string formats are not ZodStrings. A link from content uses webUrlSchema, never z.url(), which takes `javascript:`.
  if (node instanceof z.ZodEmail) return { what: 'an e-mail address', fix: fixEmail };
  if (node instanceof z.ZodString) {
    return { what: 'text', fix: (value) => (value === null || value === '' ? 'Write some text after the colon.' : 'Quote the text if it looks like a number, a date or `true`/`false`.') };
  }
  return { what: 'a valid value', fix: () => 'Correct the value as the content format describes.' };
}

/** The site makes the `mailto:` link itself: an address written as one is shown without it. */
function fixEmail(value: unknown): string {
  const address = typeof value === 'string' ? /^\s*mailto:(\S+@\S+?)\s*$/i.exec(value)?.[1] : undefined;
  if (address) return `Write the address alone: \`${address}\`; the site links it.`;
  return 'Write an address such as `name@example.com`.';
}

/** `2026-7-1` becomes `2026-07-01`; an impossible day is said to be one. */
function fixDate(value: unknown): string {
  const parts = typeof value === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim()) : null;
  if (parts) {
    const padded = `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
    if (isCalendarDate(padded)) return `Write it with two-digit month and day: \`${padded}\`.`;
    return `\`${padded}\` is not a day of the calendar; check the month and day.`;
  }
  return 'Write the date as year, month and day with dashes, e.g. `2026-07-01`.';
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/** The schema that validates the value at `path`, unwrapped from optional and default. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (node instanceof z.ZodObject && typeof segment === 'string') node = unwrap(node.shape[segment]);
    else if (node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
    else node = undefined;
  }
  return node;
}

/** The field names the object schema at `path` accepts, for "did you mean". */
export function fieldNamesAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const node = schemaAt(schema, path);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) {
    node = node.unwrap() as z.ZodType;
  }
  return node;
}
