import { z } from 'zod';
import { dateSchema, idSchema, personFieldSchema, textSchema } from './fields.js';

/** The level an ordinal key result has reached: `fail` (not even commit), `commit`, `target` or `stretch`. */
export const levelReachedSchema = z.enum(['fail', 'commit', 'target', 'stretch']);

/** The fields of an update that each record the state of one kind of key result. */
export const STATE_FIELDS = ['value', 'level', 'done'] as const;

/** One update records one kind's state: a `value` with a `level` is one problem, on the second one's key. */
function oneState(update: Partial<Record<(typeof STATE_FIELDS)[number], unknown>>, context: z.core.$RefinementCtx): void {
  const named = STATE_FIELDS.filter((field) => update[field] !== undefined);
  if (named.length < 2) return;
  context.addIssue({
    code: 'custom',
    path: [named[1]!],
    message: `records one kind of state, but gives ${named.map((field) => `\`${field}\``).join(' and ')}.`,
    params: {
      at: 'key',
      hint: 'Keep the one that fits the key result: `value` for a metric, `level` for levels (commit, target, stretch), `done` for a milestone.',
    },
  });
}

/** One key result's confidence at a check-in, and the state it has reached. */
export const checkInUpdateSchema = z
  .strictObject({
    /** The key result's id. */
    kr: idSchema,
    /** How likely its owner thinks the target will be met, on the handbook's scale. */
    confidence: z.number(),
    /** A metric key result's value on that day. */
    value: z.number().optional(),
    /** The level an ordinal key result has reached: `fail`, `commit`, `target` or `stretch`. */
    level: levelReachedSchema.optional(),
    /** A milestone key result: `true` once it is done (the review's date is the day it was done), `false` while it is not. */
    done: z.boolean().optional(),
    /** What changed, in a sentence; short Markdown (lists, emphasis, links), line breaks kept. */
    note: z.string().optional(),
  })
  .superRefine(oneState);

/** One key result's end-of-cycle score. */
export const retrospectiveScoreSchema = z.strictObject({
  /** The key result's id. */
  kr: idSchema,
  /** 0.0 (nothing) to 1.0 (fully achieved). */
  score: z.number(),
  /** What was learned; short Markdown, line breaks kept. */
  note: z.string().optional(),
});

export const reviewKindSchema = z.enum(['check-in', 'retrospective']);

/** `reviews/**\/<id>.md`: one review meeting. */
export const reviewSchema = z.strictObject({
  /** The day it was held. */
  date: dateSchema,
  /** `check-in` (weekly confidence) or `retrospective` (end-of-cycle scores). */
  kind: reviewKindSchema,
  /** The decision-maker who ran it. */
  facilitator: personFieldSchema,
  /** Confidence updates; required for a check-in. */
  updates: z.array(checkInUpdateSchema).optional(),
  /** Scores; required for a retrospective. */
  scores: z.array(retrospectiveScoreSchema).optional(),
  /** What was decided; each item short Markdown. */
  decisions: z.array(textSchema).optional(),
});

export type LevelReached = z.output<typeof levelReachedSchema>;
export type CheckInUpdateData = z.output<typeof checkInUpdateSchema>;
export type RetrospectiveScoreData = z.output<typeof retrospectiveScoreSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
export type ReviewData = z.output<typeof reviewSchema>;
