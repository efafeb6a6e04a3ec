import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';

/**
 * Markdown bodies go through Astro's own Markdown pipeline, then through
 * rehype-sanitize: raw HTML in a `.md` file keeps its harmless markup but
 * loses scripts, event handlers and `javascript:` URLs.
 */
let processor: Promise<MarkdownProcessor> | undefined;

export async function renderMarkdown(body: string): Promise<string> {
  processor ??= createMarkdownProcessor({
    syntaxHighlight: false,
    rehypePlugins: [[rehypeSanitize, { ...defaultSchema, clobberPrefix: 'md-' }]],
  });
  if (body.trim() === '') return '';
  const { code } = await (await processor).render(body);
  return code;
}
