import { addDays } from '../dates.js';
import type { Declarations } from '../load/declare-entities.js';
import type { Cycle } from '../model/handbook.js';
import { closestMatch } from '../suggest.js';

/**
 * What broken reviews hide. Rules about missing check-ins or scores skip
 * what a broken review may have covered: the broken review is the one
 * problem, already reported where it is broken.
 */
export interface BrokenReviews {
  /** Key results named by a broken update or score, in the text of an unreadable review, or misspelt. */
  keyResults: ReadonlySet<string>;
  /** Dates of broken reviews whose key results are unknown (`undefined`: the date is unknown too). */
  blindDates: readonly (string | undefined)[];
}

/** Days after its end in which a cycle's retrospective is usually held. */
const RETROSPECTIVE_WINDOW = 30;

/** Two rules ask for the same answer about the same declarations: it is worked out once per check. */
const found = new WeakMap<Declarations, { knownKeyResults: ReadonlySet<string>; broken: BrokenReviews }>();

/** What the broken reviews among `declarations` hide. The result is shared: read it, do not change it. */
export function findBrokenReviews(declarations: Declarations, knownKeyResults: ReadonlySet<string>): BrokenReviews {
  const earlier = found.get(declarations);
  if (earlier?.knownKeyResults === knownKeyResults) return earlier.broken;
  const broken = collectBrokenReviews(declarations, knownKeyResults);
  found.set(declarations, { knownKeyResults, broken });
  return broken;
}

function collectBrokenReviews(declarations: Declarations, knownKeyResults: ReadonlySet<string>): BrokenReviews {
  const keyResults = new Set<string>();
  const blindDates: (string | undefined)[] = [];
  for (const review of declarations.reviews) {
    const items = [...review.updates, ...review.scores];
    let named = review.unreadableMentions.length > 0;
    for (const id of review.unreadableMentions) keyResults.add(id);
    for (const item of items) {
      if (item.kr === undefined) continue;
      named = true;
      if (review.data === undefined || item.data === undefined) keyResults.add(item.kr);
      // A misspelt key-result id is reported as unresolved; the key result it meant is not also stale.
      if (!knownKeyResults.has(item.kr)) {
        const meant = closestMatch(item.kr, knownKeyResults);
        if (meant !== undefined) keyResults.add(meant);
      }
    }
    if ((review.data === undefined || review.listMissing) && !named) blindDates.push(review.data?.date ?? review.unreadableDate);
  }
  return { keyResults, blindDates };
}

/** Whether a broken review of unknown content may have been about this cycle. */
export function mayCover(broken: BrokenReviews, cycle: Cycle): boolean {
  const last = addDays(cycle.end, RETROSPECTIVE_WINDOW);
  return broken.blindDates.some((date) => date === undefined || (date >= cycle.start && date <= last));
}
