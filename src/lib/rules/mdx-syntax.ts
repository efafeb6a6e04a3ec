import type { MdxCompileError } from '../load/mdx-compiler.js';
import { at, type Problem } from '../problem.js';
import { findTooDeepNesting } from './markdown-nesting.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

/** A position in the body, from the error's fields or, for some JSX errors, its text (`(3:1-3:6)`). */
function placeOf(error: MdxCompileError): { line: number; column: number } | undefined {
  if (error.line !== undefined && error.column !== undefined) return { line: error.line, column: error.column };
  if (error.place?.start) return error.place.start;
  const written = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(error.reason ?? '');
  return written ? { line: Number(written[1]), column: Number(written[2]) } : undefined;
}

/**
 * MDX glossary bodies are compiled here, as the build's MDX integration
 * will compile them, so a syntax error is a diagnostic on its line rather
 * than a failed build. Only `.mdx` files are compiled: they are few, and
 * Markdown cannot fail to parse.
 */
export const mdxSyntax = defineRule({
  id: 'mdx-syntax',
  defaultSeverity: 'error',
  description: 'an MDX glossary body that does not compile',
  options: noOptions,
  check({ declarations, compileMdx }) {
    const problems: Problem[] = [];
    if (!compileMdx) return problems;
    for (const declaration of declarations.glossary) {
      // A body nested too deeply is markdown-nesting's problem, and could take the compiler down.
      if (declaration.extension !== '.mdx' || findTooDeepNesting(declaration.body)) continue;
      try {
        compileMdx(declaration.body);
      } catch (cause) {
        const error = (cause ?? {}) as MdxCompileError;
        const place = placeOf(error);
        const reason = (error.reason ?? error.message ?? String(cause)).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)$/, '');
        problems.push({
          rule: 'mdx-syntax',
          file: declaration.file,
          // Body lines follow the front matter; a body's first line starts at column 1 like any other.
          anchor: place ? at.position(declaration.bodyLine + place.line - 1, place.column) : at.position(declaration.bodyLine, 1),
          message: `The MDX body does not compile: ${reason.replace(/\.?$/, '.')}`,
          hint: 'In MDX, `{`, `<` and lines starting with `import` or `export` are code: write `\\{` or `\\<` for the characters themselves, close every tag, or rename the file to `.md` if it needs no MDX.',
        });
      }
    }
    return problems;
  },
});
