import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/lib/schema/colour-contrast.js';
import { checkFiles } from '../../helpers/fixture-handbook.js';

const SETTINGS = 'title: Test Handbook\norganization: Testco\nasOf: 2026-08-20\n';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1f5fbf"/></svg>\n';

const settingsProblems = (result: Awaited<ReturnType<typeof checkFiles>>) =>
  result.diagnostics.filter((d) => d.file === 'handbook.yaml').map(({ line, column, message, hint, severity }) => ({ line, column, message, hint, severity }));

describe('branding settings', () => {
  it('takes a logo, favicon, accent, footer links, site name, stylesheet and language into the model', async () => {
    const result = await checkFiles({
      'handbook.yaml': `${SETTINGS}language: de
siteName: Larkspur OKRs
logo: { src: branding/logo.svg, alt: Larkspur }
favicon: branding/icon.svg
accent: { light: '#0b5394' }
footerLinks:
  - { label: Intranet, href: 'https://intranet.example.com/' }
customCss: [branding/site.css]
`,
      'branding/logo.svg': LOGO,
      'branding/icon.svg': LOGO,
      'branding/site.css': 'h1 { letter-spacing: 0.01em; }\n',
    });
    expect(result.diagnostics).toEqual([]);
    const { settings } = result.handbook;
    expect(settings).toMatchObject({
      language: 'de',
      siteName: 'Larkspur OKRs',
      logo: { src: 'branding/logo.svg', alt: 'Larkspur', replacesTitle: false },
      favicon: 'branding/icon.svg',
      accent: { light: '#0b5394', dark: '#7fb0ff' },
      footerLinks: [{ label: 'Intranet', href: 'https://intranet.example.com/' }],
      customCss: ['branding/site.css'],
    });
    expect([...result.siteFiles.keys()].sort()).toEqual(['branding/icon.svg', 'branding/logo.svg', 'branding/site.css']);
  });

  it('defaults to English, the title as the name, and the default accents', async () => {
    const { handbook } = await checkFiles({});
    expect(handbook.settings).toMatchObject({ language: 'en', siteName: 'Test Handbook', accent: { light: '#1f5fbf', dark: '#7fb0ff' }, footerLinks: [], customCss: [] });
  });

  it('refuses an accent colour below 4.5:1 against the page, naming the ratio, on its line', async () => {
    const result = await checkFiles({ 'handbook.yaml': `${SETTINGS}accent:\n  light: '#7fb0ff'\n  dark: '#1f5fbf'\n` });
    expect(settingsProblems(result)).toEqual([
      {
        line: 5,
        column: 10,
        severity: 'error',
        message: '`accent.light`, `#7fb0ff`, has a contrast of 2.02:1 against the light card background #f4f6f8, below the 4.5:1 that WCAG AA asks of text (links and badges are drawn in it).',
        hint: 'Choose a darker shade with at least 4.5:1 against #ffffff and #f4f6f8, such as the default `#1f5fbf`.',
      },
      {
        line: 6,
        column: 9,
        severity: 'error',
        message: '`accent.dark`, `#1f5fbf`, has a contrast of 2.62:1 against the dark card background #1d2228, below the 4.5:1 that WCAG AA asks of text (links and badges are drawn in it).',
        hint: 'Choose a lighter shade with at least 4.5:1 against #14171b and #1d2228, such as the default `#7fb0ff`.',
      },
    ]);
    expect(result.handbook.settings.accent).toEqual({ light: '#1f5fbf', dark: '#7fb0ff' });
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
  });

  it('refuses a colour that is not #rrggbb', async () => {
    const result = await checkFiles({ 'handbook.yaml': `${SETTINGS}accent: { light: blue }\n` });
    expect(settingsProblems(result)).toMatchObject([{ line: 4, message: '`accent.light`, `blue`, must be a colour written `#rrggbb` or `#rgb`.' }]);
  });

  it.each([
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'holds a `<script>` element'],
    ['an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 'has an event-handler attribute (`onload`)'],
    ['a foreign object', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', 'holds a `<foreignObject>`'],
    ['an external image', '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>', 'links to another file or address'],
  ])('refuses a logo SVG with %s', async (_, svg, why) => {
    const result = await checkFiles({ 'handbook.yaml': `${SETTINGS}logo:\n  src: logo.svg\n`, 'logo.svg': svg });
    const problems = settingsProblems(result);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, column: 8, severity: 'error' });
    expect(problems[0]!.message).toContain(`The logo \`logo.svg\` ${why}`);
    expect(result.handbook.settings.logo).toBeUndefined();
  });

  it('refuses a missing file, a path leaving the content folder and a stylesheet that fetches', async () => {
    const result = await checkFiles({
      'handbook.yaml': `${SETTINGS}favicon: missing.ico\ncustomCss: [../outside.css, site.css]\n`,
      'site.css': "@import url('https://fonts.example.com/x.css');\n",
    });
    expect(settingsProblems(result).map((p) => [p.line, p.message])).toEqual([
      [4, 'The favicon `missing.ico` does not exist in the content folder.'],
      [5, 'The first item of `customCss`, `../outside.css`, must be a path inside the content folder, written with `/`, such as `branding/logo.svg`.'],
      [5, 'The custom stylesheet `site.css` imports another stylesheet (`@import`); it was refused.'],
    ]);
  });

  it('does not report the files it names, or their folder, as stray files', async () => {
    const result = await checkFiles({
      'handbook.yaml': `${SETTINGS}logo: { src: branding/logo.svg }\nfavicon: glossary/icon.svg\n`,
      'branding/logo.svg': LOGO,
      'glossary/icon.svg': LOGO,
      'unnamed/other.svg': LOGO,
    });
    expect(result.diagnostics.map((d) => [d.rule, d.file])).toEqual([['stray-file', 'unnamed/']]);
  });

  it('refuses an unknown language with the known ones', async () => {
    const result = await checkFiles({ 'handbook.yaml': `${SETTINGS}language: fr\n` });
    expect(settingsProblems(result)).toMatchObject([{ line: 4, message: '`language` must be one of `en`, `de`, not the text `fr`.' }]);
  });
});
