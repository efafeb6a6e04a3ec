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
A check-in carries over each key result's latest confidence and value, for
the meeting to update; a retrospective leaves each score blank for the
facilitator to write, and \`npm run check\` points at every blank one.`,
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

function checkIn(context: ScaffoldContext, cycle: Cycle, keyResults: KeyResult[], facilitator: string) {
  const { min, max } = context.handbook.settings.confidence;
  const document = createFrontMatter({
    date: context.today,
    kind: 'check-in',
    facilitator,
    updates: keyResults.map((keyResult) => ({
      kr: keyResult.id,
      confidence: keyResult.latestCheckIn?.confidence ?? null,
      ...(keyResult.kind !== 'ordinal' && keyResult.kind !== 'milestone' && keyResult.currentValue !== undefined && { value: keyResult.currentValue }),
      // A level is carried over like a value; a milestone stays done once a check-in said so, so `done` is not repeated.
      ...(keyResult.kind === 'ordinal' && keyResult.currentLevel !== undefined && { level: keyResult.currentLevel }),
    })),
  });
  document.commentBefore =
    ` Check-in of ${cycle.title}. Each confidence and value is carried over from the key result's latest check-in\n` +
    ` (a value from its baseline): update them with the owners in the meeting, add a note where something changed,\n` +
    ` and remove the key results that were not discussed.`;
  keyResults.forEach((keyResult, index) => {
    commentOn(document, ['updates', index, 'kr'], describe(keyResult));
    if (keyResult.latestCheckIn === undefined) {
      commentOn(document, ['updates', index, 'confidence'], `no check-in yet: ${keyResult.owner.id}'s confidence, from ${min} to ${max}`);
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
