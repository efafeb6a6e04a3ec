import { at } from '../problem.js';
import { describeSlot, slotsJudged } from './owner-slots.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const ownerSingle = defineRule({
  id: 'owner-single',
  defaultSeverity: 'error',
  term: 'single-threaded-ownership',
  description: 'an owner given as a list or as several people ("a and b", "a, b", "a/b", "a & b")',
  options: noOptions,
  check(context) {
    return slotsJudged(context, 'list', 'several').map(({ slot, verdict }) => {
      const names = verdict.kind === 'list' ? verdict.items.map(String) : verdict.names;
      const first = names[0] ?? '';
      return {
        rule: 'owner-single',
        file: slot.file,
        anchor: at.value(...slot.path),
        message:
          names.length === 1
            ? `${describeSlot(slot)} is written as a list; it must be one person.`
            : `${describeSlot(slot)} names ${names.length} people (${names.join(', ')}); split ownership is no ownership.`,
        hint:
          names.length === 1
            ? `Write the id on its own: \`${slot.field}: ${first}\`.`
            : `Keep one of them as \`${slot.field}\`, e.g. \`${slot.field}: ${first}\`; the others can own initiatives or key results of their own.`,
      };
    });
  },
});
