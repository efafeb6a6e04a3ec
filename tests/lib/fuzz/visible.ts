/**
 * Text as a JSON string with every character a terminal could act on
 * escaped: C0 (as JSON does), DEL, C1, line and paragraph separators and
 * bidirectional overrides. Failure reports print content through this, so
 * they are safe to read even when the content is hostile.
 */
export function visible(text: string, limit = 160): string {
  const shown = JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
  return shown.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
