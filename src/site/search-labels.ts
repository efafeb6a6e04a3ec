/**
 * The search box's words. The page hands them to public/search-ui.js (which
 * has no build step) as `data-labels`; `{name}` marks a number or word the
 * box fills in.
 */
export const searchLabels = {
  prompt: 'Type to search objectives, key results, people, teams, cycles, reviews and the glossary.',
  none: 'No results.',
  one: '1 result.',
  all: '{total} results.',
  some: '{shown} of {total} results, best first; add words or a filter to narrow them.',
  more: 'Show {count} more',
  any: '{filter}: any',
  filterBy: 'Filter by {filter}',
  filters: { kind: 'Kind', cycle: 'Cycle', team: 'Team', owner: 'Owner' },
};
