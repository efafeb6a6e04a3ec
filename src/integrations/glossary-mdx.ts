import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { GlossaryTerm } from '../lib/model/handbook.js';
import { getSiteModel, hasSiteModel } from '../site/handbook.js';

/**
 * MDX glossary bodies reach Astro's MDX integration from the validated
 * model, not from the files: no content collection, so no `.astro/`
 * content modules or data store for builds to share, and MDX never sees
 * the front matter, which our own reader has already judged (Astro's
 * would parse it again, with another YAML parser).
 *
 * `virtual:okr-handbook/glossary-mdx` maps each MDX term's id to an import
 * of its body. The body is served under the file's own path, so imports in
 * the MDX resolve beside the file, spelled with a lower-case `.mdx` (the
 * extension @astrojs/mdx compiles) whatever case the file name uses.
 */
export const GLOSSARY_MDX_MODULE = 'virtual:okr-handbook/glossary-mdx';
const RESOLVED_MODULE = `\0${GLOSSARY_MDX_MODULE}`;

/**
 * Where a front-matter block was, the body gets blank lines, so MDX
 * reports its errors on the file's own lines. The first of them is an
 * empty MDX comment: a body that itself starts with `---` is then not
 * taken for front matter by @astrojs/mdx, which skips blank lines first.
 */
const FRONT_MATTER_STAND_IN = '{/**/}';

/** The module id a term's MDX body is compiled under. */
export function glossaryMdxId(contentDir: string, file: string): string {
  return path.join(contentDir, file).replace(/\.mdx$/i, '.mdx');
}

/** A term's MDX module text: its body on the lines it has in the file. */
export function glossaryMdxText(term: Pick<GlossaryTerm, 'body' | 'bodyLine'>): string {
  const lines = term.bodyLine - 1;
  return lines > 0 ? `${FRONT_MATTER_STAND_IN}${'\n'.repeat(lines)}${term.body}` : `${FRONT_MATTER_STAND_IN}\n${term.body}`;
}

/** The MDX terms of the current model, by module id. */
function mdxTerms(): Map<string, GlossaryTerm> {
  const terms = new Map<string, GlossaryTerm>();
  if (!hasSiteModel()) return terms;
  const { handbook, contentDir } = getSiteModel();
  for (const term of handbook.glossary) if (term.format === 'mdx') terms.set(glossaryMdxId(contentDir, term.source.file), term);
  return terms;
}

export function glossaryMdxPlugin(): Plugin {
  return {
    name: 'okr-handbook:glossary-mdx',
    // Before Vite's resolver, which would look for a `.mdx` file that `x.MDX` is not.
    enforce: 'pre',
    resolveId(source) {
      if (source === GLOSSARY_MDX_MODULE) return RESOLVED_MODULE;
      if (mdxTerms().has(source)) return source;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_MODULE) {
        const entries = [...mdxTerms()].map(([moduleId, term]) => `  ${JSON.stringify(term.id)}: () => import(${JSON.stringify(moduleId)}),`);
        return `export const glossaryMdx = {\n${entries.join('\n')}\n};\n`;
      }
      const term = mdxTerms().get(id);
      return term ? glossaryMdxText(term) : undefined;
    },
  };
}

/** After `npm run dev` validated again: the next request compiles the MDX bodies of the new model. */
export function invalidateGlossaryMdx(server: ViteDevServer): void {
  for (const id of [RESOLVED_MODULE, ...mdxTerms().keys()]) {
    const module = server.moduleGraph.getModuleById(id);
    if (module) server.moduleGraph.invalidateModule(module);
  }
}
