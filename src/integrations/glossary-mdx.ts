import { realpathSync } from 'node:fs';
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

/** The content folder as written and as it really is (after links), for telling what lies inside it. */
function contentFolder(): { written: string; real: string } | undefined {
  if (!hasSiteModel()) return undefined;
  const written = path.resolve(getSiteModel().contentDir);
  return { written, real: realPath(written) };
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** A module id's file, without Vite's query (`?raw`) or a virtual module's marker. */
function fileOf(id: string): string | undefined {
  if (id.startsWith('\0')) return undefined;
  const file = id.replace(/[?#].*$/s, '');
  return path.isAbsolute(file) ? file : undefined;
}

function isInside(file: string, folder: string): boolean {
  return file.startsWith(folder + path.sep);
}

/** Written inside the content folder (a term's module id need not exist on disk: `x.MDX` is served as `x.mdx`). */
function isWrittenInContent(file: string, content: { written: string; real: string }): boolean {
  return isInside(file, content.written) || isInside(file, content.real);
}

/** Inside the content folder once links are resolved; a file that is not on disk, by its path. */
function isInContent(file: string, content: { written: string; real: string }): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return isWrittenInContent(file, content);
  }
  return isInside(real, content.real);
}

/** `./x`, `../x`, `/x`, `file:…`: a specifier that names a file rather than a package. */
const PATH_SPECIFIER = /^(?:\.{1,2}(?:[/\\]|$)|[/\\]|[a-z]:|file:)/i;

/**
 * The build reads only what check accepted. An MDX body may import modules
 * (check reports those it can see leading out: `mdx-import`); here, every
 * import made from a module in the content folder is resolved and refused,
 * naming the importing file, when a path leads out of the content folder
 * (links followed) or a package name leads out of `node_modules`. An MDX
 * file of the content folder that is not a term of the model (check refused
 * it, or never read it) is never loaded from disk.
 */
export function glossaryMdxPlugin(): Plugin {
  return {
    name: 'okr-handbook:glossary-mdx',
    // Before Vite's resolver, which would look for a `.mdx` file that `x.MDX` is not.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === GLOSSARY_MDX_MODULE) return RESOLVED_MODULE;
      if (mdxTerms().has(source)) return source;
      const content = contentFolder();
      const from = importer === undefined ? undefined : fileOf(importer);
      if (!content || from === undefined || !isWrittenInContent(from, content)) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const file = resolved && !resolved.external ? fileOf(resolved.id) : undefined;
      if (file !== undefined && !isInContent(file, content)) {
        const leaves = PATH_SPECIFIER.test(source) || !realPath(file).split(path.sep).includes('node_modules');
        if (leaves) {
          this.error(
            `${path.relative(content.written, from)}: the MDX body imports ${JSON.stringify(source)}, which resolves outside the content folder; the build reads nothing there. Run \`npm run check\` (rule mdx-import).`,
          );
        }
      }
      return resolved;
    },
    load(id) {
      if (id === RESOLVED_MODULE) {
        const entries = [...mdxTerms()].map(([moduleId, term]) => `  ${JSON.stringify(term.id)}: () => import(${JSON.stringify(moduleId)}),`);
        return `export const glossaryMdx = {\n${entries.join('\n')}\n};\n`;
      }
      const term = mdxTerms().get(id);
      if (term) return glossaryMdxText(term);
      const content = contentFolder();
      const file = fileOf(id);
      if (content && file !== undefined && /\.mdx$/i.test(file) && isWrittenInContent(file, content)) {
        this.error(`${path.relative(content.written, file)}: imported by an MDX body, but it is not a glossary term check accepted, so the build does not read it. Run \`npm run check\`.`);
      }
      return undefined;
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
