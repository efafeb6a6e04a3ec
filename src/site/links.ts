import type { Source } from '../lib/model/handbook.js';
import { hasAllowedScheme, WEB_SCHEMES } from '../lib/schema/link-url.js';
import { getSiteModel } from './handbook.js';

/*
 * Every `href` and `src` a page builds goes through this module: `href()` for
 * the site's own pages, the helpers below for anything a handbook sets. They
 * drop a URL whose scheme is not allowed, whatever validation let through,
 * so no page links to `javascript:`, `data:` or `vbscript:`.
 */

/** A site path under the configured base (`/okrs/` when served there). */
export function href(path: string): string {
  return `${getSiteModel().base.replace(/\/$/, '')}${path}`;
}

export const paths = {
  home: () => '/',
  objectives: () => '/objectives/',
  objective: (id: string) => `/objectives/${id}/`,
  keyResult: (id: string) => `/key-results/${id}/`,
  people: () => '/people/',
  person: (id: string) => `/people/${id}/`,
  ownership: () => '/ownership/',
  ownershipOfCycle: (cycleId: string) => `/ownership/${cycleId}/`,
  attentionOfCycle: (cycleId: string) => `/ownership/${cycleId}/attention/`,
  alignment: () => '/alignment/',
  alignmentOfCycle: (cycleId: string) => `/alignment/${cycleId}/`,
  cycles: () => '/cycles/',
  cycle: (id: string) => `/cycles/${id}/`,
  reviews: () => '/reviews/',
  review: (id: string) => `/reviews/${id}/`,
  glossary: () => '/glossary/',
  term: (id: string) => `/glossary/${id}/`,
  teams: () => '/teams/',
  team: (id: string) => `/teams/${id}/`,
};

/** A site path with the filters of a list page in its query: `/ownership/?team=growth&needs=warning`. */
export function withFilters(path: string, filters: Record<string, string>): string {
  const query = new URLSearchParams(filters).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A URL from content, for an `href` or `src`: itself when it is written
 * plainly with one of `schemes` (`https:` and `http:` by default), otherwise
 * undefined, so the page draws no link. Relative URLs are refused too: a
 * handbook's links point at other sites; the site's own go through `href()`.
 */
export function safeUrl(url: string | undefined, schemes: readonly string[] = WEB_SCHEMES): string | undefined {
  return url !== undefined && hasAllowedScheme(url, schemes) ? url : undefined;
}

/** A `mailto:` link to an e-mail address, or undefined when the text is not a plain address. */
export function mailtoUrl(email: string | undefined): string | undefined {
  if (email === undefined || !/^[^\s:/?#@"<>\\]+@[^\s:/?#@"<>\\]+$/.test(email)) return undefined;
  return safeUrl(`mailto:${email}`, ['mailto:']);
}

/** The edit page of the file a page comes from, when `editUrl` is set and a web address. */
export function editLink(editUrl: string | undefined, source: Source): string | undefined {
  if (!editUrl) return undefined;
  return safeUrl(`${editUrl.replace(/\/?$/, '/')}${source.file.split('/').map(encodeURIComponent).join('/')}`);
}
