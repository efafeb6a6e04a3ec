import { z } from 'zod';
import { dateSchema, idSchema, textSchema } from './fields.js';

/** `people/<id>.md`: a person, the only thing that can own an objective or key result. */
export const personSchema = z.strictObject({
  /** Full name as colleagues know it. */
  name: textSchema,
  /** Job title. */
  role: textSchema.optional(),
  /** The team the person belongs to. */
  team: idSchema.optional(),
  /** The person's manager. */
  manager: idSchema.optional(),
  /** Work e-mail address. */
  email: z.email({ error: 'must be an e-mail address' }).optional(),
  /** The day the person left the organisation. */
  left: dateSchema.optional(),
});

export type PersonInput = z.input<typeof personSchema>;
export type PersonData = z.output<typeof personSchema>;
