import type { PathSegment } from '../problem.js';

/**
 * Field paths in messages, as an author counts: "`title`", "`owner` of the
 * second key result, `q3-nrr`", "the first update's `kr`". Never
 * `keyResults[1]`: nobody who writes a handbook counts from zero.
 */

/** What a path's list items are called, by the list's field name. */
const ITEM_NOUNS: Record<string, string> = {
  keyResults: 'key result',
  initiatives: 'initiative',
  updates: 'update',
  scores: 'score',
  decisions: 'decision',
};

/** The field of a list item that names it in messages: a key result by its id, an update or score by its key result. */
const ITEM_NAMES: Record<string, string> = { keyResults: 'id', updates: 'kr', scores: 'kr' };

/** Looks up a value in the file's front matter by path, to name list items; `undefined` when not known. */
export type ValueAt = (path: readonly PathSegment[]) => unknown;

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** 0 → "first", 11 → "12th", 20 → "21st". */
export function ordinal(index: number): string {
  if (index < ORDINALS.length) return ORDINALS[index]!;
  const n = index + 1;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "`title`", "`metric.target` of the second key result, `q3-nrr`", "the first update's `kr`", "the third decision". */
export function describePath(path: readonly PathSegment[], valueAt: ValueAt = () => undefined): string {
  return describe(path, valueAt).text;
}

/**
 * `describePath` at the start of a sentence, followed by more of it: "The
 * first update's `kr` refers to…", "`owner` of the second key result,
 * `q3-nrr`, must be…" (a name in apposition is closed with a comma).
 */
export function describePathCapitalized(path: readonly PathSegment[], valueAt?: ValueAt): string {
  const { text, named } = describe(path, valueAt ?? (() => undefined));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${named ? ',' : ''}`;
}

function describe(path: readonly PathSegment[], valueAt: ValueAt): { text: string; named: boolean } {
  const last = lastIndexAt(path);
  if (last === -1) return { text: `\`${path.join('.')}\``, named: false };
  const item = describeItem(path.slice(0, last + 1), valueAt);
  const rest = path.slice(last + 1);
  if (rest.length === 0) return item;
  const field = `\`${rest.join('.')}\``;
  return item.named ? { text: `${field} of ${item.text}`, named: true } : { text: `${item.text}'s ${field}`, named: false };
}

/**
 * What a problem is about when it is about a field: the path with list
 * items named where they have a name (`keyResults.q3-nrr.owner`), so the
 * same field keeps its identity when an item is added above it.
 */
export function fieldIdentity(path: readonly PathSegment[], valueAt: ValueAt = () => undefined): string {
  return path
    .map((segment, i) => {
      if (typeof segment !== 'number') return segment;
      const name = nameOf(path.slice(0, i + 1), valueAt);
      return name ?? String(segment);
    })
    .join('.');
}

/** "the second key result, `q3-nrr`" (named) or "the first update" (not), with the items it sits in. */
function describeItem(itemPath: readonly PathSegment[], valueAt: ValueAt): { text: string; named: boolean } {
  const index = itemPath[itemPath.length - 1] as number;
  const list = itemPath[itemPath.length - 2];
  const noun = typeof list === 'string' ? ITEM_NOUNS[list] : undefined;
  const name = nameOf(itemPath, valueAt);
  let text = noun ? `the ${ordinal(index)} ${noun}` : `the ${ordinal(index)} item of ${list === undefined ? 'the list' : `\`${String(list)}\``}`;
  // The list this one sits in, when it sits in an item itself (an initiative of a key result).
  const outer = lastIndexAt(itemPath.slice(0, -2));
  if (outer !== -1) {
    text += ` of ${describeItem(itemPath.slice(0, outer + 1), valueAt).text}`;
  }
  if (name !== undefined) text += `, \`${name}\``;
  // "the first initiative of the second key result, `q3-nrr`" ends in a name too: a field then comes before it.
  return { text, named: text.endsWith('`') };
}

function nameOf(itemPath: readonly PathSegment[], valueAt: ValueAt): string | undefined {
  const list = itemPath[itemPath.length - 2];
  const field = typeof list === 'string' ? ITEM_NAMES[list] : undefined;
  if (!field) return undefined;
  const name = valueAt([...itemPath, field]);
  // Only a plain id names an item: anything else would make the message harder to read, not easier.
  return typeof name === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(name) ? name : undefined;
}

function lastIndexAt(path: readonly PathSegment[]): number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'number') return i;
  return -1;
}
