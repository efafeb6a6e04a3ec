import { escapeControl, hasControl } from '../format/escape-control.js';

/**
 * Text from a handbook file (a title, a name, an owner as written) put into
 * a pull-request comment. Every value is author input: it must read as the
 * same text, never as markup, a table cell border or an @-mention.
 */
export function escapeText(value: string): string {
  return escapeInline(value).trim();
}

/**
 * Values are always written after a label or inside a table cell, never at
 * the start of a line, so only inline syntax needs escaping: emphasis,
 * links, code, strike-through, math, HTML, entities, cell borders and
 * mentions. White space becomes one space; other control characters and
 * bidi overrides are written as escapes (`\x1B`), whose backslash is then
 * escaped like any other.
 */
function escapeInline(value: string): string {
  return escapeControl(value.replace(/\s+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/@/g, '&#64;')
    .replace(/[\\`*_[\]~$]/g, (character) => `\\${character}`);
}

/** Text that can sit in a code span, even inside a table: no backtick, `|`, line break, or leading and trailing space. */
const CODE_SAFE = /^[^`|\r\n\\]+$/;

/** An id or other short literal as code; text that cannot be a code span safely (control characters included) is escaped instead. */
export function code(value: string): string {
  return CODE_SAFE.test(value) && value.trim() === value && !hasControl(value) ? `\`${value}\`` : escapeText(value);
}

/**
 * A diagnostic message, whose `backticked` parts (ids, field names, values
 * as written) stay code when that is safe; everything else is escaped.
 */
export function escapeMessage(message: string): string {
  return message
    .split(/(`[^`\n]*`)/)
    .map((part) => (part.length >= 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : escapeInline(part)))
    .join('')
    .trim();
}
