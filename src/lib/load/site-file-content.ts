/*
 * What a logo, favicon or custom stylesheet may hold. The site serves these
 * files as they are, so one that could run script or fetch from another host
 * is refused, never rewritten: a sanitiser's output would be a file nobody
 * wrote. The checks err on the side of refusing.
 */

/** Why an SVG is refused, or undefined when it holds only drawing. */
export function svgRefusal(text: string): string | undefined {
  if (/<script[\s>/]/i.test(text)) return 'holds a `<script>` element';
  if (/<!ENTITY/i.test(text)) return 'declares XML entities';
  if (/<foreignObject[\s>/]/i.test(text)) return 'holds a `<foreignObject>`, which can embed HTML';
  const handler = /[\s"'/]on[a-z]+\s*=/i.exec(text);
  if (handler) return `has an event-handler attribute (\`${handler[0].replace(/^[\s"'/]/, '').replace(/\s*=$/, '')}\`), which runs script`;
  if (/(?:^|[\s"'])(?:xlink:)?href\s*=\s*["']\s*(?!#)/i.test(text)) return 'links to another file or address (an `href` that is not `#id`)';
  if (/url\(\s*["']?\s*(?!#)/i.test(text)) return 'refers to another file or address in a `url(…)`';
  if (/@import/i.test(text)) return 'imports a stylesheet (`@import`)';
  if (/javascript:/i.test(text)) return 'holds a `javascript:` address';
  return undefined;
}

/** Why a custom stylesheet is refused, or undefined when it fetches nothing. */
export function cssRefusal(text: string): string | undefined {
  if (/@import/i.test(text)) return 'imports another stylesheet (`@import`)';
  if (/url\(\s*["']?\s*(?!data:|#)/i.test(text)) return 'refers to another file or address in a `url(…)`; only `data:` URLs are allowed';
  if (/expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(text)) return 'holds a script construct (`expression()`, `javascript:`, `behavior`)';
  if (/<\/style/i.test(text)) return 'holds `</style`';
  return undefined;
}
