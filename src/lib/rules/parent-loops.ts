/**
 * Loops in a `parent` relation where each id has at most one parent (an
 * objective's, a team's). Each loop is found once, by walking up from every
 * id, and given starting at its smallest id: `[a, b]` for a → b → a.
 */
export function findParentLoops(parentOf: ReadonlyMap<string, string>): string[][] {
  const loops: string[][] = [];
  const settled = new Set<string>();
  for (const start of [...parentOf.keys()].sort()) {
    const trail: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !settled.has(current) && !trail.includes(current)) {
      trail.push(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && trail.includes(current)) {
      const loop = trail.slice(trail.indexOf(current));
      const first = [...loop].sort()[0]!;
      loops.push([...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))]);
    }
    for (const id of trail) settled.add(id);
  }
  return loops;
}

/** `a` → `b` → `a` */
export function describeLoop(loop: readonly string[]): string {
  return [...loop, loop[0]!].map((id) => `\`${id}\``).join(' → ');
}
