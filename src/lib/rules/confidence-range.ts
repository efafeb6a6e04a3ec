import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { rangeHint } from './range-hint.js';
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
          hint: rangeHint(confidence, min, max, 'the scale is set by `confidence` in handbook.yaml'),
        });
      }
    }
    return problems;
  },
});
