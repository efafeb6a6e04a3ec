import type { KeyResult } from '../model/handbook.js';
import { at, type Problem } from '../problem.js';
import { describePathCapitalized } from '../schema/describe-path.js';
import type { CheckInUpdateData } from '../schema/review.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

/** What each kind of key result records at a check-in, and an example of it. */
const STATE_OF_KIND = {
  metric: { field: 'value', example: (kr: KeyResult) => `\`value: ${kr.metric?.target ?? 42}\`` },
  ordinal: { field: 'level', example: () => '`level: commit` (or `fail`, `target`, `stretch`)' },
  milestone: { field: 'done', example: () => '`done: true` once it is done' },
} as const;

const KIND_NAME = { metric: 'a metric', ordinal: 'an ordinal (levels)', milestone: 'a milestone' } as const;

/** The field an update uses that its key result's kind does not record, if any. */
function misfit(update: CheckInUpdateData, kr: KeyResult): 'value' | 'level' | 'done' | undefined {
  if (update.value !== undefined && kr.kind !== 'metric' && kr.kind !== undefined) return 'value';
  if (update.level !== undefined && kr.kind !== 'ordinal') return 'level';
  if (update.done !== undefined && kr.kind !== 'milestone') return 'done';
  return undefined;
}

export const updateKind = defineRule({
  id: 'update-kind',
  defaultSeverity: 'error',
  term: 'confidence-score',
  description: 'a check-in `value`, `level` or `done` that does not fit its key result\'s kind (a level on a metric key result, a number on a milestone)',
  options: noOptions,
  check({ declarations, handbook }) {
    const problems: Problem[] = [];
    if (declarations.reviews.length === 0) return problems;
    const byId = new Map<string, KeyResult>();
    for (const kr of handbook.keyResults) byId.set(kr.id, kr);
    for (const review of declarations.reviews) {
      for (const update of review.updates) {
        const data = update.data;
        // An update that records only a confidence has nothing to judge.
        if (!data || (data.level === undefined && data.done === undefined && data.value === undefined)) continue;
        const kr = byId.get(data.kr);
        if (!kr) continue; // an unknown id is `unresolved-reference`'s
        const field = misfit(data, kr);
        if (!field) continue;
        const { kind } = kr;
        // "`level` of the second update, `q3-nrr`," as the schema's messages name an update's field.
        const where = describePathCapitalized(['updates', update.index, field], (path) => (path.length === 3 && path[2] === 'kr' ? data.kr : undefined));
        problems.push({
          rule: 'update-kind',
          file: review.file,
          anchor: at.key('updates', update.index, field),
          keyResult: kr.id,
          message:
            kind === undefined
              ? `${where} records the state of ${field === 'level' ? 'an ordinal' : 'a milestone'} key result, but \`${kr.id}\` names no kind.`
              : `${where} does not fit: \`${kr.id}\` is ${KIND_NAME[kind]} key result, which records \`${STATE_OF_KIND[kind].field}\`.`,
          hint:
            kind === undefined
              ? field === 'level'
                ? `Give \`${kr.id}\` its levels in words (\`levels: { commit: …, target: …, stretch: … }\`), or remove \`level\` here.`
                : `Mark \`${kr.id}\` as a milestone (\`milestone: true\`), or remove \`done\` here.`
              : `Write ${STATE_OF_KIND[kind].example(kr)} instead, or remove \`${field}\`.`,
        });
      }
    }
    return problems;
  },
});
