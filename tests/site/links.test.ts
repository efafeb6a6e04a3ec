import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/lib/model/handbook.js';
import { editLink, mailtoUrl, safeUrl } from '../../src/site/links.js';

const SOURCE = { file: 'objectives/2026-q3/retention.md' } as Source;

/** What validation refuses, as if it had let it through. */
const HOSTILE = [
  'javascript:alert(document.domain)//',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example.com/',
  'javascript&#58;alert(1)',
  '/relative/path',
];

describe('safeUrl', () => {
  it('keeps https and http addresses as written', () => {
    expect(safeUrl('https://okrs.example.com/a?b=c#d')).toBe('https://okrs.example.com/a?b=c#d');
    expect(safeUrl('HTTP://okrs.example.com/')).toBe('HTTP://okrs.example.com/');
  });

  it.each(HOSTILE)('drops %j', (url) => {
    expect(safeUrl(url)).toBeUndefined();
  });

  it('takes the schemes a link of another kind allows', () => {
    expect(safeUrl('mailto:lee@example.com')).toBeUndefined();
    expect(safeUrl('mailto:lee@example.com', ['mailto:'])).toBe('mailto:lee@example.com');
    expect(safeUrl('javascript:alert(1)', ['mailto:'])).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});

describe('editLink', () => {
  it('appends the file, each part encoded', () => {
    expect(editLink('https://git.example.com/edit/main/content', SOURCE)).toBe('https://git.example.com/edit/main/content/objectives/2026-q3/retention.md');
    expect(editLink('https://git.example.com/edit/', { file: 'people/a b#c.md' } as Source)).toBe('https://git.example.com/edit/people/a%20b%23c.md');
  });

  it.each(HOSTILE)('draws no edit link for an editUrl of %j', (url) => {
    expect(editLink(url, SOURCE)).toBeUndefined();
  });
});

describe('mailtoUrl', () => {
  it('links a plain address', () => {
    expect(mailtoUrl('lee@example.com')).toBe('mailto:lee@example.com');
  });

  it.each(['javascript:alert(1)//@example.com', 'lee@example.com?body=x', 'lee@example.com\njavascript:alert(1)', ' lee@example.com', 'lee', 'mailto:lee@example.com'])(
    'links no address written as %j',
    (email) => {
      expect(mailtoUrl(email)).toBeUndefined();
    },
  );
});

describe('the templates', () => {
  const SITE = path.resolve(import.meta.dirname, '../../src');
  const TEMPLATE_FOLDERS = ['pages', 'components', 'layouts'];
  const HELPERS = ['safeUrl', 'mailtoUrl', 'editLink'];

  /** Every `href=`, `src=` (and other URL attribute) in a template, with the expression or text it is given. */
  function urlAttributes(text: string): string[] {
    const found: string[] = [];
    for (const match of text.matchAll(/\s(?:href|src|srcset|action|formaction|poster|xlink:href)=(["{])/g)) {
      let end = match.index + match[0].length;
      if (match[1] === '"') {
        end = text.indexOf('"', end);
      } else {
        for (let depth = 1; depth > 0; end++) depth += text[end] === '{' ? 1 : text[end] === '}' ? -1 : 0;
        end--;
      }
      found.push(text.slice(match.index + match[0].length - (match[1] === '"' ? 1 : 0), end + (match[1] === '"' ? 1 : 0)));
    }
    return found;
  }

  /** A site path through `href()`, a fragment of the same page, or a URL from content through one of the helpers. */
  function isSafe(value: string, template: string): boolean {
    if (/^"#[^"]*"$/.test(value) || /^`#/.test(value) || /^href\(/.test(value)) return true;
    if (HELPERS.some((helper) => value.startsWith(`${helper}(`))) return true;
    // A variable the template set from one of the helpers.
    return /^[A-Za-z_$][\w$]*$/.test(value) && new RegExp(`const ${value} = [^;\\n]*\\b(${HELPERS.join('|')})\\(`).test(template);
  }

  it('build every href and src from content through a helper of src/site/links.ts', () => {
    const templates = TEMPLATE_FOLDERS.flatMap((folder) =>
      (readdirSync(path.join(SITE, folder), { recursive: true }) as string[]).filter((file) => file.endsWith('.astro')).map((file) => path.join(folder, file)),
    );
    expect(templates.length).toBeGreaterThan(10);
    const unsafe: string[] = [];
    let attributes = 0;
    for (const template of templates) {
      const text = readFileSync(path.join(SITE, template), 'utf8');
      for (const value of urlAttributes(text)) {
        attributes++;
        if (!isSafe(value, text)) unsafe.push(`${template}: ${value}`);
      }
    }
    expect(attributes).toBeGreaterThan(50);
    expect(unsafe).toEqual([]);
  });
});
