import { z } from 'zod';
import { at, type PathSegment, type Problem } from '../problem.js';
import { isCalendarDate } from '../dates.js';
import { slugify } from '../ids.js';
import { closestMatch, didYouMean } from '../suggest.js';
import { subjectOf } from '../subject.js';
import { describePath, describePathCapitalized, fieldIdentity, type ValueAt } from './describe-path.js';
import { describeValue, quoteName } from './describe-value.js';
import { dateSchema, idSchema, webUrlSchema } from './fields.js';
import { fixWebUrl } from './link-url.js';

/** The range a number field runs over, for hints on a number written as a percentage or with quotes. */
export interface NumberScale {
  min: number;
  max: number;
}

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
  {
    reportMissing = true,
    scales = {},
    root,
  }: {
    reportMissing?: boolean;
    scales?: Readonly<Record<string, NumberScale>>;
    /** The whole front matter the unit is part of, to name the items it sits in (an initiative's key result). */
    root?: unknown;
  } = {},
): UnitResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems: IssueProblem[] = [];
  // List items are named in messages by what the unit holds (a key result's `id`, an update's `kr`).
  const inUnit: ValueAt =
    root !== undefined
      ? (path) => valueAt(root, path)
      : (path) => (path.length >= prefix.length && prefix.every((segment, i) => path[i] === segment) ? valueAt(value, path.slice(prefix.length)) : undefined);
  for (const issue of result.error.issues) describeIssue(issue, schema, value, file, prefix, problems, inUnit, scales);
  // `titel:` for `title:` is one mistake: the misspelt key is reported, the "missing" field is not.
  const misspelt = new Set<string>();
  for (const problem of problems) if (problem.suggests) misspelt.add(problem.suggests);
  const kept: Problem[] = [];
  for (const { suggests, missing, ...problem } of problems) {
    if (missing === undefined || (reportMissing && !misspelt.has(missing))) kept.push(problem);
  }
  return { problems: kept };
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
  inUnit: ValueAt,
  scales: Readonly<Record<string, NumberScale>>,
): void {
  const local = issue.path as PathSegment[];
  const path = [...prefix, ...local];
  const field = describePath(path, inUnit);

  if (issue.code === 'unrecognized_keys') {
    // A file may hold 100 000 unknown keys: what is the same for all of them is built once.
    const allowed = fieldNamesAt(schema, local);
    const where = path.length > 0 ? ` in ${field}` : '';
    const noMatchHint = `Remove it, or move its text into the body. Allowed fields here: ${allowed.join(', ')}.`;
    for (const key of issue.keys) {
      const match = closestMatch(key, allowed);
      const problem: IssueProblem = {
        rule: 'schema',
        file,
        anchor: at.key(...path, key),
        subject: subjectOf.field([...path, key], inUnit),
        message: key === '' ? `A field${where} has an empty (null) name.` : `Unknown field ${quoteName(key)}${where}.`,
        hint: match ? `Did you mean \`${match}\`?` : noMatchHint,
      };
      if (match) problem.suggests = fieldIdentity([...path, match]);
      out.push(problem);
    }
    return;
  }
  for (const problem of describeValueIssue(issue, schema, root, file, path, local, inUnit, scales)) {
    problem.subject ??= subjectOf.field(path, inUnit);
    out.push(problem);
  }
}

function describeValueIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  root: unknown,
  file: string,
  path: readonly PathSegment[],
  local: readonly PathSegment[],
  inUnit: ValueAt,
  scales: Readonly<Record<string, NumberScale>>,
): IssueProblem[] {
  if (issue.code === 'custom' && issue.params?.at === 'key' && typeof issue.params.hint === 'string') {
    // A check across fields that names the field in the wrong (a second kind of key result): the message says what of
    // the item it sits in ("The first key result, `q3-sso`, is measured one way, but…").
    const item = describePathCapitalized(path.slice(0, -1), inUnit);
    return [{ rule: 'schema', file, anchor: at.key(...path), message: `${item} ${issue.message}`, hint: issue.params.hint }];
  }
  const value = valueAt(root, local);
  const fieldName = path[path.length - 1];
  const expected = expectedAt(schema, local, typeof fieldName === 'string' ? scales[fieldName] : undefined);
  const field = describePathCapitalized(path, inUnit);
  if (value === undefined) {
    const parent = path.slice(0, -1);
    const name = String(path[path.length - 1]);
    return [
      {
        rule: 'schema',
        file,
        anchor: at.map(...parent),
        missing: fieldIdentity(path),
        message: `Required field \`${name}\` is missing${parent.length ? ` in ${describePath(parent, inUnit)}` : ''}.`,
        hint: `Add \`${name}:\` with ${expected.what}.`,
      },
    ];
  }
  if (issue.code === 'custom' && typeof issue.params?.hint === 'string' && expected.what !== 'a mapping of fields') {
    // A check of its own on one value (a colour's contrast, a path's form): its message and hint say it all.
    // The value in apposition: "`accent.light`, `#7fb0ff`, has a contrast…", "The first item of `customCss`, `../x.css`, must be…".
    const plain = describePath(path, inUnit);
    const subject = `${plain.charAt(0).toUpperCase()}${plain.slice(1)}`;
    const shown = typeof value === 'string' ? `\`${value}\`` : describeValue(value);
    return [{ rule: 'schema', file, anchor: at.value(...path), message: `${subject}, ${shown}, ${issue.message}.`, hint: issue.params.hint }];
  }
  if (issue.code === 'custom' && expected.what === 'a mapping of fields') {
    // A check across fields, such as a scale whose `min` is not below its `max`.
    const hint = typeof issue.params?.hint === 'string' ? issue.params.hint : 'Correct the values as described.';
    return [{ rule: 'schema', file, anchor: at.value(...path), message: `${field} ${issue.message}.`, hint }];
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && typeof value === 'number') {
    // A number out of its field's bounds: say the bound, not merely "a number".
    const [bound, limit] =
      issue.code === 'too_big'
        ? [issue.inclusive ? 'at most' : 'below', `${issue.inclusive ? 'no greater than' : 'below'} ${issue.maximum}`]
        : [issue.inclusive ? 'at least' : 'above', `${issue.inclusive ? 'no less than' : 'above'} ${issue.minimum}`];
    const must = issue.message.startsWith('must ') ? issue.message : `must be ${bound} ${issue.code === 'too_big' ? issue.maximum : issue.minimum}`;
    return [{ rule: 'schema', file, anchor: at.value(...path), message: `${field} ${must}, not ${value}.`, hint: `Write a number ${limit}.` }];
  }
  const found = describeValue(value);
  const impossible = expected.what === DATE_WHAT ? impossibleDate(value) : undefined;
  if (impossible) return [{ rule: 'schema', file, anchor: at.value(...path), message: `${field} is not a real date: ${impossible.why}.`, hint: impossible.fix }];
  return [
    {
      rule: 'schema',
      file,
      anchor: at.value(...path),
      message: `${field} must be ${expected.what}, not ${found}.`,
      hint: expected.fix(value),
    },
  ];
}

/** What a field expects, in words, and how to turn a wrong value into a right one. */
interface Expectation {
  what: string;
  fix: (value: unknown) => string;
}

function expectedAt(schema: z.ZodType, path: readonly PathSegment[], scale?: NumberScale): Expectation {
  const node = schemaAt(schema, path);
  if (node === dateSchema) {
    return { what: DATE_WHAT, fix: fixDate };
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
  if (node instanceof z.ZodNumber) return { what: 'a number', fix: (value) => fixNumber(value, scale) };
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

/**
 * A number written as text: `80%` on a 0-1 scale is `0.8`, `"0.6"` is
 * `0.6` without quotes, `64 users` is `64`. The example given is the
 * number the author most likely meant, never an unrelated one.
 */
function fixNumber(value: unknown, scale: NumberScale | undefined): string {
  const range = scale ? ` from ${scale.min} to ${scale.max}` : '';
  if (typeof value === 'string') {
    const percent = /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
    if (percent) {
      const n = Number(percent[1]);
      if (scale && scale.min === 0 && scale.max === 1) return `The scale runs from 0 to 1: write ${n}% as \`${round(n / 100)}\`, without the \`%\`.`;
      return `Write the number alone, without the \`%\`: \`${n}\`${range && ` (the scale runs${range})`}.`;
    }
    const numeric = /^\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(value);
    if (numeric) return `Remove the quotes, so it is read as a number: \`${Number(numeric[1])}\`.`;
    const withUnit = /^\s*([-+]?\d+(?:\.\d+)?)\s*[^\d\s].*$/.exec(value);
    if (withUnit) return `Write the number alone, without its unit: \`${Number(withUnit[1])}\`; a metric's unit is set once, in its \`unit\`.`;
  }
  if (value === null || value === '') return `Write a number${range} after the colon.`;
  return scale ? `Write a number${range}, without quotes or units.` : 'Write a plain number, without quotes or units.';
}

/** 0.8 rather than 0.8000000000000002. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The site makes the `mailto:` link itself: an address written as one is shown without it. */
function fixEmail(value: unknown): string {
  const address = typeof value === 'string' ? /^\s*mailto:(\S+@\S+?)\s*$/i.exec(value)?.[1] : undefined;
  if (address) return `Write the address alone: \`${address}\`; the site links it.`;
  return 'Write an address such as `name@example.com`.';
}

const DATE_WHAT = 'a date written YYYY-MM-DD';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-13-01` is written right but names no day: why, and what to check. */
function impossibleDate(value: unknown): { why: string; fix: string } | undefined {
  const parts = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  if (!parts || isCalendarDate(value as string)) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12) {
    return { why: `there is no month ${parts[2]}`, fix: `The month comes second, from 01 to 12 (YYYY-MM-DD)${day >= 1 && day <= 12 && month <= 31 ? `; perhaps \`${parts[1]}-${parts[3]}-${parts[2]}\`` : ''}.` };
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1) return { why: 'there is no day 00', fix: `Check the day: from 01 to ${days} in ${MONTHS[month - 1]} ${year}.` };
  return { why: `${MONTHS[month - 1]} ${year} has ${days} days, not ${day}`, fix: `Check the day: from 01 to ${days} in ${MONTHS[month - 1]} ${year}.` };
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
