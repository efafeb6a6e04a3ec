import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const strayFile = defineRule({
  id: 'stray-file',
  defaultSeverity: 'warn',
  description: 'a file in a kind folder that is not Markdown, or a link leaving the content folder',
  options: noOptions,
  check: reportedWhileLoading('stray-file'),
});
