import { createMarkdownProcessor, type AstroMarkdownProcessorOptions, type MarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { getSiteModel } from './handbook.js';
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

export async function renderMarkdown(body: string): Promise<string> {
  processor ??= createMarkdownProcessor(markdownOptions(getSiteModel().base));
  if (body.trim() === '') return '';
  const { code } = await (await processor).render(body);
  return code;
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
