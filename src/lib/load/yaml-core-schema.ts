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
  resolve: (data: string) => data.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
  predicate: (object: unknown) => object === null,
});

const boolType = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => (data.length === 4 || data.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (object: unknown) => typeof object === 'boolean',
});

/**
 * Most scalars are words. Numbers start with a digit, a sign or a dot, so
 * testing the first character spares the patterns for nearly every value.
 * Past the first character a number has a `-` only right after the
 * exponent's `e`, so dates such as `2026-07-01`, the commonest scalars that
 * start with a digit, are spared the patterns too.
 */
function mayBeNumber(data: string): boolean {
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
  resolve: (data: string) => mayBeNumber(data) && (INT_DECIMAL.test(data) || INT_OCTAL.test(data) || INT_HEX.test(data)),
  construct: (data: string) => {
    if (INT_OCTAL.test(data)) return parseInt(data.slice(2), 8);
    if (INT_HEX.test(data)) return parseInt(data.slice(2), 16);
    return parseInt(data, 10);
  },
  predicate: (object: unknown) => typeof object === 'number' && Number.isInteger(object),
});

const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_PLAIN = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const floatType = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => mayBeNumber(data) && (FLOAT_PLAIN.test(data) || FLOAT_EXPONENT.test(data) || FLOAT_SPECIAL.test(data)),
  construct: (data: string) => {
    if (FLOAT_SPECIAL.test(data)) {
      if (data.slice(-3).toLowerCase() === 'nan') return NaN;
      return data[0] === '-' ? -Infinity : Infinity;
    }
    return parseFloat(data);
  },
  predicate: (object: unknown) => typeof object === 'number',
});

export const YAML_CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
