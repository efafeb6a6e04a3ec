import { z } from 'zod';
import { contrastRatio, formatRatio, HEX_COLOUR_PATTERN, isHexColour, MIN_TEXT_CONTRAST } from './colour-contrast.js';
import { textSchema, webUrlSchema } from './fields.js';
import { DEFAULT_ACCENT, SITE_BACKGROUNDS, type ColourScheme } from './site-colours.js';

/**
 * The interface languages the site ships a message catalogue for
 * (src/site/i18n/). Validation messages stay English whatever is chosen.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The site's files a handbook may name: where each may point, by extension. */
export const SITE_FILE_TYPES = {
  logo: ['.svg', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif'],
  favicon: ['.svg', '.ico', '.png'],
  customCss: ['.css'],
} as const;

/** A relative path inside the content folder, written with `/`, never leaving it. */
export const SITE_FILE_PATTERN = /^(?!\/)(?!.*\\)(?!(?:.*\/)?\.\.?(?:\/|$))[^\u0000-\u001f]+$/;

/** A file in the content folder that the build copies to the site, e.g. `branding/logo.svg`. */
export const siteFileSchema = z.string().refine((value) => SITE_FILE_PATTERN.test(value), {
  error: 'must be a path inside the content folder, written with `/`, such as `branding/logo.svg`',
  params: { hint: 'Write the path from the content folder, without a leading `/`, `..` or `\\`, e.g. `branding/logo.svg`.' },
});

/** The logo in the header (Starlight's `logo`). */
export const logoSchema = z.strictObject({
  /** The image, a file in the content folder: SVG, PNG, JPEG, WebP, GIF or AVIF. An SVG with script, event handlers, foreign objects or references to other files is refused. */
  src: siteFileSchema,
  /** What the logo says, for screen readers; default: none when the site's name is shown beside it, else the site's name. */
  alt: textSchema.optional(),
  /** Show the logo in place of the site's name (the name stays the logo's accessible name); default false. */
  replacesTitle: z.boolean().optional(),
});

/** An accent colour, refused when links and badges in it would be hard to read on the site's background. */
function accentColourSchema(scheme: ColourScheme) {
  return z
    .string()
    .refine(isHexColour, {
      error: 'must be a colour written `#rrggbb` or `#rgb`',
      params: { hint: `Write a hexadecimal colour such as \`${DEFAULT_ACCENT[scheme]}\` (the default for ${scheme} mode).` },
    })
    .superRefine((colour, context) => {
      if (!isHexColour(colour)) return;
      const backgrounds = SITE_BACKGROUNDS[scheme];
      const [worst, ratio] = (Object.entries(backgrounds) as [string, string][])
        .map(([name, background]) => [name, contrastRatio(colour, background)] as const)
        .reduce((a, b) => (b[1] < a[1] ? b : a));
      if (ratio >= MIN_TEXT_CONTRAST) return;
      const where = worst === 'page' ? `the ${scheme} page background ${backgrounds.page}` : `the ${scheme} card background ${backgrounds.panel}`;
      context.addIssue({
        code: 'custom',
        message: `has a contrast of ${formatRatio(ratio)} against ${where}, below the ${MIN_TEXT_CONTRAST}:1 that WCAG AA asks of text (links and badges are drawn in it)`,
        params: {
          hint: `Choose a ${scheme === 'light' ? 'darker' : 'lighter'} shade with at least ${MIN_TEXT_CONTRAST}:1 against ${backgrounds.page} and ${backgrounds.panel}, such as the default \`${DEFAULT_ACCENT[scheme]}\`.`,
        },
      });
    });
}

/** The colour of links, badges and progress bars, per colour scheme; each default applies where none is given. */
export const accentSchema = z.strictObject({
  /** For light mode, `#rrggbb`; at least 4.5:1 against white and `#f4f6f8`; default `#1f5fbf`. */
  light: accentColourSchema('light').optional(),
  /** For dark mode, `#rrggbb`; at least 4.5:1 against `#14171b` and `#1d2228`; default `#7fb0ff`. */
  dark: accentColourSchema('dark').optional(),
});

/** A link in the footer of every page. */
export const footerLinkSchema = z.strictObject({
  /** The link's text. */
  label: textSchema,
  /** Where it leads: an `https://` or `http://` address. */
  href: webUrlSchema,
});

export const languageSchema = z.enum(LANGUAGES);

/** The editors' version of the accent check's form (the contrast check is code). */
export const ACCENT_COLOUR_JSON_PATTERN = HEX_COLOUR_PATTERN.source;

export type LogoData = z.output<typeof logoSchema>;
export type AccentData = z.output<typeof accentSchema>;
export type FooterLinkData = z.output<typeof footerLinkSchema>;
