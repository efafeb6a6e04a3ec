import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { okrHandbookCacheFolder } from '../lib/cache-folder.js';
import { checkHandbook, type CheckResult } from '../lib/check-handbook.js';
import { formatPretty } from '../lib/format/format-pretty.js';
import { deriveLedgers } from '../lib/history/derive-ledger.js';
import { readOwnershipHistory, type OwnershipHistory } from '../lib/history/read-ownership-history.js';
import { hasSiteModel, setSiteModel } from '../site/handbook.js';
import { glossaryMdxPlugin, invalidateGlossaryMdx } from './glossary-mdx.js';
import { serveSiteFiles } from './serve-site-files.js';
import { watchGitHead } from './watch-git-head.js';

/** How long to wait after a file event before validating, so a save that touches several files validates once. */
const SETTLE_MS = 120;

/** Longer than Astro's 200 ms delay before it sends an error page's overlay, plus the time to render it. */
const LATE_OVERLAY_MS = 500;

/** A path no file or module has; see where it is used. */
const MODEL_CHANGED = '.okr-handbook-model-changed';

/**
 * Loads the validated model for `astro dev` (and Astro runs started without
 * `npm run build`, which validates before Astro starts and hands the model
 * over itself). In dev it also re-validates whenever a content file changes:
 * problems go to the terminal and, through the validation middleware, to the
 * browser's error overlay; the open page reloads without a server restart.
 */
export function okrHandbook(options: { contentDir: string }): AstroIntegration {
  const contentDir = path.resolve(options.contentDir);
  let base = '/';
  // Read from git once, and again only when a commit lands; an edit only re-derives the ledgers from it.
  let history: Promise<OwnershipHistory> | undefined;
  let latest: CheckResult | undefined;

  async function validate(): Promise<CheckResult> {
    const result = await checkHandbook({ contentDir });
    latest = result;
    publish(result);
    return result;
  }

  function publish(result: CheckResult): void {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    history ??= readOwnershipHistory(contentDir, { cacheDir: okrHandbookCacheFolder() });
    const ownership = history.then((read) => deriveLedgers(read, result.handbook));
    setSiteModel({ handbook: result.handbook, contentDir, base, warnings: result.diagnostics, errors, errorTexts: result.texts, siteFiles: result.siteFiles, ownership });
  }

  return {
    name: 'okr-handbook',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, addMiddleware, updateConfig }) => {
        base = config.base;
        updateConfig({ vite: { plugins: [glossaryMdxPlugin()] } });
        // `npm run build` indexes each page for search as it is rendered (see build-site.ts).
        if (command === 'build') addMiddleware({ entrypoint: new URL('./index-pages.ts', import.meta.url), order: 'post' });
        // `npm run build` validated already and handed the model over.
        if (command !== 'dev' && hasSiteModel()) return;
        const result = await validate();
        report(result, logger, false, { quietWhenClean: true });
        if (command === 'dev') {
          addMiddleware({ entrypoint: new URL('./validation-overlay.ts', import.meta.url), order: 'pre' });
          const read = await history;
          if (read && !read.available) logger.info(read.notice);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        server.watcher.add(contentDir);
        server.middlewares.use(serveSiteFiles(() => base));
        let timer: NodeJS.Timeout | undefined;
        let running: Promise<void> = Promise.resolve();
        const onEvent = (file: string) => {
          if (file !== contentDir && !file.startsWith(contentDir + path.sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            // One validation at a time, in the order the edits came.
            running = running.then(async () => {
              const result = await validate().catch((error: unknown) => {
                logger.error(`Could not validate ${contentDir}: ${error instanceof Error ? error.message : String(error)}`);
                return undefined;
              });
              if (!result) return;
              invalidateGlossaryMdx(server);
              report(result, logger, color, { quietWhenClean: false });
              // Astro forgets the pages' getStaticPaths() results on every file
              // event, but a request made while we validated may have cached
              // them from the old model: an event for a path no module uses
              // makes it forget them again, now that the model is new.
              server.watcher.emit('change', path.join(contentDir, '..', MODEL_CHANGED));
              // Astro sends each error page's overlay to every open page 200 ms
              // after answering. Once the handbook is valid again, reload only
              // after those have arrived, or one lands on the repaired page.
              const wait = result.summary.errors === 0 ? LATE_OVERLAY_MS : 0;
              setTimeout(() => server.hot.send({ type: 'full-reload', path: '*' }), wait);
            });
          }, SETTLE_MS);
        };
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onEvent);
        // A commit changes the ownership history: read it again, and reload the open page.
        const stopWatchingGit = watchGitHead(contentDir, () => {
          history = readOwnershipHistory(contentDir, { cacheDir: okrHandbookCacheFolder() });
          if (latest) publish(latest);
          void history.then(() => server.hot.send({ type: 'full-reload', path: '*' }));
        });
        server.httpServer?.once('close', () => void stopWatchingGit.then((stop) => stop()));
      },
    },
  };

  function report(result: CheckResult, logger: AstroIntegrationLogger, color: boolean, { quietWhenClean }: { quietWhenClean: boolean }): void {
    const text = formatPretty(result.diagnostics, result.summary, { color, texts: result.texts, folder: path.relative(process.cwd(), contentDir) });
    if (result.summary.errors > 0) logger.error(`\n${text}`);
    else if (result.summary.warnings > 0) logger.warn(`\n${text}`);
    else if (!quietWhenClean) logger.info(text.trim());
  }
}
