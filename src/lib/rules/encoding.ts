import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const encoding = defineRule({
  id: 'encoding',
  defaultSeverity: 'error',
  description: 'a file that is not UTF-8 text, or that holds a NUL byte (it is not parsed)',
  options: noOptions,
  check: reportedWhileLoading('encoding'),
});
