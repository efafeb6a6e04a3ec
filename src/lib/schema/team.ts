import { z } from 'zod';
import { idSchema, textSchema } from './fields.js';

/** `teams/<id>.md`: a team. Teams contribute to objectives; they never own them. */
export const teamSchema = z.strictObject({
  /** Display name. */
  name: textSchema,
  /** The person who leads the team. */
  lead: idSchema.optional(),
  /** The team this one belongs to. */
  parent: idSchema.optional(),
});

export type TeamInput = z.input<typeof teamSchema>;
export type TeamData = z.output<typeof teamSchema>;
