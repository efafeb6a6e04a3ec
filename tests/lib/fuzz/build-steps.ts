import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import type { MarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { glossaryMdxText } from '../../../src/integrations/glossary-mdx.js';
import { markdownBodies } from '../../../src/lib/build/render-bodies.js';
import type { CheckResult } from '../../../src/lib/check-handbook.js';
import type { Document, Handbook } from '../../../src/lib/model/handbook.js';
import { mdxImportsWith, type MdxImport } from '../../../src/lib/rules/mdx-import.js';
import { serializeHandbook } from '../../../src/lib/model/serialize-handbook.js';
import { needsAttention } from '../../../src/site/attention.js';
import { confidenceChart } from '../../../src/site/chart.js';
import { setSiteModel } from '../../../src/site/handbook.js';
import { editLink } from '../../../src/site/links.js';
import { renderBody } from '../../../src/site/markdown.js';
import { searchFacets } from '../../../src/site/search-facets.js';
import type { Failure } from './check-invariants.js';
import { visible } from './visible.js';
import { SECRET } from './write-mutant.js';

/** Start tags of real elements (text such as `&lt;a href=…` in a code block is not one). */
const START_TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** An attribute whose URL runs script or smuggles a document: `javascript:`, `data:`, `vbscript:`, in any case, after spaces. */
const UNSAFE_URL_ATTRIBUTE = /\s(?:href|src|action|formaction|xlink:href|poster|background)\s*=\s*["']?\s*(?:javascript|data|vbscript)\s*:/i;
const EVENT_ATTRIBUTE = /\son[a-z]+\s*=/i;
const UNSAFE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'frame', 'frameset']);

/** The first start tag in `html` with a script URL, or with anything else that can run script when `markup` is on. */
export function unsafeTag(html: string, { markup = true } = {}): string | undefined {
  for (const [tag, name = '', attributes = ''] of html.matchAll(START_TAG)) {
    if (UNSAFE_URL_ATTRIBUTE.test(attributes)) return tag;
    if (markup && (UNSAFE_ELEMENTS.has(name.toLowerCase()) || EVENT_ATTRIBUTE.test(attributes))) return tag;
  }
  return undefined;
}

function message(error: unknown): string {
  return visible(error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error), 200);
}

/**
 * What the build does with content that can fail, short of a full Astro
 * build: render every Markdown body through the site's pipeline, read and
 * compile every MDX glossary file as Astro's MDX integration does, write
 * /handbook.json, and compute what pages derive from the model (charts,
 * attention lists, search facets, edit links). Renderings are cached by body
 * text, as the build itself does, since most mutants share most bodies.
 */
export class BuildSteps {
  private readonly rendered = new Map<string, Failure[]>();

  constructor(private readonly markdown: MarkdownProcessor) {}

  async run(contentDir: string, result: CheckResult): Promise<Failure[]> {
    const { handbook, diagnostics } = result;
    const failures: Failure[] = [];
    const step = (kind: string, work: () => void) => {
      try {
        work();
      } catch (error) {
        failures.push({ kind: `build step threw: ${kind}`, detail: message(error) });
      }
    };
    // Everything that reads the site model first, with no `await` in between: mutants are examined two at a time.
    setSiteModel({ handbook, contentDir, base: '/', warnings: diagnostics });

    step('serialize /handbook.json', () => {
      const json = JSON.stringify(serializeHandbook(handbook));
      JSON.parse(json);
      if (json.includes(SECRET)) failures.push({ kind: '/handbook.json holds a file outside the content folder', detail: '' });
    });
    step('charts', () => {
      for (const keyResult of handbook.keyResults) {
        const cycle = keyResult.objective.cycle;
        const chart = confidenceChart({
          title: keyResult.title,
          cycle: { title: cycle.title, start: cycle.start, end: cycle.end },
          scale: handbook.settings.confidence,
          checkIns: keyResult.checkIns.map((checkIn) => ({ date: checkIn.date, confidence: checkIn.confidence, ...(checkIn.value !== undefined ? { value: checkIn.value } : {}) })),
          ...(keyResult.metric ? { metric: keyResult.metric } : {}),
          asOf: handbook.settings.asOf,
        });
        let notFinite: string | undefined;
        JSON.stringify(chart, (key, value) => {
          if (typeof value === 'number' && !Number.isFinite(value)) notFinite ??= `${key}: ${value}`;
          return value;
        });
        if (notFinite) failures.push({ kind: 'chart: a coordinate that is not a number', detail: `${keyResult.id} ${notFinite}` });
      }
    });
    step('attention', () => handbook.cycles.forEach((cycle) => needsAttention(cycle)));
    step('search facets', () => {
      handbook.objectives.forEach((objective) => searchFacets({ objective }));
      handbook.keyResults.forEach((keyResult) => searchFacets({ keyResult }));
      handbook.people.forEach((person) => searchFacets({ person }));
      handbook.teams.forEach((team) => searchFacets({ team }));
      handbook.cycles.forEach((cycle) => searchFacets({ cycle }));
      handbook.reviews.forEach((review) => searchFacets({ review }));
      handbook.glossary.forEach((term) => searchFacets({ term }));
    });
    step('edit links', () => {
      const documents: Document[] = [...handbook.cycles, ...handbook.teams, ...handbook.people, ...handbook.objectives, ...handbook.reviews, ...handbook.glossary];
      const link = documents.length > 0 ? editLink(handbook.settings.editUrl, documents[0]!.source) : undefined;
      if (link !== undefined && !/^https?:\/\//i.test(link)) failures.push({ kind: 'edit link: a scheme other than http(s)', detail: visible(link) });
    });
    for (const body of markdownBodies(handbook)) failures.push(...(await this.render(body)));
    failures.push(...(await compileMdxTerms(contentDir, handbook)));
    return failures;
  }

  /** One body through the pages' Markdown pipeline, and what the HTML may not hold. */
  private async render(body: string): Promise<Failure[]> {
    const cached = this.rendered.get(body);
    if (cached) return cached;
    let failures: Failure[];
    try {
      const html = await renderBody(this.markdown, body);
      const unsafe = unsafeTag(html);
      failures = unsafe ? [{ kind: 'rendered Markdown lets script in', detail: `${visible(unsafe)} from body ${visible(body)}` }] : [];
    } catch (error) {
      failures = [{ kind: 'rendering a Markdown body threw', detail: `${message(error)} for body ${visible(body)}` }];
    }
    this.rendered.set(body, failures);
    return failures;
  }
}

/**
 * The glossary's MDX bodies, as the build gets them: from the validated
 * model, served by the glossary-mdx plugin under each file's own path, so
 * no file is read from the glossary folder (a link there that check refused
 * is not a term, so the build never sees it). What a body imports is read
 * from disk by the build, though: every file an import names must lie in
 * the content folder once links are resolved, or check must have refused it.
 * Compiling is enough to find what breaks a build; nothing is run.
 */
const compiled = new Map<string, Failure | undefined>();
let mdxImports: ((body: string) => readonly MdxImport[]) | undefined;

async function compileMdxTerms(contentDir: string, handbook: Handbook): Promise<Failure[]> {
  const failures: Failure[] = [];
  const root = realpathSync(contentDir);
  for (const term of handbook.glossary) {
    if (term.format !== 'mdx') continue;
    const code = glossaryMdxText(term);
    if (!compiled.has(code)) compiled.set(code, await compileMdx(code));
    const failure = compiled.get(code);
    if (failure) failures.push({ kind: failure.kind, detail: `${visible(term.source.file)}: ${failure.detail}` });
    mdxImports ??= mdxImportsWith((await import('@mdx-js/mdx')).createProcessor);
    for (const { source } of mdxImports(term.body)) {
      const target = /^\.{1,2}\//.test(source) ? path.resolve(contentDir, path.dirname(term.source.file), source.replace(/[?#].*$/s, '')) : undefined;
      if (target === undefined || !existsSync(target)) continue;
      if (!realpathSync(target).startsWith(root + path.sep)) {
        failures.push({ kind: 'the build reads a file outside the content folder through an MDX import check passed', detail: `${visible(term.source.file)} imports ${visible(source)}` });
      }
    }
  }
  return failures;
}

async function compileMdx(code: string): Promise<Failure | undefined> {
  let content: string;
  try {
    content = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' }).content;
  } catch (error) {
    return { kind: 'MDX front matter the build cannot read', detail: message(error) };
  }
  try {
    await compile(content, { remarkPlugins: [remarkGfm] });
  } catch (error) {
    return { kind: 'MDX the build cannot compile', detail: message(error) };
  }
  return undefined;
}
