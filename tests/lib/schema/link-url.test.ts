import { describe, expect, it } from 'vitest';
import { hasAllowedScheme, isWebUrl, urlScheme, WEB_SCHEMES } from '../../../src/lib/schema/link-url.js';
import { BASE_HANDBOOK, checkFiles, edit, located } from '../../helpers/fixture-handbook.js';

/** Ways to write a link that runs script, or that a browser reads differently than it looks. */
const HOSTILE_URLS: readonly [string, string][] = [
  ['javascript:', 'javascript:alert(document.domain)//'],
  ['upper-case scheme', 'JAVASCRIPT:alert(1)'],
  ['mixed-case scheme', 'JaVaScRiPt:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['leading space', ' javascript:alert(1)'],
  ['leading control character', '\u0001javascript:alert(1)'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['line break inside the scheme', 'java\nscript:alert(1)'],
  ['protocol-relative', '//evil.example.com/'],
  ['entity-encoded colon', 'javascript&#58;alert(1)'],
  ['entity-encoded letter', '&#106;avascript:alert(1)'],
  ['percent-encoded scheme', '%6Aavascript:alert(1)'],
  ['another scheme', 'file:///etc/passwd'],
  ['web scheme without a host', 'https:evil.example.com'],
  ['space around a web address', ' https://git.example.com/acme/ '],
];

describe('urlScheme', () => {
  it('reads the scheme as a browser does', () => {
    expect(urlScheme('HTTPS://example.com')).toBe('https:');
    expect(urlScheme(' \tjava\tscript:alert(1)')).toBe('javascript:');
    expect(urlScheme('java\r\nscript:alert(1)')).toBe('javascript:');
    expect(urlScheme('//example.com')).toBeUndefined();
    expect(urlScheme('/glossary/')).toBeUndefined();
    expect(urlScheme('javascript&#58;alert(1)')).toBeUndefined();
  });
});

describe('isWebUrl', () => {
  it('accepts https and http addresses with a host', () => {
    for (const url of ['https://git.example.com/acme/handbook/edit/main/content/', 'HTTP://git.example.com/', 'http://localhost:8080/edit/', 'https://git.example.com/a%20b/?x=1#y']) {
      expect(isWebUrl(url), url).toBe(true);
    }
  });

  it.each(HOSTILE_URLS)('refuses %s', (_, url) => {
    expect(isWebUrl(url)).toBe(false);
  });

  it('lets hasAllowedScheme take other schemes for other links', () => {
    expect(hasAllowedScheme('mailto:lee@example.com', ['mailto:'])).toBe(true);
    expect(hasAllowedScheme('mailto:lee@example.com', WEB_SCHEMES)).toBe(false);
  });
});

/** `handbook.yaml` with `editUrl` written as YAML `source` on line 4. */
const withEditUrl = (source: string) => ({ 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}editUrl: ${source}\n` });

describe('editUrl in handbook.yaml', () => {
  it.each(HOSTILE_URLS)('reports %s as a schema error on its line', async (_, url) => {
    const { diagnostics, handbook } = await checkFiles(withEditUrl(JSON.stringify(url)));
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 10 }]);
    expect(diagnostics[0]!.message).toMatch(/^`editUrl` must be a web address starting with `https:\/\/` or `http:\/\/`, not /);
    // The model the site is built from never holds it.
    expect(handbook.settings.editUrl).toBeUndefined();
  });

  it('says why a script scheme is refused and what to write instead', async () => {
    const { diagnostics } = await checkFiles(withEditUrl('"javascript:alert(document.domain)//"'));
    expect(diagnostics[0]!.message).toBe('`editUrl` must be a web address starting with `https://` or `http://`, not the text `javascript:alert(document.domain)//`.');
    expect(diagnostics[0]!.hint).toBe(
      "Only `https://` and `http://` addresses are allowed: a `javascript:` link runs script or shows content of its own in the reader's browser. Write a web address, such as `https://git.example.com/acme/handbook/edit/main/content/`.",
    );
  });

  it('gives the hint that fits the mistake', async () => {
    const hint = async (source: string) => (await checkFiles(withEditUrl(source))).diagnostics[0]!.hint;
    expect(await hint('"java\\tscript:alert(1)"')).toMatch(/^Remove the spaces, tabs and line breaks/);
    expect(await hint('//git.example.com/acme/')).toBe('Write the scheme too: `https://git.example.com/acme/`.');
    expect(await hint('ftp://files.example.com/')).toMatch(/the site links only to web pages/);
    expect(await hint('git.example.com/acme/')).toMatch(/^Write a full address with its scheme and host/);
  });

  it('reports a folded block scalar on the line of its indicator', async () => {
    const { diagnostics } = await checkFiles(withEditUrl('>-\n  javascript:alert(1)'));
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 10 }]);
  });

  it('accepts an https address, upper case or not', async () => {
    for (const url of ['https://git.example.com/acme/handbook/edit/main/content/', 'HTTPS://git.example.com/acme/']) {
      const { diagnostics, handbook } = await checkFiles(withEditUrl(url));
      expect(diagnostics, url).toEqual([]);
      expect(handbook.settings.editUrl).toBe(url);
    }
  });
});

describe('email of a person', () => {
  const withEmail = (source: string) => edit('people/lee-wong.md', 'manager: priya-shah\n', `manager: priya-shah\nemail: ${source}\n`);

  it.each([
    ['javascript:', '"javascript:alert(1)//@example.com"'],
    ['a mailto: link', 'mailto:lee@example.com'],
    ['a query', '"lee@example.com?body=x"'],
    ['a line break', '"lee@example.com\\njavascript:alert(1)"'],
    ['a leading space', '" lee@example.com"'],
  ])('reports an address with %s as a schema error on its line', async (_, source) => {
    const { diagnostics } = await checkFiles(withEmail(source));
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: 'people/lee-wong.md', line: 6, column: 8 }]);
  });

  it('tells an author who wrote a mailto: link to write the address alone', async () => {
    const { diagnostics } = await checkFiles(withEmail('mailto:lee@example.com'));
    expect(diagnostics[0]!.message).toBe('`email` must be an e-mail address, not the text `mailto:lee@example.com`.');
    expect(diagnostics[0]!.hint).toBe('Write the address alone: `lee@example.com`; the site links it.');
  });
});
