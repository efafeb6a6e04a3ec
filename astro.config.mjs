// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { okrHandbook } from './src/integrations/okr-handbook.ts';

// `npm run build` sets these; `astro dev` falls back to the demo handbook.
const contentDir = process.env.OKR_HANDBOOK_CONTENT ?? 'content';
const base = process.env.OKR_HANDBOOK_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  // Several pages in flight at once: while one waits for its file to be written, the next renders
  // (one at a time, about a third of the page phase was spent waiting on the disk).
  build: { format: 'directory', concurrency: 8 },
  // An internal site works on a closed network: no telemetry, fonts or remote images.
  integrations: [okrHandbook({ contentDir }), mdx()],
  devToolbar: { enabled: false },
  prefetch: false,
});
