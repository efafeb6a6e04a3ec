/** `okrs`, `/okrs`, `/okrs/` all mean `/okrs/`; nothing or `/` means `/`. */
export function normalizeBase(given: string | undefined): string {
  const trimmed = (given ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
