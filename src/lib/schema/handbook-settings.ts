import { z } from 'zod';
import { accentSchema, footerLinkSchema, languageSchema, logoSchema, siteFileSchema } from './branding.js';
import { dateSchema, textSchema, webUrlSchema } from './fields.js';

/**
 * How far from 0 either end of the confidence scale may lie. Confidence is
 * a judgement (0-1, 1-5, 0-10, 0-100); the limit keeps every scale's width
 * a number the charts can divide by (`-1e308` to `1e308` is not: its width
 * is infinite).
 */
export const CONFIDENCE_LIMIT = 1_000_000;

const confidenceEndSchema = z
  .number()
  .min(-CONFIDENCE_LIMIT, { error: `must be at least -${CONFIDENCE_LIMIT}` })
  .max(CONFIDENCE_LIMIT, { error: `must be at most ${CONFIDENCE_LIMIT}` });

/** The confidence scale of check-ins. */
export const confidenceScaleSchema = z
  .strictObject({
    /** Lowest confidence (no chance), from -1000000 to 1000000. */
    min: confidenceEndSchema,
    /** Highest confidence (certain), from -1000000 to 1000000. */
    max: confidenceEndSchema,
  })
  .refine((scale) => scale.min < scale.max, {
    error: 'must have `min` below `max`',
    params: { hint: 'Write the lowest confidence as `min` and the highest as `max`, e.g. `{ min: 0, max: 1 }`.' },
  });

const levelShareSchema = z.number().min(0, { error: 'must be at least 0' }).max(1, { error: 'must be at most 1' });

/** The progress each level of an ordinal key result counts as; `fail` is always 0. */
export const levelProgressSchema = z
  .strictObject({
    /** Progress at the commit level, from 0 to 1 (default 0.3). */
    commit: levelShareSchema,
    /** Progress at the target level, from 0 to 1 (default 0.7: reaching target reads as the usual "0.7 is success"). */
    target: levelShareSchema,
    /** Progress at the stretch level, from 0 to 1 (default 1). */
    stretch: levelShareSchema,
  })
  .refine((levels) => levels.commit < levels.target && levels.target < levels.stretch, {
    error: 'must rise from `commit` to `target` to `stretch`',
    params: { hint: 'Give each level more progress than the one below it, e.g. `{ commit: 0.3, target: 0.7, stretch: 1 }`.' },
  });

/** The default of `levelProgress`. */
export const DEFAULT_LEVEL_PROGRESS = { commit: 0.3, target: 0.7, stretch: 1 } as const;

/** A rule's setting: a severity, or a severity and options, as in ESLint. */
export const ruleSettingSchema = z.union([
  z.enum(['error', 'warn', 'off']),
  z.tuple([z.enum(['error', 'warn', 'off']), z.record(z.string(), z.unknown())]),
]);

/** The highest `maxFileSize` allowed, so that no setting lets one file fill the memory. */
export const MAX_FILE_SIZE_CEILING = 64 * 1024 * 1024;

/** `handbook.yaml`: settings for the site and the rules. */
export const handbookSettingsSchema = z.strictObject({
  /** The site's title. */
  title: textSchema,
  /** The organisation the handbook belongs to. */
  organization: textSchema,
  /** Base URL of the content folder's edit pages, `https://` or `http://`; a file's path is appended. */
  editUrl: webUrlSchema.optional(),
  /** The date time-based rules measure from; default: today (UTC). */
  asOf: dateSchema.optional(),
  /** The check-in confidence scale; default 0 to 1. */
  confidence: confidenceScaleSchema.optional(),
  /** The progress (0-1) each level of an ordinal key result counts as; default `{ commit: 0.3, target: 0.7, stretch: 1 }`. */
  levelProgress: levelProgressSchema.optional(),
  /** Largest file, in bytes, that is read (default 1048576, 1 MiB); a larger one is reported by `file-too-large`. */
  maxFileSize: z
    .number()
    .int()
    .min(1)
    .max(MAX_FILE_SIZE_CEILING, { error: `must be at most ${MAX_FILE_SIZE_CEILING} bytes (64 MiB)` })
    .optional(),
  /** The language of the site's labels, dates and numbers, and of search: `en` (default) or `de`. Validation messages stay English. */
  language: languageSchema.optional(),
  /** The name in the header, beside the logo; default: `title`. */
  siteName: textSchema.optional(),
  /** The logo in the header: `{ src: branding/logo.svg, alt: …, replacesTitle: false }`. */
  logo: logoSchema.optional(),
  /** The browser tab's icon, a file in the content folder: SVG, ICO or PNG; default: the okr-handbook icon. */
  favicon: siteFileSchema.optional(),
  /** The accent colour of links and badges, `{ light: '#1f5fbf', dark: '#7fb0ff' }`. */
  accent: accentSchema.optional(),
  /** Links in the footer of every page, each `{ label, href }`. */
  footerLinks: z.array(footerLinkSchema).optional(),
  /** Stylesheets in the content folder added after the site's own, in order: an escape hatch, not a stable interface. */
  customCss: z.array(siteFileSchema).optional(),
  /** Severity (`error`, `warn`, `off`) and options per rule id. */
  rules: z.record(z.string(), z.unknown()).optional(),
});

export type LevelProgressData = z.output<typeof levelProgressSchema>;
export type HandbookSettingsInput = z.input<typeof handbookSettingsSchema>;
export type HandbookSettingsData = z.output<typeof handbookSettingsSchema>;
