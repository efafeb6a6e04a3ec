import { judgeOwner } from '../model/judge-owner.js';
import type { Handbook, Person } from '../model/handbook.js';
import { slugify } from '../ids.js';
import { closestMatch } from '../suggest.js';
import type { Verdict } from './inputs.js';

/**
 * Judges a value for a field that names one person (`owner`, `sponsor`,
 * `facilitator`, `manager`, `lead`), with the verdicts the ownership rules
 * use, and says how to fix a bad one.
 */
export function judgePerson(raw: string, field: string, handbook: Handbook, today: string): Verdict<Person> {
  const people = new Map(handbook.people.map((person) => [person.id, person]));
  const teams = new Map(handbook.teams.map((team) => [team.id, team]));
  const verdict = judgeOwner(raw, { people: new Set(people.keys()), teams: new Set(teams.keys()) });
  const add = 'Add them first with `npm run new -- person --name "…"`.';
  switch (verdict.kind) {
    case 'person': {
      const person = people.get(verdict.id)!;
      if (person.left !== undefined && person.left < today) {
        return { error: `\`${person.id}\` left on ${person.left}; name someone who is staying.` };
      }
      return { value: person };
    }
    case 'team': {
      const lead = teams.get(verdict.id)?.lead;
      return {
        error:
          `\`${verdict.id}\` is a team; a team can contribute but the ${field} must be one person.` +
          (lead ? ` Name one person from it, e.g. its lead \`${lead.id}\`.` : ' Name one person from it.'),
      };
    }
    case 'several':
      return { error: `The ${field} is one person, not several (${verdict.names.map((name) => `\`${name}\``).join(', ')}); pick the one who carries it.` };
    case 'collective':
      return { error: `"${verdict.word}" names no one in particular; the ${field} is one person, by their id in \`people/\`.` };
    case 'unknown': {
      const byName = handbook.people.find((person) => person.name.toLowerCase() === verdict.text.toLowerCase() || person.id === slugify(verdict.text));
      const guess = byName?.id ?? closestMatch(verdict.text, people.keys());
      return { error: `There is no person \`${verdict.text}\`.${guess ? ` Did you mean \`${guess}\`?` : ` ${add}`}` };
    }
    default:
      return { error: `The ${field} must name one person by their id in \`people/\`.` };
  }
}
