import path from 'node:path';
import type { Settings } from '../lib/model/handbook.js';

/** Where the site serves the files `handbook.yaml` names (logo, favicon, stylesheets): `/brand/<their path>`. */
export const BRAND_FOLDER = 'brand';

export function brandPath(file: string): string {
  return `/${BRAND_FOLDER}/${file}`;
}

const ICON_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.png': 'image/png' };

/** What the layout needs of the branding settings, as site paths and CSS. */
export function brandingOf(settings: Settings) {
  const { logo, favicon, accent } = settings;
  return {
    favicon: favicon ? { path: brandPath(favicon), type: ICON_TYPES[path.extname(favicon).toLowerCase()] ?? 'image/png' } : { path: '/favicon.svg', type: 'image/svg+xml' },
    // With the name beside it the logo is decoration; in place of the name it says the name.
    logo: logo && { path: brandPath(logo.src), alt: logo.replacesTitle ? (logo.alt ?? settings.siteName) : (logo.alt ?? ''), replacesTitle: logo.replacesTitle },
    // Validated `#rrggbb` colours only, so nothing else can reach the style element.
    // `html:root` outweighs the site stylesheet's `:root`, wherever the two land in the page.
    accentCss: `html:root{--accent:${accent.light}}@media (prefers-color-scheme: dark){html:root{--accent:${accent.dark}}}`,
    stylesheets: settings.customCss.map(brandPath),
  };
}
