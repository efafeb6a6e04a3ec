import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownOptions, rehypeBaseLinks } from '../../src/site/markdown.js';
import { DEMO_HANDBOOK } from '../helpers/demo-handbook.js';

const BASE = '/okrs/';

/** Every body of the demo handbook (the tests' copy), front matter cut off. */
function demoBodies(): string[] {
  return readdirSync(DEMO_HANDBOOK, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .map((file) => readFileSync(path.join(DEMO_HANDBOOK, file), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, ''));
}

/** Bodies built to reach each branch of the fast paths: what SmartyPants and raw HTML change, and what they leave. */
const TRICKY_BODIES = [
  'Plain words and a full stop. Nothing else.',
  "The team's plan, and 'single quotes' too.",
  'She said "ship it" on Monday.',
  'Ranges like 3--5 weeks and a dash -- here.',
  'Wait for it... and . . . spaced.',
  'Dots across *emphasis*.*.* and 1.5 versus 2. 3.',
  '``Old style quotes\'\' in text.',
  'Entity quotes: &quot;quoted&quot; and &#39;single&#39; and &amp; an ampersand.',
  'Code keeps its quotes: `it\'s "code"` -- and text after.',
  '```\nconst s = "fenced" -- ...\n```\n\nAfter the fence.',
  '# A heading with "quotes"\n\nAnd a paragraph.',
  '| a | b |\n|---|---|\n| "x" | y -- z |',
  '<em>raw emphasis</em> in a paragraph.',
  '<div class="note">Raw block with "quotes"</div>\n\nThen text.',
  '<script>alert(1)</script>\n\nText after a script.',
  '<a href="javascript:alert(1)" onclick="x()">link</a>',
  '<img src="x.png" onerror="alert(1)"> image',
  '[A link](/glossary/okr-owner/) and [outside](https://example.com/).',
  '- one\n- two "three"\n\n1. first\n2. second',
  '> A quote block, with an apostrophe\'s worth.',
  'Line with trailing spaces  \nand a hard break.',
  '<!-- a comment --> and text',
  'Footnote[^1].\n\n[^1]: The note.',
  '~~struck~~ and www.example.com autolink',
  'Text with a < sign and a > sign, but no tag.',
];

/** The pipeline as it was before the fast paths: every step on every body. */
async function fullPipeline(): Promise<MarkdownProcessor> {
  return createMarkdownProcessor({
    syntaxHighlight: false,
    rehypePlugins: [rehypeRaw, [rehypeSanitize, { ...defaultSchema, clobberPrefix: 'md-' }], [rehypeBaseLinks, BASE]],
  });
}

describe('Markdown bodies', () => {
  let full: MarkdownProcessor;
  let fast: MarkdownProcessor;
  beforeAll(async () => {
    full = await fullPipeline();
    fast = await createMarkdownProcessor(markdownOptions(BASE));
  });

  it('render exactly as every step of the pipeline would: the fast paths change no body of the demo or the tricky set', async () => {
    const bodies = [...demoBodies(), ...TRICKY_BODIES];
    expect(bodies.length).toBeGreaterThan(70);
    for (const body of bodies) {
      expect((await fast.render(body)).code, body).toBe((await full.render(body)).code);
    }
  });

  it('still get smart quotes, dashes and ellipses where the text has them', async () => {
    const { code } = await fast.render('The team\'s "plan" -- soon...');
    expect(code).toContain('team’s “plan” — soon…');
  });

  it('still sanitise raw HTML and keep its harmless markup', async () => {
    const { code } = await fast.render('<em>kept</em> <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>');
    expect(code).toContain('<em>kept</em>');
    expect(code).not.toMatch(/<script|javascript:|onclick/);
  });
});
