/**
 * The site's own colours that an accent colour is shown on, per colour
 * scheme: the page background and the cards' panel. They are the `--bg` and
 * `--panel` of src/styles/global.css (a test keeps the two in step).
 */
export const SITE_BACKGROUNDS = {
  light: { page: '#ffffff', panel: '#f4f6f8' },
  dark: { page: '#14171b', panel: '#1d2228' },
} as const;

/** The accent colours the site uses when `handbook.yaml` sets none. */
export const DEFAULT_ACCENT = { light: '#1f5fbf', dark: '#7fb0ff' } as const;

export type ColourScheme = keyof typeof SITE_BACKGROUNDS;
