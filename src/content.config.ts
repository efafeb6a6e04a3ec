import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/*
 * Only MDX glossary terms go through a content collection: MDX is code, and
 * Astro's MDX pipeline compiles it. Everything else comes from the validated
 * model. No schema here: validation already happened, with our own schemas.
 */
const contentDir = process.env.OKR_HANDBOOK_CONTENT ?? 'content';
const glossaryDir = path.resolve(contentDir, 'glossary');

export const collections = {
  // A handbook without a glossary folder is valid: it gets an empty collection rather than a warning from the glob loader.
  glossaryMdx: defineCollection({
    loader: existsSync(glossaryDir) ? glob({ pattern: '*.mdx', base: glossaryDir }) : { name: 'okr-handbook-no-glossary', load: async () => {} },
  }),
};
