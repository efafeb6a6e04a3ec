/*
 * Which URLs from content may become a link (`href`) or a source (`src`) on
 * the site. One judgement, used twice: by the schemas, which report anything
 * else as a diagnostic, and by the pages, which drop anything else whatever
 * validation let through.
 */

/** The schemes a link to a web page may have. */
export const WEB_SCHEMES: readonly string[] = ['https:', 'http:'];

/** The example a hint shows. */
export const WEB_URL_EXAMPLE = 'https://git.example.com/acme/handbook/edit/main/content/';

/**
 * A URL's scheme as a browser reads it, lower-cased with its colon
 * (`javascript:`), or undefined for a URL without one (`//host`, `page/`).
 * Browsers ignore spaces and control characters around a URL and tabs and
 * line breaks inside it, so ` java\tscript:` is a `javascript:` URL.
 */
export function urlScheme(url: string): string | undefined {
  const read = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(read);
  return match ? `${match[1]!.toLowerCase()}:` : undefined;
}

/** Spaces, control characters and other whitespace: no URL a handbook sets needs one. */
const BLANK_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f\s]/u;

/** True for a URL written plainly (no spaces or control characters) whose scheme is one of `schemes`. */
export function hasAllowedScheme(url: string, schemes: readonly string[]): boolean {
  if (BLANK_OR_CONTROL.test(url)) return false;
  const scheme = urlScheme(url);
  return scheme !== undefined && schemes.includes(scheme);
}

/** True for a full `https://` or `http://` address with a host, as a handbook's settings need. */
export function isWebUrl(url: string): boolean {
  if (!hasAllowedScheme(url, WEB_SCHEMES) || !/^[a-z]+:\/\/[^/?#]/i.test(url)) return false;
  try {
    return WEB_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** How to turn a value that is not a web address into one, in words. */
export function fixWebUrl(value: unknown): string {
  const example = `such as \`${WEB_URL_EXAMPLE}\``;
  if (typeof value !== 'string') return `Write a web address, ${example}.`;
  if (BLANK_OR_CONTROL.test(value)) return 'Remove the spaces, tabs and line breaks: a web address has none (write a space in a path as `%20`).';
  const scheme = urlScheme(value);
  if (scheme !== undefined && !WEB_SCHEMES.includes(scheme)) {
    const runs = ['javascript:', 'vbscript:', 'data:'].includes(scheme) ? `a \`${scheme}\` link runs script or shows content of its own in the reader's browser` : `the site links only to web pages`;
    return `Only \`https://\` and \`http://\` addresses are allowed: ${runs}. Write a web address, ${example}.`;
  }
  if (value.startsWith('//')) return `Write the scheme too: \`https:${value}\`.`;
  return `Write a full address with its scheme and host, ${example}.`;
}
