import { z } from 'zod';
import { daysBetween } from '../dates.js';
import { at, type Problem } from '../problem.js';
import { findBrokenReviews, mayCover } from './broken-reviews.js';
import { defineRule } from './rule.js';

export const confidenceStale = defineRule({
  id: 'confidence-stale',
  defaultSeverity: 'warn',
  term: 'confidence-score',
  description: 'a key result of an active cycle whose latest check-in is older than `days` at `asOf`, or that has none',
  options: z.strictObject({
    /** How many days may pass between a key result's check-ins. */
    days: z.number().int().min(1).default(7),
  }),
  check({ handbook, asOfTrusted, declarations, known }, { days }) {
    if (!asOfTrusted) return []; // `schema` reports the bad `asOf`
    const asOf = handbook.settings.asOf;
    const problems: Problem[] = [];
    const broken = findBrokenReviews(declarations, known.keyResults);
    for (const cycle of handbook.cycles) {
      if (cycle.status !== 'active' || mayCover(broken, cycle)) continue;
      for (const objective of cycle.objectives) {
        for (const kr of objective.keyResults) {
          if (broken.keyResults.has(kr.id)) continue;
          const latest = kr.latestCheckIn?.date;
          // A key result with no check-in yet gets `days` of grace from the cycle's start.
          const since = latest ?? cycle.start;
          const age = daysBetween(since, asOf);
          if (age <= days) continue;
          problems.push({
            rule: 'confidence-stale',
            file: kr.source.file,
            anchor: at.value(...kr.source.path, 'id'),
            keyResult: kr.id,
            message: latest
              ? `Key result \`${kr.id}\` was last checked in on ${latest}, ${age} days before ${asOf}.`
              : `Key result \`${kr.id}\` has had no check-in since its cycle started on ${cycle.start}.`,
            hint: `Its owner \`${kr.owner.id}\` updates confidence at least every ${days} days: add it to this week's check-in review.`,
          });
        }
      }
    }
    return problems;
  },
});
