import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: "front matter or `handbook.yaml` that is not valid YAML, is never closed, or uses a tag other than YAML's core ones (`!foo`, `!!js/function`)",
  options: noOptions,
  check: reportedWhileLoading('yaml-syntax'),
});
