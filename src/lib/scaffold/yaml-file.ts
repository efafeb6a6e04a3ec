import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isCollection, isScalar, type ToStringOptions } from 'yaml';
import type { PathSegment } from '../problem.js';
import { ScaffoldError } from './inputs.js';

/**
 * How new YAML is written: long titles stay on one line, and a value left
 * for someone to fill is written blank (`accepted:`), not `null`.
 */
export const YAML_OUTPUT: ToStringOptions = { lineWidth: 0, minContentWidth: 0, nullStr: '' };

/** Front matter built from plain values: the `yaml` package quotes whatever needs quoting. */
export function createFrontMatter(fields: Record<string, unknown>): Document {
  return new Document(fields, { version: '1.2' });
}

/** Puts a `# comment` after the value at `path` (which may be blank). */
export function commentOn(document: Document, path: readonly PathSegment[], comment: string): void {
  const node = document.getIn(path, true);
  if (isScalar(node) || isCollection(node)) node.comment = ` ${comment}`;
}

/** Writes the value at `path` as a flow mapping or list, `{ baseline: 32, target: 55 }`. */
export function flowAt(document: Document, path: readonly PathSegment[]): void {
  const node = document.getIn(path, true);
  if (isCollection(node)) node.flow = true;
}

export function renderFile(document: Document, body = ''): string {
  return `---\n${document.toString(YAML_OUTPUT)}---\n${body}`;
}

/** Creates the file and its folder; never replaces a file that exists. */
export function writeNewFile(absolutePath: string, text: string, shownAs: string): void {
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  try {
    writeFileSync(absolutePath, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`${shownAs} already exists; it was left as it is.`);
    throw error;
  }
}
