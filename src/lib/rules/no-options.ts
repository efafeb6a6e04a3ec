import { z } from 'zod';

/** The options schema of a rule that takes none. */
export const noOptions = z.strictObject({});
