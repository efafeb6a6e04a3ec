import type { Cycle, Objective } from '../lib/model/handbook.js';
import { byName, byTitle } from './order.js';

/** One objective of the alignment tree, with the objectives of its cycle that name it as `parent`. */
export interface AlignmentNode {
  objective: Objective;
  children: AlignmentNode[];
  /** How many objectives sit below it, at any depth. */
  below: number;
}

/** Umbrellas first, then by contributing team (objectives without one last), then by title. */
function byTreeOrder(a: Objective, b: Objective): number {
  const umbrella = Number(b.children.length > 0) - Number(a.children.length > 0);
  if (umbrella !== 0) return umbrella;
  if (a.team !== b.team) return !a.team ? 1 : !b.team ? -1 : byName(a.team, b.team);
  return byTitle(a, b);
}

/**
 * A cycle's objectives as a forest: the roots are the objectives with no
 * parent in the cycle (no parent, or one in another cycle), each with the
 * objectives that align to it below. An objective caught in a parent loop,
 * which validation refuses, still appears once, as a root: nothing is dropped.
 */
export function alignmentTree(cycle: Cycle): AlignmentNode[] {
  const inCycle = new Set(cycle.objectives);
  const placed = new Set<Objective>();
  const grow = (objective: Objective): AlignmentNode => {
    placed.add(objective);
    const children = objective.children
      .filter((child) => inCycle.has(child) && !placed.has(child))
      .sort(byTreeOrder)
      .map(grow);
    return { objective, children, below: children.reduce((sum, child) => sum + 1 + child.below, 0) };
  };
  const roots = cycle.objectives.filter((objective) => !objective.parent || !inCycle.has(objective.parent)).sort(byTreeOrder).map(grow);
  for (const objective of [...cycle.objectives].sort(byTitle)) if (!placed.has(objective)) roots.push(grow(objective));
  return roots;
}
