import path from 'node:path';
import { escapeControl } from '../lib/format/escape-control.js';
import type { Diagnostic } from '../lib/problem.js';

/** How many problems the overlay lists; the terminal has them all. */
const SHOWN = 20;

/** Lines of context the overlay's code frame shows around the offending line. */
const CONTEXT = 2;

/**
 * The shape Astro's dev overlay reads: `title`, `hint` and `loc`, from which
 * it shows the file with the offending line highlighted, and `frame` and
 * `fullCode`, which it would otherwise read from `loc.file` itself. Both are
 * set here from the text the check read, so the overlay never opens a path
 * on its own: a file the check refused (a link out, a pipe, a file over the
 * size limit) gets no location and no frame.
 */
export class HandbookValidationError extends Error {
  override name = 'HandbookValidationError';
  title: string;
  hint: string;
  loc: { file: string; line: number; column: number } | undefined;
  frame: string | undefined;
  fullCode: string | undefined;

  constructor(errors: readonly Diagnostic[], contentDir: string, texts: ReadonlyMap<string, string> = new Map()) {
    const [first] = errors as [Diagnostic, ...Diagnostic[]];
    const listed = errors.slice(0, SHOWN).map((d) => escapeControl(`${d.file}:${d.line}:${d.column}  ${d.message}  (${d.rule})`));
    if (errors.length > SHOWN) listed.push(`… and ${errors.length - SHOWN} more in the terminal.`);
    super(listed.join('\n'));
    this.title = `The handbook has ${errors.length} validation ${errors.length === 1 ? 'error' : 'errors'}`;
    this.hint = escapeControl(first.hint ?? 'Fix the file and save it; the page reloads by itself.');
    // Astro shows the file around the line, but only finds files inside the
    // project (it prefixes the project folder to any other path).
    const file = path.join(contentDir, first.file);
    const text = texts.get(first.file);
    const inProject = file.startsWith(process.cwd() + path.sep);
    this.loc = inProject && text !== undefined ? { file, line: first.line, column: first.column } : undefined;
    this.frame = this.loc && text !== undefined ? codeFrame(text, first.line) : undefined;
    this.fullCode = this.loc ? text : undefined;
    // No JavaScript stack: the problem is in a content file, not in code.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The offending line with a little context, numbered, control characters escaped. */
function codeFrame(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - CONTEXT);
  const to = Math.min(lines.length, line + CONTEXT);
  const width = String(to).length;
  const shown: string[] = [];
  for (let number = from; number <= to; number++) {
    shown.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${escapeControl(lines[number - 1]!)}`);
  }
  return shown.join('\n');
}
