import { createHash } from 'node:crypto';

/** The fields {@link readOwners} reads: a line naming one of them is never masked. */
const OWNER_KEYS = new Set(['owner', 'accepted', 'id', 'keyResults']);

const UNUSUAL_SPACE = /[\t\r\u0085\u2028\u2029]/;
/** The indentation and list-item dashes before a line's content. */
const LEAD = /^ *(?:- +)*/;
/** `key: value` after the lead; the value is group 2. */
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
/**
 * A node that starts with one of these is not a plain scalar: an anchor,
 * alias or tag, a block scalar, a directive, a complex key, a reserved
 * character. The text is left to the parser.
 */
const INDICATOR = /^[&*!|>%?@`]/;
/** A flow collection or a quoted string: kept as written when it ends on its line. */
const FLOW_OR_QUOTED = /^[{["']/;
/**
 * A one-line plain value whose text cannot change the shape of the document
 * or whether it can be read: it starts with a letter, a digit or `(` and
 * holds no `: ` (nor ends with `:`). A comment after it may say anything.
 */
const INERT_VALUE = /^[\p{L}\p{N}(](?:[^:]|:(?! |$))*$/u;

/**
 * A key for one version of an objective file such that two versions with
 * the same key have the same owners as {@link readOwners} reads them, and
 * the same fate (read or skipped): its front matter with the value of every
 * line that cannot hold an owner, an `accepted` date or an id masked, when
 * the front matter is plain enough to tell such lines apart for sure
 * (`field: plain value` lines, lists, comments); else the whole front matter.
 * Most commits to an objective file change its body, a title or a metric's
 * value, so most past versions share a key with one already read and are not
 * parsed again. Hashed, so that tens of thousands of versions do not keep
 * their texts.
 */
export function ownersKey(text: string): string {
  // Up to the first line starting with `---` after the opening one, which is where the front matter ends.
  const close = text.indexOf('\n---', 3);
  const frontMatter = close < 0 ? text : text.slice(0, close + 4);
  return createHash('sha1').update(maskInertValues(frontMatter) ?? `whole\n${frontMatter}`).digest('base64');
}

/** The front matter with inert values masked; undefined when it holds anything that could make a line mean something else. */
export function maskInertValues(frontMatter: string): string | undefined {
  const newline = frontMatter.indexOf('\n');
  if (newline < 0 || !/^---[ ]*$/.test(frontMatter.slice(0, newline))) return undefined;
  const lines = frontMatter.slice(newline + 1).split('\n');
  const masked = ['masked'];
  for (const line of lines) {
    // Tabs, and what some parsers take for a line break: leave such a text to the parser.
    if (UNUSUAL_SPACE.test(line)) return undefined;
    const lead = LEAD.exec(line)![0];
    const content = line.slice(lead.length);
    // A comment says nothing, wherever it is.
    if (content.startsWith('#')) {
      masked.push(line);
      continue;
    }
    const match = KEY_LINE.exec(content);
    const key = match?.[1];
    const value = match ? match[2] : content;
    if (value === undefined || value === '') {
      masked.push(line);
      continue;
    }
    if (INDICATOR.test(value)) return undefined;
    if (FLOW_OR_QUOTED.test(value)) {
      // One that goes on over more lines could make the next lines look like fields they are not.
      if (!endsOnItsLine(value)) return undefined;
      masked.push(line);
    } else if (key !== undefined && !OWNER_KEYS.has(key) && INERT_VALUE.test(value)) {
      masked.push(`${lead}${key}:\0`);
    } else {
      masked.push(line);
    }
  }
  return masked.join('\n');
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
