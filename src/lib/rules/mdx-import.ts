import path from 'node:path';
import { at, type Problem } from '../problem.js';
import { quoteName } from '../schema/describe-value.js';
import { findTooDeepNesting } from './markdown-nesting.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

/** A module a body names in `import … from`, `export … from` or `import(…)`, and where the name stands (1-based, in the body). */
export interface MdxImport {
  source: string;
  line: number;
  column: number;
}

/** Rules whose problem means a file was never read. */
const UNREAD_RULES = new Set(['stray-file', 'encoding', 'file-too-large']);

/** `./x`, `../x`, `/x`, `C:\x`, `file:…`: a specifier that names a file rather than a package. */
const PATH_SPECIFIER = /^(?:\.{1,2}(?:[/\\]|$)|[/\\]|[a-z]:|file:)/i;

/**
 * Where a specifier leads, as a path in the content folder (`glossary/x.mdx`),
 * or `undefined` when it leaves the folder. Only text is looked at: a link
 * inside the folder that leads out is the build's to refuse (it names the file).
 */
export function importTarget(file: string, source: string): string | undefined {
  const specifier = source.replace(/[?#].*$/s, '').replace(/\\/g, '/');
  if (!/^\.{1,2}(?:\/|$)/.test(specifier)) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return target === '..' || target.startsWith('../') ? undefined : target;
}

/**
 * An MDX body may import modules, and the build bundles what they name, a
 * file's text included (`?raw`). Check cannot run that code, but it can see
 * what a body imports by name: a file outside the content folder (by a
 * relative path leading out, an absolute path, a `..` inside a package
 * name), or a file check refused (a link leading out, a device, a file not
 * UTF-8), is reported where the name stands. The build refuses the same
 * imports, and any other path that resolves outside the content folder.
 */
export const mdxImport = defineRule({
  id: 'mdx-import',
  defaultSeverity: 'error',
  description: 'an MDX glossary body importing a file outside the content folder, or one `check` did not read',
  options: noOptions,
  check({ declarations, mdxImports, loadProblems }) {
    const problems: Problem[] = [];
    if (!mdxImports) return problems;
    const unread = new Set(loadProblems.filter((problem) => UNREAD_RULES.has(problem.rule)).map((problem) => problem.file));
    for (const declaration of declarations.glossary) {
      if (declaration.extension !== '.mdx' || findTooDeepNesting(declaration.body)) continue;
      for (const { source, line, column } of mdxImports(declaration.body)) {
        const where = at.position(declaration.bodyLine + line - 1, column);
        const name = quoteName(source);
        if (PATH_SPECIFIER.test(source)) {
          const target = importTarget(declaration.file, source);
          if (target === undefined) {
            problems.push({
              rule: 'mdx-import',
              file: declaration.file,
              anchor: where,
              message: `The MDX body imports ${name}, a file outside the content folder; the build would read it into the site.`,
              hint: 'Copy what the body needs into the content folder and import it with a relative path (`./file`), or remove the import.',
            });
          } else if (unread.has(target)) {
            problems.push({
              rule: 'mdx-import',
              file: declaration.file,
              anchor: where,
              message: `The MDX body imports ${quoteName(target)}, which check did not read (see its \`stray-file\` or other warning); the build would read it into the site.`,
              hint: 'Import only files inside the content folder that are what they claim: copy a linked file in instead of linking it, or remove the import.',
            });
          }
        } else if (source.split(/[/\\]/).includes('..')) {
          problems.push({
            rule: 'mdx-import',
            file: declaration.file,
            anchor: where,
            message: `The MDX body imports ${name}, whose \`..\` can lead out of the package into any folder.`,
            hint: 'Import a package by its name and its own paths, without `..`.',
          });
        }
      }
    }
    return problems;
  },
});

interface EstreeNode {
  type?: string;
  source?: { type?: string; value?: unknown; loc?: { start: { line: number; column: number } } } | null;
}

/**
 * What a body imports by name, read with @mdx-js/mdx's own parser: its
 * `import`/`export` blocks, walked without recursion (an expression may nest
 * deeply). A body that does not parse imports nothing here: `mdx-syntax`
 * reports it.
 */
export function mdxImportsWith(createProcessor: () => { parse: (body: string) => unknown }): (body: string) => MdxImport[] {
  const processor = createProcessor();
  return (body) => {
    let tree: { children?: { type: string; data?: { estree?: unknown } }[] };
    try {
      tree = processor.parse(body) as typeof tree;
    } catch {
      return [];
    }
    const found: MdxImport[] = [];
    for (const node of tree.children ?? []) {
      if (node.type !== 'mdxjsEsm' || !node.data?.estree) continue;
      const stack: unknown[] = [node.data.estree];
      while (stack.length > 0) {
        const item = stack.pop();
        if (item === null || typeof item !== 'object') continue;
        if (Array.isArray(item)) {
          for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
          continue;
        }
        const { type, source } = item as EstreeNode;
        const named = type === 'ImportDeclaration' || type === 'ExportNamedDeclaration' || type === 'ExportAllDeclaration' || type === 'ImportExpression';
        if (named && source?.type === 'Literal' && typeof source.value === 'string' && source.loc) {
          found.push({ source: source.value, line: source.loc.start.line, column: source.loc.start.column + 1 });
        }
        for (const [key, value] of Object.entries(item)) if (key !== 'loc' && key !== 'range' && key !== 'parent') stack.push(value);
      }
    }
    return found;
  };
}
