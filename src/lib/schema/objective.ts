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

/** A measurable result inside an objective. */
export const keyResultSchema = z.strictObject({
  /** Unique across the whole handbook. */
  id: idSchema,
  /** The result, stated so it can be measured. */
  title: textSchema,
  /** Exactly one person, accountable for this key result. */
  owner: personFieldSchema,
  /** The day the owner explicitly accepted; blank (`accepted:`) until they do, which `owner-accepted` reports. */
  accepted: dateSchema.nullish(),
  /** Baseline, target and unit. */
  metric: metricSchema.optional(),
  /** The work planned to move it. */
  initiatives: z.array(initiativeSchema).optional(),
});

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
export type KeyResultInput = z.input<typeof keyResultSchema>;
export type KeyResultData = z.output<typeof keyResultSchema>;
export type ObjectiveInput = z.input<typeof objectiveSchema>;
export type ObjectiveData = z.output<typeof objectiveSchema>;
