import { at } from '../problem.js';
import { slotsJudged, suggestedPerson } from './owner-slots.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const ownerRequired = defineRule({
  id: 'owner-required',
  defaultSeverity: 'error',
  term: 'okr-owner',
  description: 'an objective, key result or initiative without an owner',
  options: noOptions,
  check(context) {
    return slotsJudged(context, 'missing')
      .filter(({ slot }) => slot.required)
      .map(({ slot }) => {
        const lead = suggestedPerson(context, slot);
        return {
          rule: 'owner-required',
          file: slot.file,
          // An absent field is reported on the mapping that lacks it, an empty one on its key.
          anchor: slot.value === undefined ? at.map(...slot.path.slice(0, -1)) : at.value(...slot.path),
          message: `${capitalise(slot.subject)} has no owner.`,
          hint: `Add \`owner:\` with the id of the one person accountable for it${lead ? `, e.g. \`${lead}\`` : ''}, once they have agreed.`,
        };
      });
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
