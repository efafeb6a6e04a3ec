import { z } from 'zod';
import { isCalendarDate } from '../dates.js';
import { ID_PATTERN } from '../ids.js';
import { isWebUrl } from './link-url.js';

/** An entity or key-result id: 1-64 characters of a-z, 0-9 and `-`. */
export const idSchema = z.string().regex(ID_PATTERN, {
  error: 'must be an id: 1-64 characters of a-z, 0-9 and `-`, starting with a letter or digit',
});

/** A calendar date written `YYYY-MM-DD`. */
export const dateSchema = z.string().refine(isCalendarDate, {
  error: 'must be a calendar date written YYYY-MM-DD',
});

/**
 * A field naming the person accountable for something (`owner`, `sponsor`,
 * `facilitator`). The schema accepts any value here: the ownership rules
 * judge it, because they explain a list, a team or a phrase better than a
 * type error would.
 */
export const personFieldSchema = z.unknown().optional();

/** Free text that must not be blank. */
export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

/**
 * A web address the site links to: `https://` or `http://` only, written
 * plainly, so no link built from it can run script (`javascript:`,
 * `data:`, `vbscript:` and any other scheme are refused).
 */
export const webUrlSchema = z.string().refine(isWebUrl, { error: 'must be a web address starting with `https://` or `http://`' });

/** The editors' version of {@link webUrlSchema}: JSON Schema patterns have no flags, so the scheme's case is spelt out. */
export const WEB_URL_PATTERN = /^[hH][tT][tT][pP][sS]?:\/\/[^\s/?#][^\s]*$/;
