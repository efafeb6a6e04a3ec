import type { MarkdownProcessor } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlainText, renderShortText, shortTextProcessor } from '../../src/site/short-text.js';

let processor: MarkdownProcessor;
beforeAll(async () => {
  processor = await shortTextProcessor('/okrs/');
});

const block = (text: string) => renderShortText(processor, text, false);
const inline = (text: string) => renderShortText(processor, text, true);

describe('short texts (notes, decisions, takeaways, summaries)', () => {
  it('render a note written as a list as a list', async () => {
    const html = await block('Where the claims come from:\n- crushed corners\n- forklift damage\n- **wet** cartons');
    expect(html).toMatch(/^<p>Where the claims come from:<\/p>\s*<ul>/);
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).toContain('<li><strong>wet</strong> cartons</li>');
  });

  it('keep the line breaks an author typed', async () => {
    expect(await block('Bremen cut-off moved.\nThe ferry still costs an hour.')).toBe('<p>Bremen cut-off moved.<br>\nThe ferry still costs an hour.</p>');
  });

  it('render inline Markdown, and leave out the paragraph when shown inline', async () => {
    expect(await inline('Buy **corner boards** for [mixed pallets](/glossary/cross-dock/).')).toBe(
      'Buy <strong>corner boards</strong> for <a href="/okrs/glossary/cross-dock/">mixed pallets</a>.',
    );
    // A list stays a list even where the text is shown inline.
    expect(await inline('- one\n- two')).toMatch(/^<ul>/);
  });

  it('are sanitised like bodies: no scripts, handlers or javascript: links', async () => {
    const html = await block('<em>kept</em> <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>\n- <img src=x onerror="alert(1)">');
    expect(html).toContain('<em>kept</em>');
    expect(html).not.toMatch(/<script|javascript:|onclick|onerror/);
  });

  it('escape a plain text without the pipeline, exactly as the pipeline would render it', async () => {
    const plain = ['Storage nodes are the next limit.', 'Click-through at 7.8%, up from 6%.', 'Seven warehouses live; Dortmund goes next week!', '185000 events/s (target 200000)', 'Ärger in Köln: 5 von 12 Lagern'];
    const markdown = ['- a list', '1. first', 'a -- dash', 'wait...', "it's", 'see www.example.com', 'http://example.com', 'a *b*', 'two\nlines', '# heading', 'a < b & c'];
    for (const text of plain) {
      expect(isPlainText(text), text).toBe(true);
      expect(await block(text), text).toBe((await processor.render(text)).code.trim());
    }
    for (const text of markdown) expect(isPlainText(text), text).toBe(false);
  });

  it('render nothing for an empty text', async () => {
    expect(await block('  \n')).toBe('');
  });
});
