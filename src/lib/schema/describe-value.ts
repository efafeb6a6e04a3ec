/**
 * Values from content, put into messages. Whatever a file holds (a
 * mapping where text was expected, a list of lists, a key of a million
 * characters), a message shows it as short readable text: never
 * `[object Object]`, never the whole of a long value.
 */

/** Longest text shown of one value. */
export const MAX_SHOWN_LENGTH = 40;

/** `the text \`abc\``, `the number 5`, `the mapping \`{a: b}\``, `empty`... */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `the list \`${showValue(value)}\``;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty mapping' : `the mapping \`${showValue(value)}\``;
  if (value === '') return 'empty text';
  if (typeof value === 'string') return `the text \`${showValue(value)}\``;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : Number.isNaN(value) ? 'NaN' : value > 0 ? 'infinity (`.inf`)' : 'minus infinity (`-.inf`)';
  if (typeof value === 'boolean') return `\`${value}\``;
  return typeof value;
}

/**
 * A value as short YAML-like text: `abc`, `5`, `null`, `[a, b]`, `{a: b}`,
 * cut to `max` characters with `…`.
 */
export function showValue(value: unknown, max: number = MAX_SHOWN_LENGTH): string {
  return truncate(render(value, max + 1, max + 1), max);
}

/** A name from content (a field, a rule, an id) in backticks, shortened when long. */
export function quoteName(name: string): string {
  return `\`${truncate(name, MAX_SHOWN_LENGTH)}\``;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Renders at most about `budget` characters, so a huge value costs no more
 * than a small one. Every level opens with at least one character, so
 * below `levels` levels nothing more could be shown: a value nested
 * without end (an alias inside its own anchor) stops there too.
 */
function render(value: unknown, budget: number, levels: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value.length > budget ? value.slice(0, budget) : value;
  if (typeof value !== 'object') return String(value);
  if (levels <= 0) return '…';
  const parts: string[] = [];
  let length = 2;
  const add = (part: string): boolean => {
    parts.push(part);
    length += part.length + 2;
    return length <= budget;
  };
  if (Array.isArray(value)) {
    for (const item of value) if (!add(render(item, budget - length, levels - 1))) break;
  } else {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (!add(`${key.slice(0, budget)}: ${render((value as Record<string, unknown>)[key], budget - length, levels - 1)}`)) break;
    }
  }
  const inner = parts.join(', ');
  return Array.isArray(value) ? `[${inner}]` : `{${inner}}`;
}
