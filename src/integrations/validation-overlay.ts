import { defineMiddleware } from 'astro:middleware';
import { getSiteModel } from '../site/handbook.js';
import { HandbookValidationError } from './handbook-validation-error.js';

/**
 * `npm run dev` only: while the handbook has validation errors, every page
 * answers with them, so Astro shows its error overlay pointing at the
 * offending line instead of a page built from a half-valid model.
 */
export const onRequest = defineMiddleware((_context, next) => {
  const { errors = [], contentDir, errorTexts } = getSiteModel();
  if (errors.length === 0) return next();
  throw new HandbookValidationError(errors, contentDir, errorTexts);
});
