import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const frontMatterLanguage = defineRule({
  id: 'front-matter-language',
  defaultSeverity: 'error',
  description: 'front matter in a language other than YAML (it is never evaluated)',
  options: noOptions,
  check: reportedWhileLoading('front-matter-language'),
});
