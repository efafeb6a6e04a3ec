import path from 'node:path';
import type { Diagnostic } from '../problem.js';

/** Escaping from GitHub's workflow-command documentation. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error` / `::warning` workflow command per diagnostic, so a pull
 * request shows each problem on its line. `prefix` is the content folder's
 * path relative to the repository root.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], prefix: string): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const file = path.posix.join(prefix.split(path.sep).join('/'), d.file);
      const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${command} file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}::${escapeData(message)}\n`;
    })
    .join('');
}
