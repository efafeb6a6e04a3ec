import type { SearchLanguage } from '../../lib/build/index-search.js';
import type { Language } from '../../lib/schema/branding.js';
import { uiFor } from './index.js';

/** What the search index needs of the handbook's language. */
export function searchLanguage(language: Language): SearchLanguage {
  return { language, termKind: uiFor(language).t('kind.term') };
}
