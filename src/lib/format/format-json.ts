import type { CheckSummary } from '../check-handbook.js';
import type { Diagnostic } from '../problem.js';
import { escapeJsonControl } from './escape-control.js';

/**
 * The content format's JSON shape. The hint is part of the message there,
 * since the shape has no field of its own for it. Control characters are
 * `\u` escapes, so the text printed is safe on a terminal and the data
 * read back is exactly the handbook's.
 */
export function formatJson(diagnostics: readonly Diagnostic[], summary: CheckSummary): string {
  return `${escapeJsonControl(JSON.stringify(
    {
      diagnostics: diagnostics.map(({ file, line, column, rule, severity, message, hint }) => ({
        file,
        line,
        column,
        rule,
        severity,
        message: hint ? `${message} ${hint}` : message,
      })),
      summary,
    },
    null,
    2,
  ))}\n`;
}
