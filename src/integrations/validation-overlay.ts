import path from 'node:path';
import { defineMiddleware } from 'astro:middleware';
import type { Diagnostic } from '../lib/problem.js';
import { getSiteModel } from '../site/handbook.js';

/** How many problems the overlay lists; the terminal has them all. */
const SHOWN = 20;

/**
 * `npm run dev` only: while the handbook has validation errors, every page
 * answers with them, so Astro shows its error overlay pointing at the
 * offending line instead of a page built from a half-valid model.
 */
export const onRequest = defineMiddleware((_context, next) => {
  const { errors = [], contentDir } = getSiteModel();
  if (errors.length === 0) return next();
  throw new HandbookValidationError(errors, contentDir);
});

/**
 * The shape Astro's dev overlay reads: `title`, `hint` and `loc`, from which
 * it shows the file with the offending line highlighted.
 */
export class HandbookValidationError extends Error {
  override name = 'HandbookValidationError';
  title: string;
  hint: string;
  loc: { file: string; line: number; column: number } | undefined;

  constructor(errors: readonly Diagnostic[], contentDir: string) {
    const [first] = errors as [Diagnostic, ...Diagnostic[]];
    const listed = errors.slice(0, SHOWN).map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}  (${d.rule})`);
    if (errors.length > SHOWN) listed.push(`… and ${errors.length - SHOWN} more in the terminal.`);
    super(listed.join('\n'));
    this.title = `The handbook has ${errors.length} validation ${errors.length === 1 ? 'error' : 'errors'}`;
    this.hint = first.hint ?? 'Fix the file and save it; the page reloads by itself.';
    // Astro shows the file around the line, but only finds files inside the
    // project (it prefixes the project folder to any other path).
    const file = path.join(contentDir, first.file);
    this.loc = file.startsWith(process.cwd() + path.sep) ? { file, line: first.line, column: first.column } : undefined;
    // No JavaScript stack: the problem is in a content file, not in code.
    this.stack = `${this.name}: ${this.message}`;
  }
}
