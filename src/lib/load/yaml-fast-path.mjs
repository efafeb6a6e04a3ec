// @ts-check
// The fast path of YAML parsing, shared by the main thread (front-matter.ts)
// and the reading thread (read-texts-helper.mjs). Plain JavaScript, so the
// thread can load it from the sources without a TypeScript loader; both
// threads run exactly this code, so they never disagree on what a file says.
import jsYaml from 'js-yaml';

/**
 * A js-yaml schema that resolves plain scalars exactly as the `yaml`
 * package's YAML 1.2 core schema does (same patterns, same conversions).
 *
 * js-yaml is the fast path for every file; `yaml` is the authority used for
 * positions and for anything unusual. The two must never disagree on what a
 * value is, so the resolvers below copy `yaml`'s core tags one for one
 * (js-yaml's own CORE_SCHEMA differs on e.g. `0b11`). There is no timestamp
 * type: an unquoted `2026-07-01` stays a string.
 */
const nullType = new jsYaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data) => data.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
  predicate: (object) => object === null,
});

const boolType = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data) => (data.length === 4 || data.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data) => data[0] === 't' || data[0] === 'T',
  predicate: (object) => typeof object === 'boolean',
});

/**
 * Most scalars are words. Numbers start with a digit, a sign or a dot, so
 * testing the first character spares the patterns for nearly every value.
 * Past the first character a number has a `-` only right after the
 * exponent's `e`, so dates such as `2026-07-01`, the commonest scalars that
 * start with a digit, are spared the patterns too.
 */
/** @param {string} data */
function mayBeNumber(data) {
  const code = data.charCodeAt(0);
  if (!((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46)) return false;
  const dash = data.indexOf('-', 1);
  if (dash === -1) return true;
  const before = data.charCodeAt(dash - 1);
  return before === 101 || before === 69; // e, E
}

const INT_OCTAL = /^0o[0-7]+$/;
const INT_DECIMAL = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;

const intType = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data) => mayBeNumber(data) && (INT_DECIMAL.test(data) || INT_OCTAL.test(data) || INT_HEX.test(data)),
  construct: (data) => {
    if (INT_OCTAL.test(data)) return parseInt(data.slice(2), 8);
    if (INT_HEX.test(data)) return parseInt(data.slice(2), 16);
    return parseInt(data, 10);
  },
  predicate: (object) => typeof object === 'number' && Number.isInteger(object),
});

const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_PLAIN = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const floatType = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data) => mayBeNumber(data) && (FLOAT_PLAIN.test(data) || FLOAT_EXPONENT.test(data) || FLOAT_SPECIAL.test(data)),
  construct: (data) => {
    if (FLOAT_SPECIAL.test(data)) {
      if (data.slice(-3).toLowerCase() === 'nan') return NaN;
      return data[0] === '-' ? -Infinity : Infinity;
    }
    return parseFloat(data);
  },
  predicate: (object) => typeof object === 'number',
});

export const YAML_CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});

/*
 * Constructs the fast parser could read differently from `yaml`: anchors,
 * aliases and tags (`&`, `*`, `!` anywhere), merge keys (`<<`), complex
 * keys (`? `) and directives (`%` at the start of a line). Files using them
 * go straight to the authoritative parser.
 */
const ANCHOR_ALIAS_OR_TAG = /[&*!]/;
const COMPLEX_KEY = /^\s*(?:-\s+)?\?(?:\s|$)/m;
const DIRECTIVE = /^%/m;

/** Keys that are null (`~:`, `: x`) or collections (`[a, b]: x`): the two parsers name them differently. */
const UNUSUAL_KEY = /^[ \t]*(?:-[ \t]+)?(?:(?:~|null|Null|NULL)?[ \t]*:|[[{].*[\]}][ \t]*:)(?:[ \t]|$)/m;
/** The same pattern, tried at one given line start. */
const UNUSUAL_KEY_AT = new RegExp(UNUSUAL_KEY.source, 'my');
/** Line breaks other than `\n`, after which `^` matches too. */
const OTHER_LINE_BREAK = /[\r\u2028\u2029]/;

const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;
/** `:`, `~`, `n`, `N`, `[`, `{`: the characters an unusual key can start with. */
const UNUSUAL_KEY_START = new Set([0x3a, 0x7e, 0x6e, 0x4e, 0x5b, 0x7b]);

/**
 * `UNUSUAL_KEY.test(yaml)`, in about half the time: the pattern is tried
 * only on lines whose first character after the indentation (and a `- `)
 * can start such a key. Text with other line breaks takes the pattern as is.
 */
/** @param {string} yaml */
function hasUnusualKey(yaml) {
  if (OTHER_LINE_BREAK.test(yaml)) return UNUSUAL_KEY.test(yaml);
  for (let start = 0; ; ) {
    if (UNUSUAL_KEY_START.has(yaml.charCodeAt(skipIndentAndDash(yaml, start)))) {
      UNUSUAL_KEY_AT.lastIndex = start;
      if (UNUSUAL_KEY_AT.test(yaml)) return true;
    }
    const end = yaml.indexOf('\n', start);
    if (end === -1) return false;
    start = end + 1;
  }
}

/** Past `[ \t]*` and then `-[ \t]+` if it is there. */
/** @param {string} text @param {number} start */
function skipIndentAndDash(text, start) {
  let i = start;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  if (text.charCodeAt(i) !== DASH) return i;
  let j = i + 1;
  if (text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB) return i;
  while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
  return j;
}

/** Each multi-line pattern runs only when the character it needs is there at all. */
/** @param {string} yaml */
export function needsFullParser(yaml) {
  if (ANCHOR_ALIAS_OR_TAG.test(yaml) || yaml.includes('<<')) return true;
  if (yaml.includes('?') && COMPLEX_KEY.test(yaml)) return true;
  if (yaml.includes('%') && DIRECTIVE.test(yaml)) return true;
  return hasUnusualKey(yaml);
}


/**
 * The front matter parsed by js-yaml, when that is safe (see
 * `needsFullParser`) and js-yaml reads it without error; `undefined` when
 * the authoritative `yaml` package must decide.
 * @param {string} yaml
 * @returns {{ data: unknown } | undefined}
 */
export function parseFast(yaml) {
  if (needsFullParser(yaml)) return undefined;
  try {
    return { data: jsYaml.load(yaml, { schema: YAML_CORE_SCHEMA, json: false }) };
  } catch {
    return undefined;
  }
}
