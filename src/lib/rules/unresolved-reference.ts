import { isId, slugify } from '../ids.js';
import { at, type Problem } from '../problem.js';
import type { ReferenceTarget } from '../model/resolve-handbook.js';
import { quoteName } from '../schema/describe-value.js';
import { describePathCapitalized } from '../schema/describe-path.js';
import { closestMatch } from '../suggest.js';
import { describeSlot, slotsJudged } from './owner-slots.js';
import { noOptions } from './no-options.js';
import { defineRule, type RuleContext } from './rule.js';

const FOLDER: Record<ReferenceTarget, string> = {
  cycle: 'a file name in cycles/',
  team: 'a file name in teams/',
  person: 'a file name in people/',
  objective: 'a file name in objectives/',
  'key result': 'the `id` of a key result in objectives/',
  'objective or key result': 'an objective file name, or the `id` of a key result',
  'glossary term': 'a file name in glossary/',
};

export const unresolvedReference = defineRule({
  id: 'unresolved-reference',
  defaultSeverity: 'error',
  term: 'okr-dependencies',
  description: 'a reference to a cycle, team, person, objective, key result or term that does not exist',
  options: noOptions,
  check(context) {
    const hintFor = createHinter(context);
    const problems: Problem[] = context.unresolved.map((reference) => ({
      rule: 'unresolved-reference',
      file: reference.file,
      anchor: at.value(...reference.path),
      message: `${describePathCapitalized(reference.path)} refers to the ${reference.target} ${quoteName(reference.id)}, which does not exist.`,
      hint: hintFor(reference.target, reference.id),
    }));
    for (const { slot, verdict } of slotsJudged(context, 'unknown')) {
      problems.push({
        rule: 'unresolved-reference',
        file: slot.file,
        anchor: at.value(...slot.path),
        message: `${describeSlot(slot)} is ${quoteName(verdict.text)}, who is not in \`people/\`.`,
        hint: hintFor('person', verdict.text),
      });
    }
    return problems;
  },
});

function candidates(context: RuleContext, target: ReferenceTarget): Iterable<string> {
  const { known } = context;
  switch (target) {
    case 'cycle':
      return known.cycles;
    case 'team':
      return known.teams;
    case 'person':
      return known.people;
    case 'objective':
      return known.objectives;
    case 'key result':
      return known.keyResults;
    case 'objective or key result':
      return [...known.objectives, ...known.keyResults];
    case 'glossary term':
      return known.glossary;
  }
}

/**
 * How to fix a reference to `value`. What every hint needs (valid ids of a
 * kind, people by name) is gathered once per check, not once per reference.
 */
function createHinter(context: RuleContext): (target: ReferenceTarget, value: string) => string {
  const validIds = new Map<ReferenceTarget, string[]>();
  let peopleByName: Map<string, string> | undefined;
  return (target, value) => {
    // A person is often written by name ("Priya Shah") instead of by id.
    if (target === 'person') {
      if (!peopleByName) {
        peopleByName = new Map();
        for (const person of context.handbook.people) {
          const name = person.name.toLowerCase();
          if (!peopleByName.has(name)) peopleByName.set(name, person.id);
        }
      }
      const byName = peopleByName.get(value.trim().toLowerCase());
      if (byName) return `Use the person's id, not their name: \`${byName}\`.`;
    }
    // Only valid ids are worth suggesting: a file named `Kim_Park.md` is itself reported.
    let ids = validIds.get(target);
    if (!ids) validIds.set(target, (ids = [...candidates(context, target)].filter(isId)));
    const match = closestMatch(value, ids) ?? closestMatch(slugify(value), ids);
    if (match) return `Did you mean \`${match}\`?`;
    return `Use the id of an existing ${target} (${FOLDER[target]}), or create it.`;
  };
}
