import { z } from 'zod';
import { dateSchema, idSchema, personFieldSchema, textSchema } from './fields.js';

export const initiativeStatusSchema = z.enum(['planned', 'active', 'done', 'dropped']);

/** A piece of work expected to move a key result. */
export const initiativeSchema = z.strictObject({
  /** What the work is. */
  title: textSchema,
  /** The one person who drives it. */
  owner: personFieldSchema,
  /** `planned`, `active`, `done` or `dropped`. */
  status: initiativeStatusSchema,
});

/** How a key result is measured: "from 32% to 55%" is `{ baseline: 32, target: 55, unit: "%" }`. */
export const metricSchema = z.strictObject({
  /** The value when the cycle started. */
  baseline: z.number(),
  /** The value that scores 1.0. */
  target: z.number(),
  /** Unit shown after values, e.g. `%`. */
  unit: z.string().optional(),
});

/** The three levels of an ordinal key result, in order. */
export const LEVEL_NAMES = ['commit', 'target', 'stretch'] as const;

/** What an ordinal key result's levels mean, in words: "commit" is promised, "target" aimed for, "stretch" outstanding. */
export const levelsSchema = z.strictObject({
  /** What we promise to reach. */
  commit: textSchema,
  /** What we aim for: reaching it is success. */
  target: textSchema,
  /** What would be outstanding. */
  stretch: textSchema,
});

/** A milestone key result is done or not done: written `milestone: true`. */
export const milestoneSchema = z.literal(true);

/** The fields that each name one kind of key result; a key result names at most one. */
export const KIND_FIELDS = ['metric', 'levels', 'milestone'] as const;

/**
 * A key result is measured one way. Two kind fields are one problem,
 * reported on the second one's key with the fix, not a type error.
 */
export function checkOneKind(kr: Partial<Record<(typeof KIND_FIELDS)[number], unknown>>, context: z.core.$RefinementCtx): void {
  const named = KIND_FIELDS.filter((field) => kr[field] !== undefined);
  if (named.length < 2) return;
  context.addIssue({
    code: 'custom',
    path: [named[1]!],
    message: `is measured one way, but names ${named.map((field) => `\`${field}\``).join(' and ')}.`,
    params: {
      at: 'key',
      hint:
        'Keep one: `metric` for a number moving from baseline to target, `levels` for commit, target and stretch described in words, ' +
        '`milestone: true` for done or not done. If both matter, make them two key results.',
    },
  });
}

/** A measurable result inside an objective: a metric, ordinal (levels) or milestone key result. */
export const keyResultSchema = z
  .strictObject({
    /** Unique across the whole handbook. */
    id: idSchema,
    /** The result, stated so it can be measured. */
    title: textSchema,
    /** Exactly one person, accountable for this key result. */
    owner: personFieldSchema,
    /** The day the owner explicitly accepted; blank (`accepted:`) until they do, which `owner-accepted` reports. */
    accepted: dateSchema.nullish(),
    /** A metric key result: baseline, target and unit; check-ins record a `value`. */
    metric: metricSchema.optional(),
    /** An ordinal key result: its commit, target and stretch levels in words; check-ins record the `level` reached. */
    levels: levelsSchema.optional(),
    /** A milestone key result (`milestone: true`): done or not done; a check-in records `done: true` on the day it is done. */
    milestone: milestoneSchema.optional(),
    /** The work planned to move it. */
    initiatives: z.array(initiativeSchema).optional(),
  })
  .superRefine(checkOneKind);

/** `objectives/**\/<id>.md`: an objective and its key results. */
export const objectiveSchema = z.strictObject({
  /** What the objective wants to achieve. */
  title: textSchema,
  /** The cycle it belongs to. */
  cycle: idSchema,
  /** Exactly one person, accountable for the objective. */
  owner: personFieldSchema,
  /** The day the owner explicitly accepted; blank (`accepted:`) until they do, which `owner-accepted` reports. */
  accepted: dateSchema.nullish(),
  /** The team that contributes (a team contributes; a person owns). */
  team: idSchema.optional(),
  /** Executive sponsor for structural trade-offs. */
  sponsor: personFieldSchema,
  /** The objective this one aligns to. */
  parent: idSchema.optional(),
  /** Objectives or key results this one needs. */
  dependsOn: z.array(idSchema).optional(),
  /** At least one, unless other objectives name this one as `parent`. */
  keyResults: z.array(keyResultSchema).optional(),
});

export type InitiativeInput = z.input<typeof initiativeSchema>;
export type InitiativeData = z.output<typeof initiativeSchema>;
export type MetricData = z.output<typeof metricSchema>;
export type LevelsData = z.output<typeof levelsSchema>;
export type LevelName = (typeof LEVEL_NAMES)[number];
export type KeyResultInput = z.input<typeof keyResultSchema>;
export type KeyResultData = z.output<typeof keyResultSchema>;
export type ObjectiveInput = z.input<typeof objectiveSchema>;
export type ObjectiveData = z.output<typeof objectiveSchema>;
