import type { OwnershipLedgers } from '../lib/history/derive-ledger.js';
import type { Handbook } from '../lib/model/handbook.js';
import type { Diagnostic } from '../lib/problem.js';

/**
 * The validated model, handed from the build (or the dev integration) to the
 * pages. Pages only read it: no page parses a content file.
 */
const KEY = Symbol.for('okr-handbook.model');

export interface SiteModel {
  handbook: Handbook;
  /** The content folder, for rendering MDX glossary bodies. */
  contentDir: string;
  /**
   * The path the site is served under (`/` or `/okrs/`). Kept here rather
   * than read from `import.meta.env.BASE_URL`, which a stray `BASE_URL`
   * environment variable can override.
   */
  base: string;
  /** Diagnostics summary of the validation that produced the model, for the home page. */
  warnings: { file: string; line: number; rule: string; message: string; keyResult?: string; subject?: string }[];
  /** Errors found by `npm run dev`'s latest validation; the dev server shows them instead of the pages. */
  errors?: Diagnostic[];
  /** The texts that validation read of files with a diagnostic: all the error overlay may quote. */
  errorTexts?: ReadonlyMap<string, string>;
  /** The files `handbook.yaml` names for the site (logo, favicon, stylesheets), checked and read, by path in the content folder; `npm run dev` serves them. */
  siteFiles?: ReadonlyMap<string, Buffer>;
  /**
   * Who owned each objective and key result over time, from git. A promise:
   * the build reads the history while Astro starts, and the pages that show
   * it wait for it. Undefined when nothing reads the history.
   */
  ownership?: Promise<OwnershipLedgers>;
  /** Markdown bodies already rendered, by their text (`npm run build` renders them in a thread while Astro starts). */
  renderedBodies?: Map<string, string>;
}

export function setSiteModel(model: SiteModel): void {
  (globalThis as Record<symbol, unknown>)[KEY] = model;
}

export function getSiteModel(): SiteModel {
  const model = (globalThis as Record<symbol, unknown>)[KEY] as SiteModel | undefined;
  if (!model) throw new Error('The handbook model is not loaded: build the site with `npm run build` or `npm run dev`.');
  return model;
}

export function hasSiteModel(): boolean {
  return (globalThis as Record<symbol, unknown>)[KEY] !== undefined;
}
