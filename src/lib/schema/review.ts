import { z } from 'zod';
import { dateSchema, idSchema, personFieldSchema, textSchema } from './fields.js';

/** One key result's confidence at a check-in. */
export const checkInUpdateSchema = z.strictObject({
  /** The key result's id. */
  kr: idSchema,
  /** How likely its owner thinks the target will be met, on the handbook's scale. */
  confidence: z.number(),
  /** The metric's value on that day. */
  value: z.number().optional(),
  /** What changed, in a sentence; short Markdown (lists, emphasis, links), line breaks kept. */
  note: z.string().optional(),
});

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

export type CheckInUpdateData = z.output<typeof checkInUpdateSchema>;
export type RetrospectiveScoreData = z.output<typeof retrospectiveScoreSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
export type ReviewData = z.output<typeof reviewSchema>;
