/** The pattern every entity id and key-result id follows (see the content format). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Turns free text into the nearest valid id ("Priya Shah" -> "priya-shah"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
