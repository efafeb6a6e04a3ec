import { Document } from 'yaml';
import { daysBetween } from '../dates.js';
import { quarterOf } from './current-quarter.js';
import type { StarterFile } from './starter-files.js';
import { commentOn, createFrontMatter, flowAt, renderFile, YAML_OUTPUT } from './yaml-file.js';

export interface StarterAnswers {
  /** The organisation's name, as `handbook.yaml` shows it. */
  organization: string;
  /** The first person: the owner of the first objective and key result. */
  person: { id: string; name: string };
  /** The one team, led by that person. */
  team: { id: string; name: string };
  /** Today, `YYYY-MM-DD`: the active cycle is its quarter, the owner accepts and checks in today. */
  today: string;
}

/** Ids of the example objective and key result, so tests and notes can name them. */
export const STARTER_OBJECTIVE_ID = 'okrs-in-the-open';
export const STARTER_KEY_RESULT_ID = 'weekly-check-ins';

/**
 * The files of a starter handbook that depend on today or on the answers:
 * settings, the current quarter as the active cycle, one team, one person,
 * one objective with one key result owned and accepted by that person, and a
 * check-in dated today, so `check` has nothing to report. They are written
 * as `npm run new` writes them.
 */
export function generateStarterHandbook(answers: StarterAnswers): StarterFile[] {
  const { organization, person, team, today } = answers;
  const cycle = quarterOf(today);
  // The example key result counts this cycle's weekly check-ins, today's included.
  const weeksLeft = Math.ceil((daysBetween(today, cycle.end) + 1) / 7);

  const objective = createFrontMatter({
    title: 'Run our OKRs in the open, each with one named owner',
    cycle: cycle.id,
    team: team.id,
    owner: person.id,
    accepted: today,
    keyResults: [
      {
        id: STARTER_KEY_RESULT_ID,
        title: `Hold a check-in every week until the end of ${cycle.title}`,
        owner: person.id,
        accepted: today,
        metric: { baseline: 0, target: weeksLeft, unit: 'check-ins' },
      },
    ],
  });
  flowAt(objective, ['keyResults', 0, 'metric']);

  const checkIn = createFrontMatter({
    date: today,
    kind: 'check-in',
    facilitator: person.id,
    updates: [{ kr: STARTER_KEY_RESULT_ID, confidence: 0.7, value: 1, note: 'The handbook was set up today; this is its first check-in.' }],
  });
  commentOn(checkIn, ['updates', 0, 'confidence'], 'from 0 (certainly missed) to 1 (certainly met)');

  return [
    { file: 'handbook.yaml', text: settingsText(organization) },
    {
      file: `cycles/${cycle.id}.md`,
      text: renderFile(
        createFrontMatter({ title: cycle.title, start: cycle.start, end: cycle.end, status: 'active' }),
        `The first cycle of this handbook. When it ends, set \`status: closed\`, hold its retrospective\n(\`npm run new -- review --kind retrospective\`) and add the next cycle (\`npm run new -- cycle\`).\n`,
      ),
    },
    {
      file: `teams/${team.id}.md`,
      text: renderFile(createFrontMatter({ name: team.name, lead: person.id }), 'Teams contribute to objectives; a person owns each one.\n'),
    },
    { file: `people/${person.id}.md`, text: renderFile(createFrontMatter({ name: person.name, team: team.id })) },
    {
      file: `objectives/${cycle.id}/${STARTER_OBJECTIVE_ID}.md`,
      text: renderFile(
        objective,
        `An example to keep, change or delete. Each objective names one owner, and so does each of\nits key results; \`accepted\` is the day the owner agreed to own it.\n`,
      ),
    },
    {
      file: `reviews/${cycle.id}/${today}-check-in.md`,
      text: renderFile(checkIn, 'Each week, the owners give a new confidence for their key results (`npm run new -- review`).\n'),
    },
  ];
}

/** `handbook.yaml`: the two required settings, and the optional ones as comments to fill in. */
function settingsText(organization: string): string {
  const document = new Document({ title: `${organization} OKR Handbook`, organization }, { version: '1.2' });
  document.comment = [
    ' editUrl: https://github.com/OWNER/REPOSITORY/edit/main/   # adds an "Edit this page" link; the file path is appended',
    ' asOf: 2026-01-01                 # the date time-based rules measure from (default: today, UTC)',
    ' confidence: { min: 0, max: 1 }   # the check-in confidence scale',
    ' rules:                           # a rule set to error, warn or off, with options',
    '   owner-load: [warn, { max: 3 }]',
    '   confidence-stale: [warn, { days: 7 }]',
  ].join('\n');
  return document.toString(YAML_OUTPUT);
}
