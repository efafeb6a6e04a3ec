import type { CheckIn, KeyResult } from '../lib/model/handbook.js';
import { getSiteModel, type SiteModel } from './handbook.js';
import { compareText } from './order.js';

/** The latest check-in that recorded a value, if any. */
export function latestValueCheckIn(keyResult: KeyResult): CheckIn | undefined {
  return [...keyResult.checkIns].reverse().find((checkIn) => checkIn.value !== undefined);
}

/**
 * The validation warnings that concern a key result: reported in its file,
 * naming its id in backticks. Diagnostics carry a file and a message, not a
 * model object, so this is how the site ties the two together.
 */
export function warningsFor(keyResult: KeyResult, warnings: SiteModel['warnings'] = getSiteModel().warnings): SiteModel['warnings'] {
  const needle = `\`${keyResult.id}\``;
  return warnings
    .filter((warning) => warning.file === keyResult.source.file && warning.message.includes(needle))
    .sort((a, b) => a.line - b.line || compareText(a.rule, b.rule) || compareText(a.message, b.message));
}
