import { ID_PATTERN, slugify } from '../ids.js';
import type { Verdict } from './inputs.js';

/** The id offered for a new entity named `text`: "Lee Wong" -> `lee-wong`. */
export function proposeId(text: string): string | undefined {
  const slug = slugify(text).replace(/-+$/, '');
  return slug === '' ? undefined : slug;
}

/**
 * Judges the id of a new entity: it must follow the id pattern and not be
 * taken. `taken` maps each id in use to the file that uses it.
 */
export function judgeNewId(raw: string, what: string, taken: ReadonlyMap<string, string>): Verdict<string> {
  const id = raw.trim();
  if (!ID_PATTERN.test(id)) {
    const proposed = proposeId(id);
    return {
      error:
        `\`${id}\` is not a valid id: use 1-64 characters of a-z, 0-9 and \`-\`, starting with a letter or digit.` +
        (proposed && proposed !== id && !taken.has(proposed) ? ` Perhaps \`${proposed}\`?` : ''),
    };
  }
  const file = taken.get(id);
  if (file !== undefined) return { error: `There is already a ${what} \`${id}\` (${file}); choose another id.` };
  return { value: id };
}
