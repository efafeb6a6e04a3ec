import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const strayFile = defineRule({
  id: 'stray-file',
  defaultSeverity: 'warn',
  description: 'a file in a kind folder that is not Markdown, a link leaving the content folder, or anything that is not a regular file (a pipe, a device); it is never opened',
  options: noOptions,
  check: reportedWhileLoading('stray-file'),
});
