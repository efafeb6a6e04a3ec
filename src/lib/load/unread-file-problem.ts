import { at, type Problem } from '../problem.js';
import type { EncodingProblem } from './decode-text.js';
import type { TextRead } from './read-regular-file.js';

/** Reading gave no text that may be parsed: why, for one diagnostic. */
export type Unread = Exclude<TextRead, { kind: 'text' }> | { kind: 'encoding'; problem: EncodingProblem };

/**
 * The one problem to report for a file that was not read, or not read as
 * text (`file` relative to the content folder). `sizeHint` says how to
 * raise the size limit that applied to this file.
 */
export function unreadFileProblem(file: string, unread: Unread, sizeHint: string): Problem {
  switch (unread.kind) {
    case 'not-regular':
      return {
        rule: 'stray-file',
        file,
        anchor: at.file(),
        message: `\`${file}\` is ${unread.what}, not a regular file; it was not read.`,
        hint: 'Only regular files are read: replace it with a Markdown file, or remove it.',
      };
    case 'unreadable':
      return {
        rule: 'stray-file',
        file,
        anchor: at.file(),
        message: `\`${file}\` could not be read (${unread.code}); it is not part of the handbook.`,
        hint: 'Check that the file still exists and that its permissions let you read it.',
      };
    case 'too-large':
      return {
        rule: 'file-too-large',
        file,
        anchor: at.file(),
        message: `\`${file}\` is ${bytes(unread.size)}, over the limit of ${bytes(unread.maxSize)}; it was not read.`,
        hint: sizeHint,
      };
    case 'encoding':
      return { rule: 'encoding', file, anchor: { kind: 'offset', offset: unread.problem.textOffset }, message: unread.problem.message, hint: unread.problem.hint };
  }
}

function bytes(count: number): string {
  return `${count.toLocaleString('en-US')} bytes`;
}
