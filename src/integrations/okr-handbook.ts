import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkHandbook } from '../lib/check-handbook.js';
import { formatPretty } from '../lib/format/format-pretty.js';
import { hasSiteModel, setSiteModel } from '../site/handbook.js';

/**
 * Loads the validated model for `astro dev` and `astro preview`-style runs
 * started without `npm run build`, which validates before Astro starts and
 * hands the model over itself.
 */
export function okrHandbook(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'okr-handbook',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        if (hasSiteModel()) return;
        const contentDir = path.resolve(options.contentDir);
        const result = await checkHandbook({ contentDir });
        if (result.diagnostics.length > 0) logger.warn(`\n${formatPretty(result.diagnostics, result.summary, { color: false })}`);
        setSiteModel({ handbook: result.handbook, contentDir, base: config.base, warnings: result.diagnostics });
      },
    },
  };
}
