import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const confidenceRange = defineRule({
  id: 'confidence-range',
  defaultSeverity: 'error',
  term: 'confidence-score',
  description: 'a confidence outside the configured scale',
  options: noOptions,
  check({ declarations, handbook }) {
    const { min, max } = handbook.settings.confidence;
    const problems: Problem[] = [];
    for (const review of declarations.reviews) {
      for (const update of review.updates) {
        const confidence = update.data?.confidence;
        if (confidence === undefined || (confidence >= min && confidence <= max)) continue;
        problems.push({
          rule: 'confidence-range',
          file: review.file,
          anchor: at.value('updates', update.index, 'confidence'),
          message: `Confidence ${confidence} for \`${update.data!.kr}\` is outside the scale ${min}-${max}.`,
          hint:
            max === 1 && confidence > 1 && confidence <= 100
              ? `The scale runs from ${min} to ${max}: write ${confidence / 100} rather than a percentage.`
              : `Use a number from ${min} to ${max} (the scale is set by \`confidence\` in handbook.yaml).`,
        });
      }
    }
    return problems;
  },
});
