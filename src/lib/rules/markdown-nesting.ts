import type { Declaration } from '../load/declare-entities.js';
import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

/**
 * How deeply lists and block quotes may nest in a body. People write a
 * handful of levels; Markdown's parsers recurse per level, and rendering
 * time grows much faster than depth (measured with the site's pipeline: a
 * body at 64 levels renders in tens of milliseconds, 200 indented levels
 * take about two seconds, 800 levels 18 s, and 10 000 crash the build).
 */
export const MAX_NESTING_DEPTH = 64;

export interface TooDeep {
  /** 0-based line in the body, and 0-based column of the marker that goes one level too deep. */
  line: number;
  column: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x3e; // >
const BACKTICK = 0x60;
const TILDE = 0x7e;

interface Container {
  quote: boolean;
  /** The column a list item's content starts at; its lines are indented at least this far. */
  content: number;
}

/**
 * Where `body` first nests lists and block quotes deeper than `limit`, if
 * it does. A cheap scan, not a Markdown parse: it follows CommonMark's
 * container blocks only, looking at the start of each line. Each `>`,
 * `-`, `*`, `+`, `1.` or `1)` opens a level; a line stays inside a list
 * item when indented to its content and inside a quote when it repeats
 * the `>`, so depth builds up on one line (`- - - x`, `>>> x`) and down
 * the lines (each item indented under the last). Markers in fenced or
 * indented code and thematic breaks (`- - -`) do not count.
 */
export function findTooDeepNesting(body: string, limit = MAX_NESTING_DEPTH): TooDeep | undefined {
  // Nothing shorter can hold that many markers.
  if (body.length <= limit) return undefined;
  const open: Container[] = [];
  /** The fence a code block was opened with, and how many containers it sits in. */
  let fence: { char: number; length: number; depth: number } | undefined;
  let previousBlank = false;
  let line = 0;
  for (let start = 0, nextStart = 0; start <= body.length; line++, start = nextStart) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    nextStart = end + 1;
    if (end > start && body.charCodeAt(end - 1) === 0x0d) end--;
    let first = start;
    while (first < end && isSpace(body.charCodeAt(first))) first++;
    const blank = first === end;
    // The common line: plain text outside every container and fence.
    if (open.length === 0 && !fence && !MAY_START_BLOCK[body.charCodeAt(first)]) {
      previousBlank = blank;
      continue;
    }
    // Which open containers this line continues.
    let i = start;
    let column = 0;
    let matched = 0;
    let contentColumn = 0;
    for (; matched < open.length; matched++) {
      const container = open[matched]!;
      let j = i;
      let next = column;
      while (j < end && isSpace(body.charCodeAt(j))) next = advance(next, body.charCodeAt(j++));
      if (container.quote) {
        if (body.charCodeAt(j) !== QUOTE || next - contentColumn > 3) break;
        i = j + 1;
        column = next + 1;
        if (body.charCodeAt(i) === SPACE) (i++, column++);
        contentColumn = column;
      } else if (blank || next >= container.content) {
        contentColumn = container.content;
      } else {
        break;
      }
    }
    while (i < end && isSpace(body.charCodeAt(i))) column = advance(column, body.charCodeAt(i++));
    if (fence) {
      if (matched >= fence.depth) {
        if (isClosingFence(body, i, end, fence)) fence = undefined;
        previousBlank = blank;
        continue;
      }
      fence = undefined; // its container ended
    }
    // New containers opened on this line.
    const breakFrom = thematicBreakFrom(body, start, end);
    let opened = 0;
    for (;;) {
      // Four columns past the content is indented code, not a marker.
      if (column - contentColumn >= 4 || i >= breakFrom) break;
      const width = markerWidth(body, i, end);
      if (width === 0) break;
      if (opened === 0) open.length = matched;
      if (open.length >= limit) return { line, column: i - start };
      const quote = body.charCodeAt(i) === QUOTE;
      const markerColumn = column;
      i += width;
      column += width;
      let spaces = 0;
      while (i + spaces < end && body.charCodeAt(i + spaces) === SPACE) spaces++;
      if (quote) {
        if (spaces > 0) (i++, column++);
        contentColumn = column;
      } else {
        // One to four spaces after a list marker set its content column; more start indented code inside it.
        contentColumn = markerColumn + width + (spaces >= 1 && spaces <= 4 ? spaces : 1);
        if (spaces >= 1 && spaces <= 4) (i += spaces), (column += spaces);
      }
      open.push({ quote, content: contentColumn });
      opened++;
      while (i < end && isSpace(body.charCodeAt(i))) column = advance(column, body.charCodeAt(i++));
    }
    // A line that continues nothing ends the containers it is not in, unless it continues a paragraph.
    if (opened === 0 && !blank && matched < open.length && previousBlank) open.length = matched;
    const opening = openingFence(body, i, end);
    if (opening) fence = { ...opening, depth: open.length };
    previousBlank = blank;
  }
  return undefined;
}

/** The characters a line must start with to open a container or a fence. */
const MAY_START_BLOCK: boolean[] = [];
for (const char of '>-*+0123456789`~') MAY_START_BLOCK[char.charCodeAt(0)] = true;

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** The column after a space or a tab (to the next multiple of four). */
function advance(column: number, code: number): number {
  return code === TAB ? column + 4 - (column % 4) : column + 1;
}

/** Characters of the container marker at `i`, or 0. */
function markerWidth(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (code === QUOTE) return 1;
  if (code === 0x2d || code === 0x2a || code === 0x2b) return isBlankAt(text, i + 1, end) ? 1 : 0; // - * +
  let j = i;
  while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  if (j === i) return 0;
  const delimiter = text.charCodeAt(j);
  return (delimiter === 0x2e || delimiter === 0x29) && isBlankAt(text, j + 1, end) ? j + 1 - i : 0; // . )
}

/** A list marker is followed by a space, a tab or the end of its line. */
function isBlankAt(text: string, i: number, end: number): boolean {
  return i >= end || text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB;
}

/**
 * The first index from which the rest of the line is a thematic break
 * (three or more of one of `-`, `*`, `_`, and spaces), or `end`: a marker
 * there draws a line, it opens no list. One pass from the line's end.
 */
function thematicBreakFrom(text: string, start: number, end: number): number {
  let j = end;
  while (j > start && (text.charCodeAt(j - 1) === SPACE || text.charCodeAt(j - 1) === TAB)) j--;
  const char = text.charCodeAt(j - 1);
  if (j === start || (char !== 0x2d && char !== 0x2a && char !== 0x5f)) return end;
  let count = 0;
  let from = end;
  for (; j > start; j--) {
    const code = text.charCodeAt(j - 1);
    if (code === char) {
      if (++count >= 3) from = j - 1;
    } else if (code !== SPACE && code !== TAB) break;
  }
  return from;
}

function openingFence(text: string, i: number, end: number): { char: number; length: number } | undefined {
  const char = text.charCodeAt(i);
  if (char !== BACKTICK && char !== TILDE) return undefined;
  let j = i;
  while (j < end && text.charCodeAt(j) === char) j++;
  // A backtick fence's info string has no backtick.
  if (j - i < 3 || (char === BACKTICK && text.slice(j, end).includes('`'))) return undefined;
  return { char, length: j - i };
}

function isClosingFence(text: string, i: number, end: number, fence: { char: number; length: number }): boolean {
  let j = i;
  while (j < end && text.charCodeAt(j) === fence.char) j++;
  return j - i >= fence.length && text.slice(j, end).trim() === '';
}

export const markdownNesting = defineRule({
  id: 'markdown-nesting',
  defaultSeverity: 'error',
  description: `a body nesting lists and block quotes more than ${MAX_NESTING_DEPTH} levels deep (the site could not render it)`,
  options: noOptions,
  check({ declarations }) {
    const problems: Problem[] = [];
    const kinds: readonly (readonly Declaration<unknown>[])[] = [declarations.cycles, declarations.teams, declarations.people, declarations.objectives, declarations.reviews, declarations.glossary];
    for (const list of kinds) {
      for (const declaration of list) {
        const deep = findTooDeepNesting(declaration.body);
        if (!deep) continue;
        problems.push({
          rule: 'markdown-nesting',
          file: declaration.file,
          anchor: at.position(declaration.bodyLine + deep.line, deep.column + 1),
          message: `Lists and block quotes nest more than ${MAX_NESTING_DEPTH} levels deep here.`,
          hint: 'Flatten the list or quote: no reader follows that many levels, and the site cannot render them.',
        });
      }
    }
    return problems;
  },
});
