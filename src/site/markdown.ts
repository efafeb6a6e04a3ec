import { createMarkdownProcessor, type AstroMarkdownProcessorOptions, type MarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { getSiteModel } from './handbook.js';
import { renderFailureNames } from './render-failure.js';
import { rehypeRawWhenNeeded, remarkSmartypantsWhenNeeded } from './markdown-fast-paths.js';

/**
 * Markdown bodies go through Astro's own Markdown pipeline, then through
 * rehype-sanitize: raw HTML in a `.md` file keeps its harmless markup but
 * loses scripts, event handlers and `javascript:` URLs.
 */
let processor: Promise<MarkdownProcessor> | undefined;

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Site-absolute links in a body (`/glossary/okr-owner/`) follow the base path the site is served under. */
export function rehypeBaseLinks(base: string) {
  const prefix = base.replace(/\/$/, '');
  const visit = (node: HastNode) => {
    const target = node.properties?.href;
    if (node.tagName === 'a' && typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && prefix) {
      node.properties!.href = `${prefix}${target}`;
    }
    node.children?.forEach(visit);
  };
  return (tree: HastNode) => visit(tree);
}

/** `file`'s body as HTML; a failure names the file. */
export async function renderMarkdown(body: string, file: string): Promise<string> {
  // `npm run build` renders most bodies beforehand, in a thread of their own (see render-bodies.ts).
  const html = getSiteModel().renderedBodies?.get(body);
  if (html !== undefined) return html;
  processor ??= markdownProcessor(getSiteModel().base);
  const markdown = await processor;
  return renderFailureNames(file, () => renderBody(markdown, body));
}

/** The pages' Markdown pipeline, for a site served under `base`. */
export function markdownProcessor(base: string): Promise<MarkdownProcessor> {
  return createMarkdownProcessor(markdownOptions(base));
}

/** One body's HTML; an empty body has none. */
export async function renderBody(markdown: MarkdownProcessor, body: string): Promise<string> {
  if (body.trim() === '') return '';
  return (await markdown.render(body)).code;
}

/** Astro's defaults, with its two costliest steps run only where they change something. */
export function markdownOptions(base: string): AstroMarkdownProcessorOptions {
  return {
    syntaxHighlight: false,
    // In the place Astro's own `smartypants: true` would run it: first of the remark plugins.
    smartypants: false,
    remarkPlugins: [remarkSmartypantsWhenNeeded],
    // rehype-raw first: raw HTML becomes elements, so sanitising keeps `<em>` and drops `<script>`.
    rehypePlugins: [rehypeRawWhenNeeded, [rehypeSanitize, { ...defaultSchema, clobberPrefix: 'md-' }], [rehypeBaseLinks, base]],
  };
}
