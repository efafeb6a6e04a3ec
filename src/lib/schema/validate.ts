import { z } from 'zod';
import { at, type PathSegment, type Problem } from '../problem.js';
import { closestMatch, didYouMean } from '../suggest.js';

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
): UnitResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, schema, value, file, prefix));
  // `titel:` for `title:` is one mistake: the misspelt key is reported, the "missing" field is not.
  const misspelt = new Set(problems.flatMap((problem) => (problem.suggests ? [problem.suggests] : [])));
  return { problems: problems.filter((problem) => !problem.missing || !misspelt.has(problem.missing)).map(({ suggests, missing, ...problem }) => problem) };
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
): IssueProblem[] {
  const local = issue.path as PathSegment[];
  const path = [...prefix, ...local];
  const field = formatPath(path);
  const value = valueAt(root, local);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = fieldNamesAt(schema, local);
      return issue.keys.map((key) => {
        const match = closestMatch(key, allowed);
        return {
          rule: 'schema',
          file,
          anchor: at.key(...path, key),
          message: `Unknown field \`${key}\`${field ? ` in \`${field}\`` : ''}.`,
          hint: match ? `Did you mean \`${match}\`?` : `Remove it, or move its text into the body. Allowed fields here: ${allowed.join(', ')}.`,
          ...(match && { suggests: formatPath([...path, match]) }),
        };
      });
    }
    case 'invalid_type': {
      if (value === undefined) {
        const parent = path.slice(0, -1);
        return [
          {
            rule: 'schema',
            file,
            anchor: at.map(...parent),
            missing: field,
            message: `Required field \`${String(path[path.length - 1])}\` is missing${parent.length ? ` in \`${formatPath(parent)}\`` : ''}.`,
            hint: `Add \`${String(path[path.length - 1])}:\` with ${article(issue.expected)}.`,
          },
        ];
      }
      return [
        {
          rule: 'schema',
          file,
          anchor: at.value(...path),
          message: `\`${field}\` must be ${article(issue.expected)}, not ${describeValue(value)}.`,
          hint: typeHint(issue.expected),
        },
      ];
    }
    case 'invalid_value':
      return [
        {
          rule: 'schema',
          file,
          anchor: at.value(...path),
          message: `\`${field}\` is ${describeValue(value)}, which is not one of the allowed values.`,
          hint: `Use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.${typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : ''}`,
        },
      ];
    default:
      return [
        {
          rule: 'schema',
          file,
          anchor: at.value(...path),
          message: `\`${field}\` ${issue.message}${typeof value === 'string' || typeof value === 'number' ? ` (found \`${String(value)}\`)` : ''}.`,
          hint: formatHint(issue.message),
        },
      ];
  }
}

function formatHint(message: string): string {
  if (message.includes('YYYY-MM-DD')) return 'Write the date as `2026-07-01`: four-digit year, two-digit month and day.';
  if (message.includes('must be an id')) return 'Use the file name of the entity without `.md`, e.g. `priya-shah` or `2026-q3`.';
  if (message.includes('empty')) return 'Write some text, or remove the field if it is optional.';
  return 'Correct the value as described.';
}

function typeHint(expected: string): string {
  switch (expected) {
    case 'number':
      return 'Write a plain number without quotes or units, e.g. `0.7` or `55`.';
    case 'string':
      return 'Write text; quote it if it starts with a special character or looks like a number.';
    case 'array':
      return 'Write a list, one `- item` per line.';
    case 'object':
      return 'Write a mapping of `field: value` lines, indented under this key.';
    default:
      return `Write ${article(expected)}.`;
  }
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${expected}`;
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  return typeof value;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/** The field names the object schema at `path` accepts, for "did you mean". */
export function fieldNamesAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (node instanceof z.ZodObject && typeof segment === 'string') node = unwrap(node.shape[segment]);
    else if (node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
    else node = undefined;
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) {
    node = node.unwrap() as z.ZodType;
  }
  return node;
}
