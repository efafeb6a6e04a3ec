import type { Handbook, KeyResult, Objective, Person, Team } from '../lib/model/handbook.js';
import { hasConfidenceConcern, type Concerns } from './attention.js';
import { byName, sortPeople } from './order.js';

/*
 * What the filter script of the ownership, objectives and people pages reads.
 * Each row carries its facets as data attributes (`data-team="platform
 * engineering"`); the script shows the rows whose attribute holds the chosen
 * value, so a team's row also matches each team above it, and a filter by a
 * team finds its sub-teams' rows. A facet that every row of a group shares
 * may sit on the group (`data-group`) instead, once. Attribute values are ids: space-separated
 * lists of them, since an id holds no space.
 */

/** The query parameters the filters read and write, with the attribute each one matches. */
export const FILTERS = ['cycle', 'team', 'owner', 'needs'] as const;
export type FilterName = (typeof FILTERS)[number];

/** Values of `needs`: a validation warning, low or falling confidence, or either. */
export const NEEDS = { warning: 'warning', confidence: 'confidence', either: 'any' } as const;

/** A team's id and its ancestors' ids, nearest first. Stops at a loop, which validation reports. */
export function teamLineage(team: Team | undefined): string[] {
  const ids: string[] = [];
  const seen = new Set<Team>();
  for (let t = team; t && !seen.has(t); t = t.parent) {
    seen.add(t);
    ids.push(t.id);
  }
  return ids;
}

/** Space-separated, each id once, in a fixed order. */
function idList(ids: Iterable<string>): string {
  return [...new Set(ids)].join(' ');
}

/**
 * The teams an objective (and each of its key results) is filtered by: the
 * team that contributes to it and the teams above that one, as the home
 * page's team summary counts them. Owners are filtered by person.
 */
export function objectiveTeams(objective: Objective): string {
  return idList(teamLineage(objective.team));
}

/** The teams of a person: their team and the teams above it. */
export function personTeams(person: Person): string {
  return idList(teamLineage(person.team));
}

/** `warning`, `confidence`, both or neither: what `needs=` matches. */
export function needsOf(concerns: readonly Concerns[]): string {
  const needs: string[] = [];
  if (concerns.some((c) => c.warnings.length > 0)) needs.push(NEEDS.warning);
  if (concerns.some(hasConfidenceConcern)) needs.push(NEEDS.confidence);
  return needs.join(' ');
}

/** Every team in tree order (a parent, then its sub-teams by name), with its depth, for the team menu. */
export function teamsInTreeOrder(handbook: Handbook): { team: Team; depth: number }[] {
  const rows: { team: Team; depth: number }[] = [];
  const placed = new Set<Team>();
  const visit = (team: Team, depth: number) => {
    if (placed.has(team)) return;
    placed.add(team);
    rows.push({ team, depth });
    for (const child of [...team.children].sort(byName)) visit(child, depth + 1);
  };
  for (const team of [...handbook.teams].filter((t) => !t.parent).sort(byName)) visit(team, 0);
  // Teams caught in a parent loop have no top: list them at the top level rather than drop them.
  for (const team of [...handbook.teams].sort(byName)) visit(team, 0);
  return rows;
}

/** The people who own at least one of the key results, by name. */
export function ownersOf(keyResults: readonly KeyResult[]): Person[] {
  return sortPeople([...new Set(keyResults.map((keyResult) => keyResult.owner))]);
}
