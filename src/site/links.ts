import type { Source } from '../lib/model/handbook.js';
import { getSiteModel } from './handbook.js';

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
  cycles: () => '/cycles/',
  cycle: (id: string) => `/cycles/${id}/`,
  reviews: () => '/reviews/',
  review: (id: string) => `/reviews/${id}/`,
  glossary: () => '/glossary/',
  term: (id: string) => `/glossary/${id}/`,
  teams: () => '/teams/',
  team: (id: string) => `/teams/${id}/`,
};

/** The edit page of the file a page comes from, when `editUrl` is set. */
export function editLink(editUrl: string | undefined, source: Source): string | undefined {
  if (!editUrl) return undefined;
  return `${editUrl.replace(/\/?$/, '/')}${source.file.split('/').map(encodeURIComponent).join('/')}`;
}
