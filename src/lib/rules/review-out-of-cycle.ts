import { z } from 'zod';
import { addDays } from '../dates.js';
import { at, type Problem } from '../problem.js';
import type { Cycle, Review, Source } from '../model/handbook.js';
import { defineRule } from './rule.js';

export const reviewOutOfCycle = defineRule({
  id: 'review-out-of-cycle',
  defaultSeverity: 'error',
  term: 'retrospective',
  description: 'a review whose date lies outside the cycle of a key result it mentions',
  options: z.strictObject({
    /** Days after a cycle's end in which its retrospective may still be held. */
    retrospectiveGraceDays: z.number().int().min(0).default(30),
  }),
  check({ handbook }, { retrospectiveGraceDays }) {
    const problems: Problem[] = [];
    const lastDay = new Map<Cycle, { checkIn: string; retrospective: string }>(
      handbook.cycles.map((cycle) => [cycle, { checkIn: cycle.end, retrospective: addDays(cycle.end, retrospectiveGraceDays) }]),
    );
    for (const review of handbook.reviews) {
      const grace = review.kind === 'retrospective' ? retrospectiveGraceDays : 0;
      const mentions = [...review.updates, ...review.scores].map((item) => ({ source: item.source, kr: item.keyResult.id, cycle: item.keyResult.objective.cycle }));
      // A cycle whose dates are swapped is `date-order`'s problem, not this review's.
      const outside = mentions.filter(
        ({ cycle }) => cycle.start <= cycle.end && (review.date < cycle.start || review.date > lastDay.get(cycle)![review.kind === 'retrospective' ? 'retrospective' : 'checkIn']),
      );
      if (outside.length === 0) continue;
      if (outside.length === mentions.length) {
        // Every key result disagrees with the date: the date is the one problem.
        const cycles = [...new Map(outside.map(({ cycle }) => [cycle.id, cycle])).values()];
        problems.push({
          rule: 'review-out-of-cycle',
          file: review.source.file,
          anchor: at.value('date'),
          message: `Review \`${review.id}\` is dated ${review.date}, outside ${cycles.map(describe).join(' and ')}, the cycle of the key results it mentions.`,
          hint: hintFor(review, grace),
        });
        continue;
      }
      for (const mention of outside) problems.push(mentionProblem(review, mention.source, mention.kr, mention.cycle, grace));
    }
    return problems;
  },
});

function describe(cycle: Cycle): string {
  return `\`${cycle.id}\` (${cycle.start} to ${cycle.end})`;
}

function hintFor(review: Review, grace: number): string {
  return review.kind === 'retrospective'
    ? `Correct the date: a retrospective is held during its cycle or up to ${grace} days after it ends.`
    : 'Correct the date, or move the update to a review held during that cycle.';
}

function mentionProblem(review: Review, source: Source, kr: string, cycle: Cycle, grace: number): Problem {
  return {
    rule: 'review-out-of-cycle',
    file: source.file,
    anchor: at.value(...source.path, 'kr'),
    keyResult: kr,
    message: `Review \`${review.id}\` on ${review.date} mentions \`${kr}\`, whose cycle is ${describe(cycle)}.`,
    hint: `${hintFor(review, grace)} Key results of different cycles are reviewed in separate files.`,
  };
}
