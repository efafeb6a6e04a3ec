import type { Cycle, Handbook, Objective, Person, Review, Team } from '../lib/model/handbook.js';

/**
 * Ordering and grouping shared by the pages. Everything here sorts
 * explicitly, so a page never depends on the order in which files were read,
 * and the same handbook always gives the same HTML.
 */

/** Plain code-unit comparison: the same result on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By display name (case-insensitive, accents kept in order), then id. */
export function byName<T extends { id: string; name: string }>(a: T, b: T): number {
  return compareText(nameKey(a.name), nameKey(b.name)) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** `Tomás` sorts next to `Tomas`, not after `Z`. */
function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function sortPeople(people: readonly Person[]): Person[] {
  return [...people].sort(byName);
}

export function sortTeams(teams: readonly Team[]): Team[] {
  return [...teams].sort(byName);
}

/** By title, then id. */
export function byTitle<T extends { id: string; title: string }>(a: T, b: T): number {
  return compareText(nameKey(a.title), nameKey(b.title)) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** Newest first: latest start first, then id. */
export function cyclesNewestFirst(cycles: readonly Cycle[]): Cycle[] {
  return [...cycles].sort((a, b) => compareText(b.start, a.start) || compareText(a.id, b.id));
}

/** The active cycle first, then the others newest first. */
export function cyclesActiveFirst(handbook: Handbook): Cycle[] {
  const active = handbook.activeCycle;
  const others = cyclesNewestFirst(handbook.cycles.filter((cycle) => cycle !== active));
  return active ? [active, ...others] : others;
}

/** Newest first, then by id so two reviews on one day keep a fixed order. */
export function reviewsNewestFirst(reviews: readonly Review[]): Review[] {
  return [...reviews].sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));
}

/**
 * The cycle a review belongs to: the one of the key results it mentions, or
 * else the cycle whose dates contain it.
 */
export function cycleOfReview(review: Review, handbook: Handbook): Cycle | undefined {
  return review.cycle ?? handbook.cycles.find((cycle) => cycle.start <= review.date && review.date <= cycle.end);
}

/** A cycle's objectives grouped by contributing team (by team name), objectives without a team last. */
export function objectivesByTeam(objectives: readonly Objective[]): { team?: Team; objectives: Objective[] }[] {
  const groups = new Map<Team | undefined, Objective[]>();
  for (const objective of objectives) {
    const list = groups.get(objective.team) ?? [];
    list.push(objective);
    groups.set(objective.team, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (!a ? 1 : !b ? -1 : byName(a, b)))
    .map(([team, list]) => ({ ...(team ? { team } : {}), objectives: list.sort(byTitle) }));
}
