import matter from 'gray-matter';
import { isMap, isPair, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { quoteName } from '../schema/describe-value.js';
import type { FrontMatterSplit } from './read-texts.js';
import { explainYamlError } from './explain-yaml-error.js';
import { aliasExpansion, aliasProblems, MAX_ALIAS_EXPANSION } from './yaml-aliases.js';
import { parseFast } from './yaml-fast-path.mjs';

/** How far an alias may expand before the file is refused (a "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;

export interface FrontMatter {
  /** The front matter as plain data; `undefined` when it could not be read. */
  data: unknown;
  /** Whether the file had a front-matter block at all. */
  present: boolean;
  /** The Markdown body after the closing `---`. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** The YAML text between the delimiters, as given to the parser. */
  yaml: string;
  /** Offset of `yaml` in the file text (after any BOM). */
  yamlOffset: number;
  /** A problem reading the block, if any: never more than one per file. */
  problem?: FrontMatterProblem;
  /** Tags other than YAML's core ones (`!foo`, `!!js/function`): reported, while the rest of the block is read. */
  tagProblems?: FrontMatterProblem[];
}

export interface FrontMatterProblem {
  rule: 'yaml-syntax' | 'front-matter-language';
  /** Offset in the file text. */
  offset: number;
  message: string;
  hint: string;
}

function refuseEngine(): never {
  throw new Error('front matter in this language is never evaluated');
}

/**
 * gray-matter evaluates `---js` front matter with `eval` unless its engines
 * are replaced, whatever `language` says. These engines evaluate nothing:
 * YAML is only captured (we parse it ourselves, with positions), every other
 * language throws. Passing an options object also keeps gray-matter's
 * global cache, which returns shared objects, out of the way.
 */
const SAFE_OPTIONS = {
  engines: {
    yaml: { parse: () => ({}), stringify: refuseEngine },
    javascript: { parse: refuseEngine, stringify: refuseEngine },
    json: { parse: refuseEngine, stringify: refuseEngine },
  },
};

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/**
 * Reads a file's front matter. `split` is gray-matter's split of the same
 * text when the reading thread made it already (see read-texts.ts).
 */
export function readFrontMatter(text: string, split?: FrontMatterSplit): FrontMatter {
  if (text.startsWith('+++')) return refuseLanguage('TOML', 0, 0);
  if (text.startsWith('---\r') && !text.includes('\n')) {
    return unreadable('', 3, {
      rule: 'yaml-syntax',
      offset: 0,
      message: 'The file ends its lines with a lone carriage return (old Mac style), so its front matter cannot be read.',
      hint: 'Save the file with LF (or CRLF) line endings.',
    });
  }
  if (!text.startsWith('---') || text.charAt(3) === '-') {
    return { data: undefined, present: false, body: text, bodyLine: 1, yaml: '', yamlOffset: 0 };
  }
  // The word after the opening `---`, found as gray-matter finds it (up to the first line break).
  const lineBreak = text.search(/\r?\n/);
  const rawLanguage = text.slice(3, lineBreak === -1 ? text.length : lineBreak);
  const yamlOffset = 3 + rawLanguage.length;
  const language = rawLanguage.trim();
  if (!YAML_LANGUAGES.has(language.toLowerCase())) return refuseLanguage(`\`${language}\``, 3, yamlOffset);
  return splitYamlFrontMatter(text, yamlOffset, split);
}

/** Front matter that is there but cannot be read: one problem, no data, no body. */
function unreadable(yaml: string, yamlOffset: number, problem: FrontMatterProblem): FrontMatter {
  return { data: undefined, present: true, body: '', bodyLine: 1, yaml, yamlOffset, problem };
}

function refuseLanguage(language: string, offset: number, yamlOffset: number): FrontMatter {
  return unreadable('', yamlOffset, {
    rule: 'front-matter-language',
    offset,
    message: `Front matter is written in ${language}; only YAML is accepted, and this block was not evaluated.`,
    hint: 'Open the block with a plain `---` line and write the fields as YAML (`field: value`).',
  });
}

function splitYamlFrontMatter(text: string, yamlOffset: number, split: FrontMatterSplit | undefined): FrontMatter {
  if (text.indexOf('\n---', yamlOffset - 1) === -1) {
    return unreadable(text.slice(yamlOffset), yamlOffset, {
      rule: 'yaml-syntax',
      offset: 0,
      message: 'The front matter opened on line 1 is never closed.',
      hint: 'Add a line with just `---` after the last field.',
    });
  }

  const { yaml, body } = split ? splitAt(text, split) : splitWithGrayMatter(text);
  const bodyOffset = text.length - body.length;
  const bodyLine = countLines(text, bodyOffset);
  const parsed: YamlResult = split?.parsed ?? parseYaml(yaml);
  if ('error' in parsed) {
    return {
      data: undefined,
      present: true,
      body,
      bodyLine,
      yaml,
      yamlOffset,
      // Never before the first line of YAML: the block starts with the rest of the `---` line.
      problem: {
        rule: 'yaml-syntax',
        offset: yamlOffset + Math.max(parsed.error.offset, yaml.search(/\n|$/) + 1),
        message: parsed.error.message,
        hint: parsed.error.hint,
      },
    };
  }
  // Spelled out, not spread from a shared base: on Node 20 a spread gives every object its own hidden class.
  const frontMatter: FrontMatter = { data: parsed.data, present: true, body, bodyLine, yaml, yamlOffset };
  if (parsed.tagProblems) {
    frontMatter.tagProblems = parsed.tagProblems.map(({ offset, message, hint }) => ({ rule: 'yaml-syntax', offset: yamlOffset + offset, message, hint }));
  }
  return frontMatter;
}

function splitWithGrayMatter(text: string): { yaml: string; body: string } {
  const file = matter(text, SAFE_OPTIONS);
  return { yaml: (file as unknown as { matter: string }).matter, body: file.content };
}

function splitAt(text: string, split: FrontMatterSplit): { yaml: string; body: string } {
  return { yaml: text.slice(split.matterStart, split.matterStart + split.matterLength), body: text.slice(text.length - split.contentLength) };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A problem at `offset` in the YAML text. */
export interface YamlProblem {
  offset: number;
  message: string;
  hint: string;
}

/** `tagProblems` is there only when the text uses a tag other than YAML's core ones. */
export type YamlResult = { data: unknown; tagProblems?: YamlProblem[] } | { error: YamlProblem };

/** Parses with js-yaml when that is safe and agrees, else with `yaml`, which also explains errors. */
export function parseYaml(yaml: string): YamlResult {
  // Otherwise `yaml` gives the authoritative verdict and the error's position.
  const fast = parseFast(yaml);
  if (fast) return fast;
  try {
    return parseYamlFully(yaml);
  } catch (cause) {
    // Only pathological input gets here, such as thousands of nested brackets.
    if (!(cause instanceof RangeError)) throw cause;
    return {
      error: {
        offset: 0,
        message: 'Refused: the front matter nests values too deeply to read.',
        hint: 'Front matter needs a few levels of nesting at most; flatten the structure.',
      },
    };
  }
}

/**
 * The `yaml` package's document, with positions. Repeated keys are not
 * looked for here (the package compares each key with every earlier one,
 * which takes minutes for a mapping of 100 000 keys); `firstRepeatedKey`
 * finds them in one pass. Tags beyond the core schema's (`!!binary`,
 * `!!timestamp`, `!foo`) are left unresolved, as warnings.
 */
export function parseYamlDocument(yaml: string): Document.Parsed {
  // `logLevel: 'error'`: the package would otherwise print a process warning for collection keys.
  return parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: false, resolveKnownTags: false, prettyErrors: false, logLevel: 'error' });
}

/**
 * The offset of the first key repeated in its mapping, anywhere in the
 * document. Keys compare as the package compares them: scalars by value,
 * collections never equal.
 */
export function firstRepeatedKey(document: Document.Parsed): number | undefined {
  let first: number | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
        } else if (key.range && (first === undefined || key.range[0] < first)) {
          first = key.range[0];
          break;
        }
      }
    },
  });
  return first;
}

/** The first error of a document, counting repeated keys, which the package no longer reports itself. */
function firstError(document: Document.Parsed): { offset: number; code: string; message: string } | undefined {
  const error = document.errors[0];
  if (error?.message.includes('call stack')) throw new RangeError(error.message);
  const repeated = firstRepeatedKey(document);
  if (repeated !== undefined && (error === undefined || repeated < error.pos[0])) {
    return { offset: repeated, code: 'DUPLICATE_KEY', message: 'Map keys must be unique' };
  }
  return error && { offset: error.pos[0], code: error.code, message: error.message };
}

/** A core tag the package could not apply (`!!float abc`): the tag is known, the value does not fit it. */
const CORE_TAG = /tag:yaml\.org,2002:(?:str|int|float|bool|null|map|seq)$/;

/** Warnings the package gives for tags it does not know or that do not fit their value. */
const TAG_WARNINGS = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

/** One problem per tag the core schema does not define; the value itself is read as if untagged. */
function tagProblemsOf(document: Document.Parsed, yaml: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (const warning of document.warnings) {
    if (!TAG_WARNINGS.has(warning.code)) continue;
    const [start, end] = warning.pos;
    const tag = yaml.slice(start, end).split(/\s/, 1)[0] || yaml.slice(start, end);
    problems.push({
      offset: start,
      message:
        warning.code === 'BAD_COLLECTION_TYPE' || CORE_TAG.test(warning.message)
          ? `The YAML tag ${quoteName(tag)} does not fit the value it tags; it is not applied.`
          : `Unknown YAML tag ${quoteName(tag)}: tags other than YAML's core ones are not applied, nor evaluated.`,
      hint: `Remove ${quoteName(tag)}, or quote the whole value if the tag is part of its text.`,
    });
  }
  return problems;
}

function parseYamlFully(yaml: string): YamlResult {
  const document = parseYamlDocument(yaml);
  const error = firstError(document);
  if (error) return { error: explainYamlError(yaml, error.offset, error.code, describeYamlError(error.message)) };
  // Only a text with a `*` has aliases; the rest never pays for the walk.
  if (yaml.includes('*')) {
    const aliasProblem = aliasProblems(document)[0];
    if (aliasProblem) return { error: aliasProblem };
    if (aliasExpansion(document) > MAX_ALIAS_EXPANSION) return { error: aliasBomb(yaml) };
  }
  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const tagProblems = tagProblemsOf(document, yaml);
    return tagProblems.length > 0 ? { data, tagProblems } : { data };
  } catch {
    return { error: aliasBomb(yaml) };
  }
}

/** Aliases that would expand into too much: reported at the first one. */
function aliasBomb(yaml: string): YamlProblem {
  return {
    offset: Math.max(yaml.search(/\*[^\s*]/), 0),
    message: 'Refused: aliases (`*name`) here expand into more data than any handbook needs.',
    hint: 'Write the values out instead of repeating them through anchors and aliases.',
  };
}

/**
 * What can still be read of YAML that does not parse: the top-level fields
 * in whose text no error lies (nor a repeated key), as plain data. Fields
 * in or after a broken span that the parser could not make out are simply
 * not there; the caller must not report them as missing.
 */
export function readAroundErrors(yaml: string): Record<string, unknown> {
  try {
    return readTrustedFields(parseYamlDocument(yaml));
  } catch {
    // Only pathological input gets here (nesting too deep to walk): nothing is read.
    return {};
  }
}

function readTrustedFields(document: Document.Parsed): Record<string, unknown> {
  const contents = document.contents;
  if (!isMap(contents)) return {};
  const errors = document.errors.map((error) => error.pos[0]);
  const repeated = firstRepeatedKey(document);
  if (repeated !== undefined) errors.push(repeated);
  // A field holding an alias that cannot be read (endless, or naming no anchor) is as broken as a syntax error.
  const problems = aliasProblems(document);
  for (const problem of problems) errors.push(problem.offset);
  // Aliases that would expand into too much: nothing is read, as for nesting too deep.
  if (problems.length === 0 && aliasExpansion(document) > MAX_ALIAS_EXPANSION) return {};
  errors.sort((a, b) => a - b);
  const trusted = new Set<string>();
  const distrusted = new Set<string>();
  // Pairs come in the order of the text: one pass over them and the sorted errors.
  let next = 0;
  for (const pair of contents.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const start = pair.key.range?.[0];
    const end = (pair.value as Node | null)?.range?.[2] ?? pair.key.range?.[2];
    if (start === undefined || end === undefined) {
      distrusted.add(name);
      continue;
    }
    while (next < errors.length && errors[next]! < start) next++;
    (next < errors.length && errors[next]! <= end ? distrusted : trusted).add(name);
  }
  const data: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  const read: Record<string, unknown> = {};
  if (data === null || typeof data !== 'object') return read;
  for (const name of trusted) {
    // A field written twice, once broken, is as unknown as a broken one.
    if (distrusted.has(name) || !Object.hasOwn(data, name)) continue;
    // Defined, not assigned: a `__proto__` field stays a field, to be reported as unknown.
    Object.defineProperty(read, name, { value: (data as Record<string, unknown>)[name], enumerable: true, writable: true, configurable: true });
  }
  return read;
}

function describeYamlError(message: string): string {
  // The `yaml` package appends "at line X, column Y"; we report our own position.
  const text = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return text.endsWith('.') ? text : `${text}.`;
}
