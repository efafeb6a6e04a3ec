import type { Handbook } from '../model/handbook.js';

interface Filed {
  source: { file: string };
  cycle?: { id: string };
}

/** Whether any of `entities` sits in `<folder>/<its cycle>/`. */
function filedByCycle(entities: readonly Filed[], folder: string): boolean {
  return entities.some((entity) => entity.cycle !== undefined && entity.source.file.startsWith(`${folder}/${entity.cycle.id}/`));
}

/**
 * The folder for a new objective or review of `cycle`: `<kind>/<cycle>` when
 * the handbook already files them by cycle, else the kind folder itself.
 * Reviews follow the objectives' habit while there are none.
 */
export function folderFor(kind: 'objectives' | 'reviews', cycle: string | undefined, handbook: Handbook): string {
  const byCycle =
    kind === 'reviews' && handbook.reviews.length > 0 ? filedByCycle(handbook.reviews, 'reviews') : filedByCycle(handbook.objectives, 'objectives');
  return cycle !== undefined && byCycle ? `${kind}/${cycle}` : kind;
}
