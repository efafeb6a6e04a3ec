import { z } from 'zod';
import { dateSchema, textSchema } from './fields.js';

export const cycleStatusSchema = z.enum(['planning', 'active', 'closed']);

/** `cycles/<id>.md`: an OKR cycle such as a quarter. */
export const cycleSchema = z.strictObject({
  /** Display name, e.g. "2026 Q3". */
  title: textSchema,
  /** First day of the cycle. */
  start: dateSchema,
  /** Last day of the cycle. */
  end: dateSchema,
  /** `planning`, `active` or `closed`. */
  status: cycleStatusSchema,
});

export type CycleInput = z.input<typeof cycleSchema>;
export type CycleData = z.output<typeof cycleSchema>;
