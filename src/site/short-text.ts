import { createMarkdownProcessor, type MarkdownProcessor, type RemarkPlugin } from '@astrojs/markdown-remark';
import { getSiteModel } from './handbook.js';
import { markdownOptions } from './markdown.js';
import { renderFailureNames } from './render-failure.js';

/**
 * Short texts people write in front matter: check-in and score notes,
 * decisions, takeaways, glossary summaries. They are Markdown like bodies,
 * through the same sanitising pipeline, with one difference: a line break
 * the author typed stays a line break (`note: |` with two lines shows two
 * lines), and a note written as a list renders as a list.
 */

interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}

/** Soft line breaks inside text become hard ones (`<br>`), as remark-breaks does. */
export const remarkLineBreaks = (() => (tree: MdastNode) => {
  const visit = (node: MdastNode) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child) => {
      if (child.type !== 'text' || !child.value?.includes('\n')) {
        visit(child);
        return [child];
      }
      return child.value.split(/\r?\n/).flatMap((line, index) => (index === 0 ? [{ type: 'text', value: line }] : [{ type: 'break' }, { type: 'text', value: line }]));
    });
  };
  visit(tree);
}) as unknown as RemarkPlugin;

/**
 * Text Markdown cannot change: one line of letters, digits, spaces and
 * plain punctuation, with nothing that starts a list, a link, an autolink or
 * a SmartyPants rewrite. Such a text is only escaped, which is most notes and
 * nearly all of a large handbook's, and costs nothing.
 */
const PLAIN = /^[\p{L}\p{N} ,.;:()%/?!=€$£+-]*$/u;
const NOT_PLAIN = /\.\s*\.|--|:\/\/|www\.|^\s*(?:[-+]|\d+[.)])(?:\s|$)/i;

export function isPlainText(text: string): boolean {
  return PLAIN.test(text) && !NOT_PLAIN.test(text);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The short-text pipeline: the bodies' options, plus line breaks kept. */
export function shortTextProcessor(base: string): Promise<MarkdownProcessor> {
  const options = markdownOptions(base);
  return createMarkdownProcessor({ ...options, remarkPlugins: [...(options.remarkPlugins ?? []), remarkLineBreaks] });
}

/** A paragraph's wrapper, removed when a short text is shown inline and is one paragraph. */
const ONE_PARAGRAPH = /^<p>((?:(?!<\/?p[\s>])[\s\S])*)<\/p>$/;

/**
 * `text` as HTML. `inline` (for a list item or a table cell) leaves out the
 * paragraph around a text that is one paragraph; a list or several
 * paragraphs keep their blocks.
 */
export async function renderShortText(processor: MarkdownProcessor, text: string, inline: boolean): Promise<string> {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (isPlainText(trimmed)) return inline ? escapeHtml(trimmed) : `<p>${escapeHtml(trimmed)}</p>`;
  const html = (await processor.render(trimmed)).code.trim();
  const single = inline ? ONE_PARAGRAPH.exec(html) : null;
  return single ? single[1]! : html;
}

let processor: Promise<MarkdownProcessor> | undefined;

/** A short text of the model as HTML, for a page; a failure names the file it comes from. */
export async function renderNote(text: string, file: string, inline = false): Promise<string> {
  processor ??= shortTextProcessor(getSiteModel().base);
  const markdown = await processor;
  return renderFailureNames(file, () => renderShortText(markdown, text, inline));
}
