import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One address of each kind of page of a site built from the demo handbook
 * (or a copy of it), relative to the base path, with the kind's name. The
 * pages are chosen from the built `handbook.json`, so the tests follow the
 * fixture.
 */
export function pageOfEachKind(out: string): [kind: string, address: string][] {
  const model = JSON.parse(readFileSync(path.join(out, 'handbook.json'), 'utf8'));
  const objective = model.objectives.find((o: { keyResults: unknown[] }) => o.keyResults.length > 0);
  return [
    ['home', ''],
    ['objectives', 'objectives/'],
    ['objective', `objectives/${objective.id}/`],
    ['key result', `key-results/${objective.keyResults[0].id}/`],
    ['people', 'people/'],
    ['person', `people/${objective.owner}/`],
    ['ownership', 'ownership/'],
    ['ownership of a cycle', `ownership/${model.cycles[0].id}/`],
    ['needs attention', `ownership/${model.activeCycle}/attention/`],
    ['alignment', 'alignment/'],
    ['cycles', 'cycles/'],
    ['cycle', `cycles/${model.cycles[0].id}/`],
    ['reviews', 'reviews/'],
    ['review', `reviews/${model.reviews[0].id}/`],
    ['teams', 'teams/'],
    ['team', `teams/${model.teams[0].id}/`],
    ['glossary', 'glossary/'],
    ['term', 'glossary/okr-owner/'],
    ['MDX term', 'glossary/initiative/'],
  ];
}
