import { isScalar, isSeq } from 'yaml';
import { parseYamlDocument, readFrontMatter } from '../load/front-matter.js';
import { ScaffoldError } from './inputs.js';
import { commentOn, flowAt, YAML_OUTPUT } from './yaml-file.js';

export interface Insertion {
  text: string;
  /** Whether lines other than the new key result changed (the `yaml` package rewrote them). */
  reformatted: boolean;
}

/**
 * Appends a key result to the `keyResults` of an objective file through the
 * `yaml` package's document model, so the author's comments, quoting and
 * flow mappings stay; the body is not touched at all.
 */
export function insertKeyResult(text: string, file: string, keyResult: Record<string, unknown>, acceptedComment?: string): Insertion {
  const frontMatter = readFrontMatter(text.replace(/^\uFEFF/, ''));
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const start = bom + frontMatter.yamlOffset;
  const original = frontMatter.yaml;
  if (!frontMatter.present || frontMatter.problem || text.slice(start, start + original.length) !== original) {
    throw new ScaffoldError(`The front matter of ${file} cannot be read; fix it first (\`npm run check\` says how).`);
  }
  const crlf = original.includes('\r\n');
  // With CRLF, the block ends with the `\r` of the line before the closing `---`.
  const trailingReturn = crlf && original.endsWith('\r') ? '\r' : '';
  const unix = crlf ? original.replace(/\r\n/g, '\n') : original;
  const yaml = trailingReturn ? unix.slice(0, -1) : unix;
  // The block starts with the rest of the `---` line; the document has no such line, and ends with one.
  const lead = yaml.startsWith('\n') ? '\n' : '';
  const closed = !yaml.endsWith('\n');
  const before = `${yaml.slice(lead.length)}${closed ? '\n' : ''}`;

  const document = parseYamlDocument(before);
  let list = document.get('keyResults', true);
  if (list === undefined || (isScalar(list) && list.value === null)) {
    document.set('keyResults', document.createNode([]));
    list = document.get('keyResults', true);
  }
  if (!isSeq(list)) throw new ScaffoldError(`\`keyResults\` in ${file} is not a list; fix it first.`);
  if (list.flow && list.items.length === 0) list.flow = false; // `keyResults: []` becomes a block list
  list.add(document.createNode(keyResult));
  const path = ['keyResults', list.items.length - 1];
  if (keyResult.accepted === null && acceptedComment) commentOn(document, [...path, 'accepted'], acceptedComment);
  if (keyResult.metric) flowAt(document, [...path, 'metric']);
  const after = document.toString(YAML_OUTPUT);

  const reformatted = !isInsertion(before, after);
  let yamlAfter = `${lead}${closed ? after.slice(0, -1) : after}`;
  if (crlf) yamlAfter = `${yamlAfter.replace(/\n/g, '\r\n')}${trailingReturn}`;
  return { text: text.slice(0, start) + yamlAfter + text.slice(start + original.length), reformatted };
}

/** Whether `after` is `before` with one piece of text inserted and nothing else changed. */
function isInsertion(before: string, after: string): boolean {
  if (after.length < before.length) return false;
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return prefix + suffix === before.length;
}
