import path from 'node:path';
import type { CheckSummary } from '../check-handbook.js';
import type { Diagnostic } from '../problem.js';
import { escapeControl } from './escape-control.js';

export interface PrettyOptions {
  color: boolean;
  /**
   * The texts the check read, by file, for the code frame under each
   * diagnostic (`CheckResult.texts`). Nothing else is quoted: a path is
   * never read again here, since it may lead anywhere by now.
   */
  texts?: ReadonlyMap<string, string>;
  /**
   * The content folder as the reader reaches it from the current folder
   * (`content`, `.`, `../handbook`): each problem's path starts with it, so
   * a terminal or an editor can open `path:line:column`. Default `.`.
   */
  folder?: string;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

/**
 * Like a compiler: each problem starts with `path:line:column`, then its
 * line with a caret, and how to fix it; problems of one file come
 * together. Everything that comes from the handbook (file names,
 * messages, quoted lines) is printed with control characters escaped, so
 * no file can send the terminal an escape sequence.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], summary: CheckSummary, options: PrettyOptions): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let currentFile: string | undefined;
  let lineTable: string[] | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = d.file;
      lineTable = options.texts?.get(d.file)?.split(/\r?\n/);
    }
    const severity = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    const location = `${escapeControl(displayPath(options.folder, d.file))}:${d.line}:${d.column}`;
    lines.push(`${paint('bold', location)}  ${severity}  ${escapeControl(d.message)}  ${paint('dim', escapeControl(d.rule))}`);
    const source = lineTable?.[d.line - 1];
    if (source !== undefined && source.trim() !== '') {
      const gutter = String(d.line);
      lines.push(paint('dim', `    ${gutter} | `) + escapeControl(source));
      lines.push(paint('dim', `    ${' '.repeat(gutter.length)} | `) + caretIndent(source, d.column) + paint(d.severity === 'error' ? 'red' : 'yellow', '^'));
    }
    if (d.hint) lines.push(`    ${paint('cyan', 'fix:')} ${escapeControl(d.hint)}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary, paint));
  return `${lines.join('\n')}\n`;
}

/** `content/objectives/x.md`; `objectives/x.md` when the content folder is the current one. Always with `/`. */
export function displayPath(folder: string | undefined, file: string): string {
  const prefix = folder === undefined || folder === '' || folder === '.' ? '' : folder.split(path.sep).join('/');
  return prefix === '' ? file : path.posix.join(prefix, file);
}

/** Blanks as wide as the line before `column` is printed (escapes included), keeping its tabs so the caret lines up. */
function caretIndent(source: string, column: number): string {
  return escapeControl(source.slice(0, Math.max(0, column - 1))).replace(/[^\t]/g, ' ');
}

function summaryLine(summary: CheckSummary, paint: (style: keyof typeof ANSI, text: string) => string): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const files = plural(summary.files, 'file');
  if (summary.errors > 0) return paint('red', `✖ ${counts} in ${files} checked.`);
  if (summary.warnings > 0) return paint('yellow', `⚠ ${counts} in ${files} checked.`);
  return `✔ ${files} checked: no problems.`;
}
