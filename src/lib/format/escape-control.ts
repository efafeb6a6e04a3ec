/*
 * Characters that must never reach a terminal, a log or a review page
 * as they are: C0 controls (escape sequences can retitle or clear a
 * terminal, move the cursor, rewrite what was printed), DEL, C1 controls
 * (U+0080-U+009F: some terminals read U+009B as an escape sequence too), and
 * the bidirectional embeddings, overrides and isolates that make text read
 * in another order than it is stored ("Trojan Source"). Tab is kept: it
 * does nothing but move to the next column.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * `text` with every unsafe character written as an escape that shows what
 * it was: `\n`, `\r`, `\x1B`, `\u202E`. Text from a handbook (messages
 * quote values and keys, file names are the author's) goes through this
 * before any format prints it.
 */
export function escapeControl(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (character) => NAMED[character] ?? hexEscape(character));
}

/** Whether `text` holds a character {@link escapeControl} would escape. */
export function hasControl(text: string): boolean {
  return UNSAFE.test(text);
}

function hexEscape(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/* JSON.stringify already writes C0 controls as `\u001b`; these it leaves as they are. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 and bidi characters written as `\uXXXX` escapes.
 * Inside a JSON string that is the same character, so the data is exactly
 * what it was; only the bytes printed to a terminal change. Outside strings
 * JSON has none of these characters.
 */
export function escapeJsonControl(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
