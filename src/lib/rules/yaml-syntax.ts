import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'front matter that is not valid YAML, or is never closed',
  options: noOptions,
  check: reportedWhileLoading('yaml-syntax'),
});
