import type { Declarations } from '../load/declare-entities.js';

/**
 * Key results named by a check-in update or score that is itself broken.
 * Rules about missing check-ins or scores skip them: the broken review is
 * the one problem, already reported where it is broken.
 */
export function keyResultsInBrokenReviews(declarations: Declarations): Set<string> {
  const mentioned = new Set<string>();
  for (const review of declarations.reviews) {
    for (const id of review.unreadableMentions) mentioned.add(id);
    for (const item of [...review.updates, ...review.scores]) {
      if (item.kr !== undefined && (review.data === undefined || item.data === undefined)) mentioned.add(item.kr);
    }
  }
  return mentioned;
}
