import { at } from '../problem.js';
import { describeValue } from '../schema/describe-value.js';
import { noOptions } from './no-options.js';
import { describeSlot } from './owner-slots.js';
import { defineRule } from './rule.js';

export const schema = defineRule({
  id: 'schema',
  defaultSeverity: 'error',
  description: 'a missing, unknown (with "did you mean") or wrongly typed field, a bad id or date',
  options: noOptions,
  check(context) {
    const problems = context.loadProblems.filter((problem) => problem.rule === 'schema');
    // An ownership field holding a number or a mapping is a plain type error.
    for (const slot of context.declarations.ownerSlots) {
      if (context.judgeOwner(slot.value).kind !== 'not-text') continue;
      problems.push({
        rule: 'schema',
        file: slot.file,
        anchor: at.value(...slot.path),
        message: `${capitalize(describeSlot(slot))} must be a person id, not ${describeValue(slot.value)}.`,
        hint: 'Write the id of one person from `people/`, e.g. `priya-shah`.',
      });
    }
    return problems;
  },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
