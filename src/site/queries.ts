import type { CheckIn, KeyResult } from '../lib/model/handbook.js';
import { getSiteModel, type SiteModel } from './handbook.js';
import { compareText } from './order.js';

/** The latest check-in that recorded a value, if any. */
export function latestValueCheckIn(keyResult: KeyResult): CheckIn | undefined {
  return [...keyResult.checkIns].reverse().find((checkIn) => checkIn.value !== undefined);
}

/** The validation warnings about a key result, as the rules that found them said. */
export function warningsFor(keyResult: KeyResult, warnings: SiteModel['warnings'] = getSiteModel().warnings): SiteModel['warnings'] {
  return warnings
    .filter((warning) => warning.keyResult === keyResult.id)
    .sort((a, b) => a.line - b.line || compareText(a.rule, b.rule) || compareText(a.message, b.message));
}
