import path from 'node:path';
import type { Diagnostic } from '../problem.js';
import { escapeControl } from './escape-control.js';

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
 * path relative to the repository root. Text from the handbook has its
 * control characters escaped first (a line break in it is shown as `\n`,
 * so it cannot start a workflow command of its own), then GitHub's own
 * escaping applies; the one line break that is ours separates the hint.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], prefix: string): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const file = escapeControl(path.posix.join(prefix.split(path.sep).join('/'), d.file));
      const message = d.hint ? `${escapeControl(d.message)}\n${escapeControl(d.hint)}` : escapeControl(d.message);
      return `::${command} file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(escapeControl(d.rule))}::${escapeData(message)}\n`;
    })
    .join('');
}
