import { z } from 'zod';
import { dateSchema, textSchema, webUrlSchema } from './fields.js';

/** The confidence scale of check-ins. */
export const confidenceScaleSchema = z
  .strictObject({
    /** Lowest confidence (no chance). */
    min: z.number(),
    /** Highest confidence (certain). */
    max: z.number(),
  })
  .refine((scale) => scale.min < scale.max, { error: 'must have `min` below `max`' });

/** A rule's setting: a severity, or a severity and options, as in ESLint. */
export const ruleSettingSchema = z.union([
  z.enum(['error', 'warn', 'off']),
  z.tuple([z.enum(['error', 'warn', 'off']), z.record(z.string(), z.unknown())]),
]);

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
  /** Severity (`error`, `warn`, `off`) and options per rule id. */
  rules: z.record(z.string(), z.unknown()).optional(),
});

export type HandbookSettingsInput = z.input<typeof handbookSettingsSchema>;
export type HandbookSettingsData = z.output<typeof handbookSettingsSchema>;
