import { at } from '../problem.js';
import { showValue } from '../schema/describe-value.js';
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
      // A list may hold anything (`owner: [{a: b}]`): each item is shown as short text.
      const names = verdict.kind === 'list' ? verdict.items.map((item) => showValue(item)) : verdict.names.map((name) => showValue(name));
      const first = verdict.kind === 'list' ? verdict.items.find((item) => typeof item === 'string' && item.trim() !== '') : names[0];
      const example = typeof first === 'string' ? showValue(first.trim()) : 'priya-shah';
      return {
        rule: 'owner-single',
        file: slot.file,
        anchor: at.value(...slot.path),
        message:
          names.length === 1
            ? `${describeSlot(slot)} is written as a list; it must be one person.`
            : `${describeSlot(slot)} names ${names.length} people (${listNames(names)}); split ownership is no ownership.`,
        hint:
          names.length === 1
            ? `Write ${typeof first === 'string' ? 'the' : "one person's"} id on its own: \`${slot.field}: ${example}\`.`
            : `Keep one of them as \`${slot.field}\`, e.g. \`${slot.field}: ${example}\`; the others can own initiatives or key results of their own.`,
      };
    });
  },
});

/** The first few names, and how many more: a list of 10 000 owners makes a short message. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
