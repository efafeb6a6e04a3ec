import { at } from '../problem.js';
import { showValue } from '../schema/describe-value.js';
import { describeSlot, slotsJudged } from './owner-slots.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const ownerIndividual = defineRule({
  id: 'owner-individual',
  defaultSeverity: 'error',
  term: 'accountability',
  description: 'an owner, sponsor or facilitator that is a team, or a word like "team", "everyone", "tbd"',
  options: noOptions,
  check(context) {
    return slotsJudged(context, 'team', 'collective').map(({ slot, verdict }) => {
      if (verdict.kind === 'team') {
        const team = context.handbook.teams.find((t) => t.id === verdict.id);
        const lead = team?.lead;
        return {
          rule: 'owner-individual',
          file: slot.file,
          anchor: at.value(...slot.path),
          message: `${describeSlot(slot)} is \`${verdict.id}\`, a team; a team can contribute but cannot be accountable.`,
          hint: lead
            ? `Name one person from it, e.g. its lead \`${lead.id}\`${slot.field === 'owner' ? ` (and keep \`team: ${verdict.id}\`)` : ''}.`
            : `Name one person from the team who has agreed to carry it.`,
        };
      }
      return {
        rule: 'owner-individual',
        file: slot.file,
        anchor: at.value(...slot.path),
        message: `${describeSlot(slot)} is "${showValue(verdict.word)}", which names no one in particular.`,
        hint: 'Name the one person who will carry it in reviews, by their id in `people/`.',
      };
    });
  },
});
