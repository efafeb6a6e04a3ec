import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../../src/lib/load/front-matter.js';
import { YAML_CORE_SCHEMA } from '../../../src/lib/load/yaml-fast-path.mjs';

/**
 * js-yaml with `YAML_CORE_SCHEMA` is the fast path for every file; the
 * `yaml` package (YAML 1.2, core schema) is the authority. A value must
 * mean the same on both, or a file would change meaning the day someone
 * adds an anchor to it (which sends it to the other parser).
 */

/** The authoritative reading, or `undefined` when `yaml` itself rejects the text. */
function authority(text: string): { data: unknown } | undefined {
  const document = parseDocument(text, { version: '1.2', schema: 'core' });
  if (document.errors.length > 0) return undefined;
  return { data: document.toJS() };
}

/** js-yaml as the fast path calls it. */
function fastPath(text: string): unknown {
  return jsYaml.load(text, { schema: YAML_CORE_SCHEMA, json: false });
}

/** A value spelt out so that NaN, -0 and the type show in a failure (Object.is semantics). */
function spell(value: unknown): string {
  if (typeof value === 'number' && Object.is(value, -0)) return 'number -0';
  if (value !== null && typeof value === 'object') return `${Array.isArray(value) ? 'array' : 'object'} ${JSON.stringify(value)}`;
  return `${value === null ? 'null' : typeof value} ${String(value)}`;
}

function valueOf(data: unknown): unknown {
  return (data as Record<string, unknown> | null | undefined)?.key;
}

const PLAIN_SCALARS = [
  // null
  '~', 'null', 'Null', 'NULL', '', 'nULL', 'nil', 'None',
  // bool: YAML 1.2 has true/false only; the YAML 1.1 words stay text
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRUE', 'yes', 'Yes', 'no', 'No', 'NO', 'on', 'On', 'off', 'OFF', 'y', 'Y', 'n', 'N',
  // int
  '0', '-0', '+0', '12', '-12', '+12', '0012', '-0012', '08', '09', '0o14', '0O14', '-0o14', '0o19', '0o', '0x1F', '0x1f', '0X1F', '-0x1F', '0x', '0xG',
  '0b11', '0b', '1_000', '1,000', '9007199254740993', '123456789012345678901234567890', '0x8000000000000001',
  // float
  '1.5', '-1.5', '+1.5', '.5', '-.5', '+.5', '1.', '-1.', '0.0', '-0.0', '1e3', '1E3', '1e+3', '1e-3', '1.5E-3', '-1.5e3', '.5e3', '1.e3', '12e03',
  '1e400', '-1e400', '1e-400', '-1e-400', '1e', 'e3', '1.2.3', '.', '..', '+', '-.', '+.',
  '.inf', '.Inf', '.INF', '+.inf', '-.inf', '-.Inf', '-.INF', '.iNf', 'inf', 'Infinity', '.infinity',
  '.nan', '.NaN', '.NAN', '-.nan', '.nAn', 'NaN', 'nan',
  // dates and times are not a core type: they stay text
  '2026-07-01', '2026-7-1', '2026-07-01T10:00:00Z', '2026-07-01 10:00:00', '12:30', '1:20', '190:20:30', '-1:20',
  // YAML 1.1 oddities that core has no type for
  '=', '<<', '0.', '1_0.5', '1__0',
  // ordinary text
  'active', 'a b', '12 apples', '12 30', 'hello world', '55%', '$12', '€12', '1/2', 'v1.2', 'lee-wong', '2026-q3', 'true story', 'null and void',
];

describe('the fast parser and `yaml` agree on every plain scalar', () => {
  const cases = PLAIN_SCALARS.map((scalar) => ({ scalar, text: `key: ${scalar}\n` })).filter(({ text }) => authority(text) !== undefined);

  it('covers the table (the authority rejects none of its entries)', () => {
    // A bare `-` is left out: `yaml` reads it as a list, not a scalar. If `yaml`
    // starts rejecting another entry, it would drop out of the comparison silently.
    expect(cases.map(({ scalar }) => scalar)).toEqual(PLAIN_SCALARS);
  });

  it.each(cases)('`key: $scalar` on the fast path', ({ text }) => {
    expect(spell(valueOf(fastPath(text)))).toBe(spell(valueOf(authority(text)!.data)));
  });

  it.each(cases)('`key: $scalar` through parseYaml', ({ text }) => {
    const parsed = parseYaml(text);
    expect('data' in parsed && spell(valueOf(parsed.data))).toBe(spell(valueOf(authority(text)!.data)));
  });
});

describe('YAML 1.2 core semantics that handbooks rely on', () => {
  it.each([
    ['no', 'string no'],
    ['yes', 'string yes'],
    ['off', 'string off'],
    ['2026-07-01', 'string 2026-07-01'],
    ['0012', 'number 12'],
    ['0o14', 'number 12'],
    ['0x1F', 'number 31'],
    ['0b11', 'string 0b11'],
    ['1_000', 'string 1_000'],
    ['12:30', 'string 12:30'],
    ['.5', 'number 0.5'],
    ['-.inf', 'number -Infinity'],
    ['.nan', 'number NaN'],
    ['-0', 'number -0'],
    ['~', 'null null'],
  ])('`%s` is %s', (scalar, expected) => {
    const parsed = parseYaml(`key: ${scalar}\n`);
    expect('data' in parsed && spell(valueOf(parsed.data))).toBe(expected);
  });
});

describe('the parsers agree on whole front matter', () => {
  const DOCUMENTS: Record<string, string> = {
    'flow mapping of numbers': 'metric: { baseline: 0012, target: 0o14, unit: "%" }\n',
    'flow list of mixed scalars': 'list: [1, 0012, no, ~, .5, 2026-07-01, "0012", \'true\']\n',
    'block list of mappings': 'updates:\n  - kr: q3-retention\n    confidence: .6\n    value: 064\n  - kr: q3-churn\n    confidence: 1.\n',
    'quoted scalars keep their text': 'a: "0012"\nb: \'no\'\nc: "~"\nd: "true"\ne: "\\x41\\u00e9\\t"\nf: \'it\'\'s\'\n',
    'block scalars': 'literal: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\n',
    'multi-line plain scalar': 'title: Make new users\n  successful in\n  their first week\n',
    'comments and trailing spaces': 'title: A title # a comment\nstatus: active   \n# a whole-line comment\n',
    'keys that look like other types': 'true: a\n1: b\n0012: c\n1.50: d\n2026-07-01: e\n',
    'empty values': 'a:\nb: ~\nc: ""\nd: []\ne: {}\n',
    'unicode text': 'name: Inês Carvalho\nrole: Tomás’s “deputy” 🚀\n',
  };

  it.each(Object.entries(DOCUMENTS))('%s', (_name, text) => {
    const expected = authority(text);
    expect(expected).toBeDefined();
    expect(fastPath(text)).toEqual(expected!.data);
    expect(parseYaml(text)).toEqual({ data: expected!.data });
  });
});

describe('the parsers agree on keys', () => {
  // An unknown field is reported by its name, so a key must become the same text on both paths.
  it.each(['true', 'True', '1', '0012', '0o14', '0x1F', '1.50', '-0', '.inf', '.nan', '2026-07-01', '""', "'~'", 'no', 'title'])('`%s: x`', (key) => {
    const text = `${key}: x\n`;
    expect(Object.keys(fastPath(text) as object)).toEqual(Object.keys(authority(text)!.data as object));
    expect(parseYaml(text)).toEqual({ data: authority(text)!.data });
  });

  // js-yaml alone would name a null key `null` and `yaml` the empty text, so
  // such files are read by `yaml`: through parseYaml the two never disagree.
  it.each(['~', 'null', 'Null', 'NULL'])('`%s: x` (a null key)', (key) => {
    const text = `${key}: x\n`;
    expect(parseYaml(text)).toEqual({ data: authority(text)!.data });
  });
});

describe('tags', () => {
  /** The tags parseYaml reports, as `offset tag` (the offset is where the tag starts in the text). */
  function reportedTags(text: string): string[] {
    const parsed = parseYaml(text);
    if (!('data' in parsed)) throw new Error(`did not parse: ${parsed.error.message}`);
    return (parsed.tagProblems ?? []).map((problem) => `${problem.offset} ${/`([^`]+)`/.exec(problem.message)![1]}`);
  }

  it.each([
    ['a local tag', 'a: !foo X\n', ['3 !foo']],
    ['a JavaScript tag', 'a: !!js/function "function () {}"\n', ['3 !!js/function']],
    ['a JavaScript regexp tag', 'a: !!js/regexp /x/\n', ['3 !!js/regexp']],
    ['YAML 1.1 types the core schema lacks', 'a: !!binary aGVsbG8=\nb: !!timestamp 2026-07-01\nc: !!set { x }\n', ['3 !!binary', '24 !!timestamp', '50 !!set']],
    ['a tag declared by a directive', '%TAG !e! tag:example.com,2000:\n---\na: !e!foo x\n', ['38 !e!foo']],
    ['a tag on a list', 'a: !foo [1, 2]\n', ['3 !foo']],
    ['a core tag on the wrong kind of value', 'a: !!str { b: 1 }\n', ['3 !!str']],
    ['a core tag its value does not fit', 'a: !!float 1\n', ['3 !!float']],
  ])('reports %s, where it stands', (_name, text, expected) => {
    expect(reportedTags(text)).toEqual(expected);
  });

  it('reads a value with an unknown tag as if it had none', () => {
    expect(parseYaml('a: !foo X\nb: !!js/function "function () {}"\n')).toMatchObject({ data: { a: 'X', b: 'function () {}' } });
  });

  it.each([
    ['the core tags', 'a: !!str 12\nb: !!int "7"\nc: !!float 1.5\nd: !!bool true\ne: !!null ~\nf: !!map { x: 1 }\ng: !!seq [1]\n'],
    ['the non-specific tag', 'a: ! 12\n'],
    ['a verbatim core tag', 'a: !<tag:yaml.org,2002:str> x\n'],
    ['an exclamation mark inside text', 'a: Hello! World\nb: "!foo"\n'],
  ])('accepts %s', (_name, text) => {
    expect(reportedTags(text)).toEqual([]);
  });
});

describe('repeated keys', () => {
  // The `yaml` package's own check compares each key with every earlier one; ours is one pass.
  it.each([
    ['at the top', 'a: 1\nb: 2\na: 3\n', 10, 'a'],
    ['in a nested mapping', 'a:\n  b: 1\n  b: 2\n', 12, 'b'],
    ['in a flow mapping', 'a: { b: 1, b: 2 }\n', 11, 'b'],
    ['the first of two', 'a:\n  b: 1\n  b: 2\nc: 1\nc: 2\n', 12, 'b'],
  ])('are refused %s, at the repeat, naming the key', (_name, text, offset, key) => {
    // An anchor sends the text to the `yaml` parser.
    const parsed = parseYaml(`x: &x 1\n${text}`);
    expect(parsed).toMatchObject({ error: { offset: offset + 8, message: `Invalid YAML: the field \`${key}\` is written twice in the same mapping.` } });
  });

  it('accepts the same key in different mappings, and `1` beside `"1"`', () => {
    expect(parseYaml('x: &x 1\na: { k: 1 }\nb: { k: 2 }\n1: a\n"1": b\n')).toHaveProperty('data');
  });
});
