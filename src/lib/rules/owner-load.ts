import { z } from 'zod';
import { at, type Problem } from '../problem.js';
import type { KeyResult } from '../model/handbook.js';
import { defineRule } from './rule.js';
import { subjectOf } from '../subject.js';

export const ownerLoad = defineRule({
  id: 'owner-load',
  defaultSeverity: 'warn',
  term: 'single-threaded-ownership',
  description: 'a person owning more than `max` key results in one cycle',
  options: z.strictObject({
    /** The most key results one person may own in one cycle. */
    max: z.number().int().min(1).default(3),
  }),
  check({ handbook }, { max }) {
    const problems: Problem[] = [];
    for (const cycle of handbook.cycles) {
      const byOwner = new Map<string, KeyResult[]>();
      for (const objective of cycle.objectives) {
        for (const kr of objective.keyResults) {
          const owned = byOwner.get(kr.owner.id) ?? [];
          owned.push(kr);
          byOwner.set(kr.owner.id, owned);
        }
      }
      for (const [owner, owned] of byOwner) {
        if (owned.length <= max) continue;
        owned.sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : Number(a.source.path[1]) - Number(b.source.path[1])));
        const first = owned[max]!; // the first key result over the limit
        problems.push({
          rule: 'owner-load',
          file: first.source.file,
          anchor: at.value(...first.source.path, 'owner'),
          keyResult: first.id,
          // The person's load is the problem, whichever key result it is shown at (see subject.ts).
          subject: subjectOf.person(owner, cycle.id),
          message: `\`${owner}\` owns ${owned.length} key results in ${cycle.id}, more than ${max}: ${owned.map((kr) => kr.id).join(', ')}.`,
          hint: `One person cannot steer that many at once; hand some to other people, or raise \`owner-load\`'s \`max\` in handbook.yaml.`,
        });
      }
    }
    return problems;
  },
});
