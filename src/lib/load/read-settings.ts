import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import path from 'node:path';
import { todayUtc } from '../dates.js';
import type { Settings } from '../model/handbook.js';
import { at, type Problem, type Severity } from '../problem.js';
import type { Rule } from '../rules/rule.js';
import { DEFAULT_LEVEL_PROGRESS, handbookSettingsSchema } from '../schema/handbook-settings.js';
import { DEFAULT_ACCENT } from '../schema/site-colours.js';
import { siteFileSchema } from '../schema/branding.js';
import { checkSiteFiles, type SiteFileReference } from './check-site-files.js';
import { describeValue, quoteName } from '../schema/describe-value.js';
import { validateUnit } from '../schema/validate.js';
import { didYouMean } from '../suggest.js';
import { parseYaml, readAroundErrors } from './front-matter.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from './read-regular-file.js';
import { unreadFileProblem, type Unread } from './unread-file-problem.js';
import { isWithin, SETTINGS_FILE } from './walk-content.js';

/** A rule as configured: its severity (or off) and its parsed options. */
export interface RuleSetting {
  severity: Severity | 'off';
  options: object;
}

export interface LoadedSettings {
  settings: Settings;
  /**
   * False when `asOf` is set but invalid, or cannot be read for a syntax
   * error: time-based rules would measure from the wrong day.
   */
  asOfTrusted: boolean;
  rules: Map<string, RuleSetting>;
  /** Largest content file, in bytes, that is read (`maxFileSize`). */
  maxFileSize: number;
  /**
   * The files the settings name for the site (logo, favicon, stylesheets),
   * by their path in the content folder: those that passed the checks, as
   * read, for the build to copy. `named` lists every path written, passed or
   * not, so none of them is reported as a stray file.
   */
  siteFiles: { passed: Map<string, Buffer>; named: string[] };
  /** The file's text, when it was read, for locating problems. */
  text?: string;
  problems: Problem[];
}

const FALLBACK_TITLE = 'OKR Handbook';

export async function readSettings(contentDir: string, rules: readonly Rule<any>[], today: string = todayUtc()): Promise<LoadedSettings> {
  const problems: Problem[] = [];
  const file = SETTINGS_FILE;
  const read = await readSettingsText(contentDir);
  let text: string | undefined;
  let data: Record<string, unknown> = {};
  // With a syntax error, only the fields read around it are judged: the others may be in the broken part.
  let syntaxBroken = false;
  if (read.kind === 'unread') {
    // Found but not read: its one problem says why, and nothing in it can be trusted, `asOf` included.
    problems.push(read.problem);
  } else if (read.kind === 'missing') {
    problems.push({
      rule: 'schema',
      file,
      anchor: at.file(),
      message: 'The handbook has no `handbook.yaml`.',
      hint: 'Create `handbook.yaml` in the content folder with at least `title:` and `organization:`.',
    });
  } else {
    text = read.text;
    const parsed = parseYaml(text);
    if ('error' in parsed) {
      problems.push({ rule: 'yaml-syntax', file, anchor: { kind: 'offset', offset: parsed.error.offset }, message: parsed.error.message, hint: parsed.error.hint });
      syntaxBroken = true;
      data = readAroundErrors(text);
    } else if (parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) {
      data = parsed.data as Record<string, unknown>;
    } else {
      problems.push({
        rule: 'schema',
        file,
        anchor: at.file(),
        message: `\`handbook.yaml\` must be a mapping of settings, not ${parsed.data == null ? 'empty' : describeValue(parsed.data)}.`,
        hint: 'Write one `setting: value` per line, starting with `title:` and `organization:`.',
      });
    }
    for (const { offset, message, hint } of ('tagProblems' in parsed && parsed.tagProblems) || []) {
      problems.push({ rule: 'yaml-syntax', file, anchor: { kind: 'offset', offset }, message, hint });
    }
  }

  const result = validateUnit(handbookSettingsSchema, data, file, [], { reportMissing: !syntaxBroken });
  if (text !== undefined) for (const problem of result.problems) problems.push(problem);
  // Each setting falls back on its own, so one broken setting does not reset the others.
  const valid = <K extends keyof typeof handbookSettingsSchema.shape>(key: K) => {
    const parsed = handbookSettingsSchema.shape[key].safeParse(data[key]);
    return parsed.success ? (parsed.data as z.output<(typeof handbookSettingsSchema.shape)[K]>) : undefined;
  };
  const editUrl = valid('editUrl');
  const maxFileSize = valid('maxFileSize') ?? DEFAULT_MAX_FILE_SIZE;
  const title = valid('title') ?? FALLBACK_TITLE;
  const logo = valid('logo');
  const favicon = valid('favicon');
  // Each stylesheet on its own: one badly written path does not drop the others.
  const customCss = (Array.isArray(data.customCss) ? data.customCss : [])
    .map((file: unknown, index) => ({ file, index }))
    .filter((entry): entry is { file: string; index: number } => siteFileSchema.safeParse(entry.file).success);
  const references: SiteFileReference[] = [
    ...(logo ? [{ file: logo.src, role: 'logo' as const, at: ['logo', 'src'] }] : []),
    ...(favicon !== undefined ? [{ file: favicon, role: 'favicon' as const, at: ['favicon'] }] : []),
    ...customCss.map(({ file, index }) => ({ file, role: 'customCss' as const, at: ['customCss', index] })),
  ];
  const siteFiles = await checkSiteFiles(contentDir, references, maxFileSize);
  problems.push(...siteFiles.problems);
  const passed = (file: string | undefined) => file !== undefined && siteFiles.passed.has(file);
  const settings: Settings = {
    title,
    organization: valid('organization') ?? '',
    asOf: valid('asOf') ?? today,
    confidence: valid('confidence') ?? { min: 0, max: 1 },
    levelProgress: valid('levelProgress') ?? { ...DEFAULT_LEVEL_PROGRESS },
    ...(editUrl !== undefined && { editUrl }),
    language: valid('language') ?? 'en',
    siteName: valid('siteName') ?? title,
    ...(logo && passed(logo.src) && { logo: { src: logo.src, ...(logo.alt !== undefined && { alt: logo.alt }), replacesTitle: logo.replacesTitle ?? false } }),
    ...(passed(favicon) && { favicon: favicon! }),
    accent: { ...DEFAULT_ACCENT, ...valid('accent') },
    footerLinks: valid('footerLinks') ?? [],
    customCss: customCss.map(({ file }) => file).filter(passed),
  };

  // A written `asOf` that is invalid, or that a syntax error may have hidden, is no day to measure from.
  const asOfTrusted = read.kind !== 'unread' && (data.asOf === undefined ? !syntaxBroken : valid('asOf') !== undefined);
  // A file with an encoding problem is not parsed, but what was read of it still locates that problem.
  const located = read.kind === 'unread' ? read.text : text;
  return { settings, asOfTrusted, rules: readRuleSettings(data.rules, rules, problems), maxFileSize, siteFiles: { passed: siteFiles.passed, named: namedSiteFiles(data) }, ...(located !== undefined && { text: located }), problems };
}

type SettingsText =
  | { kind: 'missing' }
  /** `text` is what was read of a file with an encoding problem, for quoting only. */
  | { kind: 'unread'; problem: Problem; text?: string }
  | { kind: 'text'; text: string };

/**
 * Reads `handbook.yaml` as content files are read: only a regular file
 * inside the content folder, after resolving links, opened safely and held
 * to the default size limit (its own `maxFileSize` is not known yet).
 */
async function readSettingsText(contentDir: string): Promise<SettingsText> {
  const file = SETTINGS_FILE;
  const absolute = path.join(contentDir, file);
  const unread = (why: Unread, text?: string): SettingsText => ({
    kind: 'unread',
    problem: unreadFileProblem(file, why, 'Shorten `handbook.yaml`: it is held to the default limit, whatever its `maxFileSize` says.'),
    ...(text !== undefined && { text }),
  });
  const stray = (message: string, hint: string): SettingsText => ({ kind: 'unread', problem: { rule: 'stray-file', file, anchor: at.file(), message, hint } });

  const link = await fs.lstat(absolute).catch(() => undefined);
  if (!link) return { kind: 'missing' };
  const [root, real] = await Promise.all([fs.realpath(contentDir), fs.realpath(absolute).catch(() => undefined)]);
  if (real === undefined) return stray(`\`${file}\` is a broken link; it was not read.`, 'Remove the link and write `handbook.yaml` in the content folder.');
  if (!isWithin(real, root)) return stray(`\`${file}\` is a link to a place outside the content folder; it was not read.`, 'Move the file into the content folder instead of linking to it.');
  const read = readTextFile(real, DEFAULT_MAX_FILE_SIZE);
  if (read.kind !== 'text') return unread(read);
  const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  return read.problem ? unread({ kind: 'encoding', problem: read.problem }, text) : { kind: 'text', text };
}

function readRuleSettings(value: unknown, rules: readonly Rule<any>[], problems: Problem[]): Map<string, RuleSetting> {
  const configured = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const settings = new Map<string, RuleSetting>();
  const problem = (path: (string | number)[], message: string, hint: string) =>
    problems.push({ rule: 'schema', file: SETTINGS_FILE, anchor: at.value('rules', ...path), message, hint });

  for (const id of Object.keys(configured)) {
    if (!rules.some((rule) => rule.id === id)) {
      problems.push({
        rule: 'schema',
        file: SETTINGS_FILE,
        anchor: at.key('rules', id),
        message: `Unknown rule ${quoteName(id)} in \`rules\`.`,
        hint: didYouMean(id, rules.map((rule) => rule.id)).trim() || `Known rules: ${rules.map((rule) => rule.id).join(', ')}.`,
      });
    }
  }
  for (const rule of rules) {
    const setting = configured[rule.id];
    let severity: RuleSetting['severity'] = rule.defaultSeverity;
    let options: unknown = {};
    if (setting !== undefined) {
      const [given, givenOptions] = Array.isArray(setting) ? [setting[0], setting[1] ?? {}] : [setting, {}];
      if (given === 'error' || given === 'warn' || given === 'off') severity = given;
      else problem([rule.id], `\`rules.${rule.id}\` must be \`error\`, \`warn\` or \`off\`, not ${describeValue(given)}.`, `Write \`${rule.id}: warn\`, or \`${rule.id}: [warn, { … }]\` with options.`);
      options = givenOptions;
    }
    const parsed = rule.options.safeParse(options);
    if (parsed.success) {
      settings.set(rule.id, { severity, options: parsed.data });
    } else {
      const issue = parsed.error.issues[0]!;
      const at = Array.isArray(setting) ? [rule.id, 1, ...(issue.path as (string | number)[])] : [rule.id];
      const known = Object.keys(rule.options.safeParse({}).data ?? {});
      problem(at, `Invalid options for rule \`${rule.id}\`: ${issue.message}.`, known.length ? `\`${rule.id}\` accepts: ${known.join(', ')}.` : `\`${rule.id}\` takes no options.`);
      settings.set(rule.id, { severity, options: rule.options.parse({}) });
    }
  }
  return settings;
}

/** Every path written for the site's files, valid or not: none of them is a stray file. */
function namedSiteFiles(data: Record<string, unknown>): string[] {
  const logo = data.logo !== null && typeof data.logo === 'object' ? (data.logo as Record<string, unknown>).src : undefined;
  const css = Array.isArray(data.customCss) ? data.customCss : [];
  return [logo, data.favicon, ...css].filter((file): file is string => typeof file === 'string');
}
