import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult, CheckSummary } from '../../../src/lib/check-handbook.js';
import type { Diagnostic } from '../../../src/lib/problem.js';
import { RULES_BY_ID } from '../../../src/lib/rules/index.js';
import { visible } from './visible.js';
import { SECRET } from './write-mutant.js';

/** One broken promise: `kind` groups failures of one cause, `detail` says what this one saw. */
export interface Failure {
  kind: string;
  detail: string;
}

/**
 * What no output may print raw: C0 controls except tab and line feed, DEL,
 * C1 controls, and bidirectional embeddings, overrides and isolates.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;


/** The first character of `text` no output may print raw, as `U+XXXX`. */
export function controlIn(text: string): string | undefined {
  const match = CONTROL.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` : undefined;
}

/** The file's lines as the loader counts them (UTF-8, BOM dropped), or undefined when it is not a readable regular file. */
function linesOf(contentDir: string, file: string): string[] | undefined {
  const absolute = path.join(contentDir, file);
  try {
    const stat = statSync(absolute);
    if (!stat.isFile() || stat.size > 4_000_000) return undefined;
  } catch {
    return undefined;
  }
  return readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '').split('\n');
}

/**
 * What every diagnostic of every handbook promises: a known rule and
 * severity, a position inside its file, and a message (and hint) that says
 * something: no `[object Object]`. A message may quote the handbook's own
 * characters, control characters included, as data: every output format
 * escapes them (see {@link checkOutputs}).
 */
export function checkDiagnostics(contentDir: string, diagnostics: readonly Diagnostic[], summary: CheckSummary): Failure[] {
  const failures: Failure[] = [];
  const lineCache = new Map<string, string[] | undefined>();
  for (const d of diagnostics) {
    const where = `${visible(d.file)}:${d.line}:${d.column} ${d.rule}`;
    if (!RULES_BY_ID.has(d.rule)) failures.push({ kind: `unknown rule id ${d.rule}`, detail: where });
    if (d.severity !== 'error' && d.severity !== 'warn') failures.push({ kind: 'unknown severity', detail: `${where} ${String(d.severity)}` });
    if (typeof d.file !== 'string' || d.file === '' || path.isAbsolute(d.file) || d.file.split('/').includes('..')) {
      failures.push({ kind: 'file outside the content folder', detail: where });
    }
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.column < 1) {
      failures.push({ kind: `position not 1-based whole numbers [${d.rule}]`, detail: where });
    } else {
      if (!lineCache.has(d.file)) lineCache.set(d.file, linesOf(contentDir, d.file));
      const lines = lineCache.get(d.file);
      if (lines === undefined) {
        // A folder, a link that was not followed, a file that is not there: only the file itself can be meant.
        if (d.line !== 1 || d.column !== 1) failures.push({ kind: `position in something that is not a file [${d.rule}]`, detail: where });
      } else if (d.line > lines.length) {
        failures.push({ kind: `line past the end of the file [${d.rule}]`, detail: `${where}: the file has ${lines.length} lines` });
      } else if (d.column > lines[d.line - 1]!.length + 1) {
        failures.push({ kind: `column past the end of the line [${d.rule}]`, detail: `${where}: line ${d.line} is ${visible(lines[d.line - 1]!, 80)}` });
      }
    }
    for (const [field, text] of [
      ['message', d.message],
      ['hint', d.hint],
    ] as const) {
      if (text === undefined) {
        if (field === 'message') failures.push({ kind: `no message [${d.rule}]`, detail: where });
        continue;
      }
      if (typeof text !== 'string' || text.trim() === '') failures.push({ kind: `empty ${field} [${d.rule}]`, detail: where });
      else if (text.includes('[object Object]')) failures.push({ kind: `[object Object] in a ${field} [${d.rule}]`, detail: `${where}: ${visible(text)}` });
    }
  }
  // The summary counts every problem; the list may show fewer (a capped rule says how many it left out).
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (summary.errors < errors || summary.warnings < warnings || summary.errors > 0 !== errors > 0 || summary.warnings > 0 !== warnings > 0) {
    failures.push({ kind: 'summary does not count the diagnostics', detail: `${JSON.stringify(summary)} for ${errors} errors and ${warnings} warnings listed` });
  }
  return failures;
}

/** The three output formats of `npm run check`, as the command prints them. */
export interface CheckOutputs {
  pretty: string;
  github: string;
  json: string;
}

/**
 * What every output promises: JSON that parses into the documented shape,
 * no raw control character in any format's text (JSON escapes them as
 * `\u` sequences, the others as visible escapes), and nothing from a file
 * outside the content folder.
 */
export function checkOutputs(outputs: CheckOutputs, result: CheckResult): Failure[] {
  const failures: Failure[] = [];
  try {
    const parsed = JSON.parse(outputs.json) as { diagnostics: unknown[]; summary: unknown };
    if (!Array.isArray(parsed.diagnostics) || parsed.diagnostics.length !== result.diagnostics.length) {
      failures.push({ kind: 'json output: wrong shape', detail: outputs.json.slice(0, 200) });
    }
  } catch (error) {
    failures.push({ kind: 'json output: not JSON', detail: String(error) });
  }
  for (const format of ['pretty', 'github', 'json'] as const) {
    const control = controlIn(outputs[format]);
    if (control) {
      const line = outputs[format].split('\n').find((text) => controlIn(text)) ?? '';
      failures.push({ kind: `${format} output: raw control character`, detail: `${control} in ${visible(line)}` });
    }
  }
  for (const format of ['pretty', 'github', 'json'] as const) {
    if (outputs[format].includes(SECRET)) {
      const line = outputs[format].split('\n').find((text) => text.includes(SECRET)) ?? '';
      failures.push({ kind: `${format} output: quotes a file outside the content folder`, detail: visible(line) });
    }
  }
  return failures;
}
