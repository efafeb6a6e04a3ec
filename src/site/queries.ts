import type { CheckIn, KeyResult } from '../lib/model/handbook.js';
import { getSiteModel, type SiteModel } from './handbook.js';
import { compareText } from './order.js';
import { keyResultOfSubject } from '../lib/subject.js';

/** The latest check-in that recorded a value, if any. */
export function latestValueCheckIn(keyResult: KeyResult): CheckIn | undefined {
  return [...keyResult.checkIns].reverse().find((checkIn) => checkIn.value !== undefined);
}

/**
 * The validation warnings about a key result, as the rules that found them
 * said: those whose subject is the key result (the identity the diff
 * matches problems by, see subject.ts), or that name it as the one they
 * are shown at (a person's load).
 */
export function warningsFor(keyResult: KeyResult, warnings: SiteModel['warnings'] = getSiteModel().warnings): SiteModel['warnings'] {
  return warnings
    .filter((warning) => warning.keyResult === keyResult.id || (warning.subject !== undefined && keyResultOfSubject(warning.subject) === keyResult.id))
    .sort((a, b) => a.line - b.line || compareText(a.rule, b.rule) || compareText(a.message, b.message));
}
