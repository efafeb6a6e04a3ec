import type { KeyResult } from '../lib/model/handbook.js';
import { getSiteModel } from './handbook.js';

/**
 * The validation warnings that concern a key result: reported in its file,
 * naming its id. Diagnostics carry a file and a message, not a model
 * object, so this is how the site ties the two together.
 */
export function warningsFor(keyResult: KeyResult): { rule: string; message: string }[] {
  const needle = `\`${keyResult.id}\``;
  return getSiteModel().warnings.filter((warning) => warning.file === keyResult.source.file && warning.message.includes(needle));
}
