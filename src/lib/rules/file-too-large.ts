import { noOptions } from './no-options.js';
import { defineRule, reportedWhileLoading } from './rule.js';

export const fileTooLarge = defineRule({
  id: 'file-too-large',
  defaultSeverity: 'error',
  description: 'a file over the size limit (`maxFileSize` in `handbook.yaml`, default 1 MiB); it is not read',
  options: noOptions,
  check: reportedWhileLoading('file-too-large'),
});
