import type { Cycle, KeyResult } from '../model/handbook.js';
import { personQuestion, type ScaffoldContext, type ScaffoldKind } from './context.js';
import { ScaffoldError } from './inputs.js';
import { judgeNewId } from './new-id.js';
import { folderFor } from './placement.js';
import { commentOn, createFrontMatter, renderFile } from './yaml-file.js';
import { judgeChoice, judgeReference } from './values.js';

const KINDS = ['check-in', 'retrospective'] as const;

export const newReview: ScaffoldKind = {
  name: 'review',
  summary: 'a check-in or a retrospective, listing every key result of the cycle',
  usage: `  --kind KIND        check-in (default) or retrospective
  --facilitator PERSON  the decision-maker who runs it (asked for)
  --cycle CYCLE      the cycle reviewed (default: the active cycle)
  --date DATE        the day it is held (default: today, UTC)
  --id ID            file name (default: DATE-check-in, or CYCLE-retrospective)
A check-in lists each key result with its confidence and state (value,
level, done) blank, the last ones as a comment, for the meeting to fill
in; a retrospective leaves each score blank for the facilitator to write.
\`npm run check\` points at every blank one, so a review nobody filled in
fails the check.`,
  values: ['kind', 'facilitator', 'cycle', 'id'],
  required: ['facilitator'],
  async plan(context) {
    const { inputs, handbook, today } = context;
    const cycles = new Map(handbook.cycles.map((cycle) => [cycle.id, cycle]));
    const kind = inputs.optional({ flag: 'kind', judge: (raw) => judgeChoice(raw, KINDS) }) ?? 'check-in';
    const facilitator = await inputs.require(personQuestion(context, 'facilitator', 'facilitator'));
    const cycle = await inputs.require({ flag: 'cycle', prompt: 'Cycle', fallback: handbook.activeCycle?.id, judge: (raw) => judgeReference(raw, 'cycle', cycles) });
    const keyResults = cycle.objectives.flatMap((objective) => objective.keyResults);
    if (keyResults.length === 0) throw new ScaffoldError(`The cycle \`${cycle.id}\` has no key results to review yet.`);
    const id = await inputs.require({
      flag: 'id',
      prompt: 'Id of the review',
      fallback: kind === 'check-in' ? `${today}-check-in` : `${cycle.id}-retrospective`,
      judge: (raw) => judgeNewId(raw, 'review', context.taken.reviews),
    });

    const document =
      kind === 'check-in'
        ? checkIn(context, cycle, keyResults, facilitator.id)
        : retrospective(cycle, keyResults, facilitator.id, today);
    return { file: `${folderFor('reviews', cycle.id, handbook)}/${id}.md`, text: renderFile(document), notes: [] };
  },
};

/** `kr: id # title (owner)`: the facilitator sees what each id is. */
function describe(keyResult: KeyResult): string {
  return `${keyResult.title} (${keyResult.owner.id})`;
}

/**
 * Every update is written blank, with the last confidence and state as a
 * comment: a check-in nobody filled in must fail `check`, not pass as
 * fresh with last week's numbers (which would also hide it from
 * `confidence-stale`).
 */
function checkIn(context: ScaffoldContext, cycle: Cycle, keyResults: KeyResult[], facilitator: string) {
  const { min, max } = context.handbook.settings.confidence;
  const document = createFrontMatter({
    date: context.today,
    kind: 'check-in',
    facilitator,
    updates: keyResults.map((keyResult) => ({
      kr: keyResult.id,
      confidence: null,
      // The kind's state is blank too, like the confidence: a metric's value, a level; a milestone's `done` only
      // while it is not done yet (once a check-in said so, it stays done and is not repeated).
      ...(keyResult.metric !== undefined && { value: null }),
      ...(keyResult.kind === 'ordinal' && { level: null }),
      ...(keyResult.kind === 'milestone' && keyResult.doneOn === undefined && { done: null }),
    })),
  });
  document.commentBefore =
    ` Check-in of ${cycle.title}. Fill in each key result's confidence (from ${min} to ${max}) and value, level or done with\n` +
    ` the owners in the meeting; the comments show the last ones. Add a note where something changed,\n` +
    ` and remove the key results that were not discussed: \`npm run check\` points at every blank update.`;
  keyResults.forEach((keyResult, index) => {
    commentOn(document, ['updates', index, 'kr'], describe(keyResult));
    const last = keyResult.latestCheckIn;
    commentOn(document, ['updates', index, 'confidence'], last ? `last ${last.confidence} on ${last.date}` : 'no check-in yet');
    if (keyResult.metric !== undefined) {
      const measured = keyResult.checkIns.some((checkIn) => checkIn.value !== undefined);
      const { baseline, target } = keyResult.metric;
      commentOn(document, ['updates', index, 'value'], measured ? `last ${keyResult.currentValue}, target ${target}` : `baseline ${baseline}, target ${target}`);
    }
    if (keyResult.kind === 'ordinal') {
      const reached = keyResult.currentLevel;
      commentOn(document, ['updates', index, 'level'], `${reached !== undefined ? `last ${reached}` : 'no level yet'}; fail, commit, target or stretch`);
    }
    if (keyResult.kind === 'milestone') {
      if (keyResult.doneOn === undefined) commentOn(document, ['updates', index, 'done'], 'not done yet; true once it is done');
      else commentOn(document, ['updates', index, 'confidence'], `${last ? `last ${last.confidence} on ${last.date}` : 'no check-in yet'}; done on ${keyResult.doneOn}`);
    }
  });
  return document;
}

function retrospective(cycle: Cycle, keyResults: KeyResult[], facilitator: string, today: string) {
  const document = createFrontMatter({
    date: today,
    kind: 'retrospective',
    facilitator,
    scores: keyResults.map((keyResult) => ({ kr: keyResult.id, score: null })),
  });
  document.commentBefore =
    ` Retrospective of ${cycle.title}. The facilitator writes each key result's score, from 0.0 to 1.0,\n` +
    ` and a note on what was learned; \`npm run check\` points at every score still blank.`;
  keyResults.forEach((keyResult, index) => {
    commentOn(document, ['scores', index, 'kr'], describe(keyResult));
    const last = keyResult.latestCheckIn;
    const metric = keyResult.metric;
    const facts = [
      last && `last confidence ${last.confidence}`,
      metric && `value ${keyResult.currentValue ?? metric.baseline} (from ${metric.baseline} towards ${metric.target})`,
      keyResult.kind === 'ordinal' && `level ${keyResult.currentLevel ?? 'none yet'}`,
      keyResult.kind === 'milestone' && (keyResult.doneOn !== undefined ? `done on ${keyResult.doneOn}` : 'not done'),
    ].filter(Boolean);
    commentOn(document, ['scores', index, 'score'], facts.length ? `0.0-1.0; ${facts.join(', ')}` : '0.0-1.0');
  });
  return document;
}
