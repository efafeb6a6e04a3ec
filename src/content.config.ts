import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/*
 * Only MDX glossary terms go through a content collection: MDX is code, and
 * Astro's MDX pipeline compiles it. Everything else comes from the validated
 * model. No schema here: validation already happened, with our own schemas.
 */
const contentDir = process.env.OKR_HANDBOOK_CONTENT ?? 'content';

export const collections = {
  glossaryMdx: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir}/glossary` }) }),
};
