import type { Cycle, GlossaryTerm, KeyResult, Objective, Person, Review, Team } from '../lib/model/handbook.js';
import { ENGLISH, type MessageKey, type Ui } from './i18n/index.js';
import { reviewLabel } from './labels.js';

/** What a page is about, as the layout hands it to search. */
export type Searchable =
  | { objective: Objective }
  | { keyResult: KeyResult }
  | { person: Person }
  | { team: Team }
  | { cycle: Cycle }
  | { review: Review }
  | { term: GlossaryTerm };

export interface SearchFacets {
  /** Pagefind filters: several values per filter are allowed. */
  filters: Record<string, string[]>;
  /** Result fields: `title`, `kind`, `owner` and `cycle` are shown under each result; `names` (ids, synonyms) ranks it (public/search-rank.js). */
  meta: Record<string, string>;
  /** How much this kind of page weighs against others for the same words. */
  weight: number;
}

export const SEARCH_KINDS = ['Objective', 'Key result', 'Person', 'Team', 'Cycle', 'Review', 'Glossary term'] as const;

/** Each kind's name in the site's language. */
const KIND_KEYS: Record<(typeof SEARCH_KINDS)[number], MessageKey> = {
  Objective: 'kind.objective',
  'Key result': 'kind.keyResult',
  Person: 'kind.person',
  Team: 'kind.team',
  Cycle: 'kind.cycle',
  Review: 'kind.review',
  'Glossary term': 'kind.term',
};

/**
 * Search filters and result fields, derived from the model so they cannot
 * drift from it: a new team or cycle in the content is a new filter value,
 * with no template change.
 */
export function searchFacets(page: Searchable, ui: Ui = ENGLISH): SearchFacets {
  const facets = (englishKind: (typeof SEARCH_KINDS)[number], title: string, fields: { cycle?: Cycle; team?: Team; owner?: Person; names?: string[] }, weight = 1): SearchFacets => {
    const kind = ui.t(KIND_KEYS[englishKind]);
    const filters: Record<string, string[]> = { kind: [kind] };
    const meta: Record<string, string> = { title, kind };
    if (fields.names && fields.names.length > 0) meta.names = fields.names.join(', ');
    if (fields.cycle) (filters.cycle = [fields.cycle.title]), (meta.cycle = fields.cycle.title);
    if (fields.team) filters.team = [fields.team.name];
    if (fields.owner) (filters.owner = [fields.owner.name]), (meta.owner = fields.owner.name);
    return { filters, meta, weight };
  };
  if ('keyResult' in page) {
    const { keyResult } = page;
    // Key results rank above the reviews that mention them.
    return facets('Key result', keyResult.title, { cycle: keyResult.objective.cycle, team: keyResult.objective.team, owner: keyResult.owner, names: [keyResult.id] }, 2);
  }
  if ('objective' in page) {
    const { objective } = page;
    return facets('Objective', objective.title, { cycle: objective.cycle, team: objective.team, owner: objective.owner, names: [objective.id] }, 2);
  }
  if ('person' in page) return facets('Person', page.person.name, { team: page.person.team, names: [page.person.id] }, 2);
  if ('team' in page) return facets('Team', page.team.name, { team: page.team, names: [page.team.id] });
  if ('cycle' in page) return facets('Cycle', page.cycle.title, { cycle: page.cycle, names: [page.cycle.id] });
  if ('review' in page) {
    const { review } = page;
    return facets('Review', reviewLabel(review, ui), { cycle: review.cycle, owner: review.facilitator }, 0.5);
  }
  return facets('Glossary term', page.term.term, { names: [page.term.id, ...page.term.synonyms] }, 2);
}
