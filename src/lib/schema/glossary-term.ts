import { z } from 'zod';
import { idSchema, textSchema } from './fields.js';

/** `glossary/<id>.md` or `.mdx`: a term of the ownership glossary. */
export const glossaryTermSchema = z.strictObject({
  /** The term as written in headings. */
  term: textSchema,
  /** One sentence; short Markdown. */
  summary: textSchema,
  /** Other names; searching one finds the term. */
  synonyms: z.array(textSchema).optional(),
  /** Ids of glossary terms rendered as related readings. */
  related: z.array(idSchema).optional(),
  /** Short points to remember; each short Markdown. */
  takeaways: z.array(textSchema).optional(),
});

export type GlossaryTermInput = z.input<typeof glossaryTermSchema>;
export type GlossaryTermData = z.output<typeof glossaryTermSchema>;
