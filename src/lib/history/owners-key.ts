import { createHash } from 'node:crypto';

/**
 * A `field: value` line whose value is a one-line plain scalar that cannot
 * change the shape of the document or whether it can be read: it starts
 * with a letter, a digit or `(` (no indicator: no anchor, alias, tag, block
 * scalar, flow collection or quote) and holds no `: ` (nor ends with `:`);
 * a comment after it may say anything. Any indentation, in a list item or
 * not. The fields {@link readOwners} reads (`owner`, `accepted`, `id`,
 * `keyResults`) are never masked. Groups: the lead, the field name.
 */
const INERT_LINE = /^( *(?:- +)*)(?!(?:owner|accepted|id|keyResults):)([A-Za-z][A-Za-z0-9_-]*): +[\p{L}\p{N}(](?:[^:\n]|:(?! |$))*$/gmu;
/**
 * A node (after the lead, or after `field: `) that is not a plain scalar:
 * an anchor, alias or tag, a block scalar, a directive, a complex key, a
 * reserved character, or a flow collection or quoted string (which may go
 * on over several lines). Group 1: the node to its line's end.
 */
const NOT_PLAIN = /^ *(?:- +)*(?:[A-Za-z][A-Za-z0-9_-]*: +)?([&*!|>%?@`{["'].*)$/gm;
/** Tabs, and what some parsers take for a line break. */
const UNUSUAL_SPACE = /[\t\r\u0085\u2028\u2029]/;

/**
 * A key for one version of an objective file such that two versions with
 * the same key have the same owners as {@link readOwners} reads them, and
 * the same fate (read or skipped): its front matter with the value of every
 * line that cannot hold an owner, an `accepted` date or an id masked, when
 * the front matter is plain enough to tell such lines apart for sure
 * (`field: value` lines, lists, comments, flow collections and quoted
 * strings that end on their line); else the whole front matter. Most commits
 * to an objective file change its body, a title or a metric's value, so most
 * past versions share a key with one already read and are not parsed again.
 * Hashed, so that tens of thousands of versions do not keep their texts.
 */
export function ownersKey(text: string): string {
  const frontMatter = frontMatterOf(text);
  return createHash('sha1').update(maskInertValues(frontMatter) ?? `whole\n${frontMatter}`).digest('base64');
}

/**
 * The front matter of a file's text: up to the first line starting with
 * `---` after the opening one, which is where it ends; the whole text when
 * there is none.
 */
export function frontMatterOf(text: string): string {
  const close = text.indexOf('\n---', 3);
  return close < 0 ? text : text.slice(0, close + 4);
}

/** The front matter with inert values masked; undefined when it holds anything that could make a line mean something else. */
export function maskInertValues(frontMatter: string): string | undefined {
  if (!frontMatter.startsWith('---') || !/^---[ ]*\n/.test(frontMatter) || UNUSUAL_SPACE.test(frontMatter)) return undefined;
  for (const [, node] of frontMatter.matchAll(NOT_PLAIN)) {
    // A flow collection or quoted string that goes on over more lines could make the next lines look like fields they are not.
    if (!/^[{["']/.test(node!) || !endsOnItsLine(node!)) return undefined;
  }
  return `masked\n${frontMatter.replace(INERT_LINE, '$1$2:\0')}`;
}

/**
 * Whether a flow collection or quoted string (`{ baseline: 60, unit: "%" }`,
 * `"a title"`) ends on its line, with nothing after it but a comment. Read
 * strictly: a quote that does not clearly open a string, an anchor, alias or
 * tag inside, or anything unclear gives false.
 */
export function endsOnItsLine(value: string): boolean {
  let depth = 0;
  // Where a quoted string may start: after an opening bracket, a comma, a colon, or at the start.
  let nodeStart = true;
  let i = 0;
  for (; i < value.length; i++) {
    const c = value[i]!;
    if (c === ' ') continue;
    if (c === '"' || c === "'") {
      if (!nodeStart) return false;
      const end = closingQuote(value, i);
      if (end < 0) return false;
      i = end;
      nodeStart = false;
    } else if (c === '{' || c === '[') {
      depth++;
      nodeStart = true;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return false;
      nodeStart = false;
    } else if (c === ',' || c === ':') {
      nodeStart = true;
    } else if (c === '#' && value[i - 1] === ' ') {
      break;
    } else if ('&*!|>%@`?'.includes(c) && nodeStart) {
      return false;
    } else {
      nodeStart = false;
    }
    if (depth === 0) {
      // The node is complete: only spaces and a comment may follow.
      const rest = value.slice(i + 1);
      return rest.trim() === '' || /^ +#/.test(rest);
    }
  }
  return false;
}

/** The index of the quote closing the string opened at `open`; -1 when it does not close on this line. */
function closingQuote(value: string, open: number): number {
  const quote = value[open];
  for (let i = open + 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) {
      if (quote === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}
