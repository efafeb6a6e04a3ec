import { promises as fs } from 'node:fs';
import { createDeclarations, declareSource, type Declarations } from './load/declare-entities.js';
import { FileLocator } from './load/locate.js';
import { readSettings } from './load/read-settings.js';
import { readSource } from './load/read-source.js';
import { readTexts } from './load/read-texts.js';
import { unreadFileProblem } from './load/unread-file-problem.js';
import { SETTINGS_FILE, walkContent, type Kind } from './load/walk-content.js';
import type { Handbook } from './model/handbook.js';
import { prepareMdxCompiler } from './load/mdx-compiler.js';
import { resolveHandbook } from './model/resolve-handbook.js';
import { findTooDeepNesting } from './rules/markdown-nesting.js';
import type { Diagnostic, Problem, Severity } from './problem.js';
import { RULES } from './rules/index.js';
import { subjectOf } from './subject.js';
import type { RuleContext } from './rules/rule.js';

export interface CheckOptions {
  /** The content folder. */
  contentDir: string;
  /** The date `asOf` defaults to when handbook.yaml sets none (default: today, UTC). */
  today?: string;
  /** Keep the declarations in the result (for the ownership diff); off by default, to free their memory. */
  keepDeclarations?: boolean;
}

export interface CheckSummary {
  /** Files read: every Markdown file of the kind folders, plus handbook.yaml. */
  files: number;
  /** Every error found, including those not shown (see `MAX_SHOWN_PER_FILE_AND_RULE`). */
  errors: number;
  /** Every warning found, including those not shown. */
  warnings: number;
}

/**
 * At most this many diagnostics of one rule in one file are shown, in every
 * format; one more diagnostic of that rule then says how many were not.
 */
export const MAX_SHOWN_PER_FILE_AND_RULE = 20;

export interface CheckResult {
  /** The resolved model; complete only when there are no errors. */
  handbook: Handbook;
  /**
   * With `keepDeclarations`: every entity as its file declares it, including
   * those the model leaves out (an objective whose owner is a team).
   */
  declarations?: Declarations;
  /**
   * Sorted by file, line, column; at most `MAX_SHOWN_PER_FILE_AND_RULE` of
   * one rule in one file, followed by one saying how many more there are.
   */
  diagnostics: Diagnostic[];
  /**
   * The text of each file that has a diagnostic, as this check read it (for
   * code frames). A file the check did not read has none: nothing else may
   * be quoted, since the path may lead anywhere by now.
   */
  texts: ReadonlyMap<string, string>;
  /** The files `handbook.yaml` names for the site that passed their checks, as read, by path in the content folder. */
  siteFiles: ReadonlyMap<string, Buffer>;
  summary: CheckSummary;
}

/** Thrown when the content folder itself cannot be used (a usage error, not a diagnostic). */
export class ContentFolderError extends Error {}

/**
 * Validates a handbook: reads every file once, builds the model, runs every
 * rule at its configured severity, and locates each problem in its file.
 */
export async function checkHandbook({ contentDir, today, keepDeclarations = false }: CheckOptions): Promise<CheckResult> {
  const stat = await fs.stat(contentDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new ContentFolderError(`The content folder \`${contentDir}\` does not exist or is not a folder.`);

  // Settings first: the files they name for the site are not stray files of the walk.
  const loaded = await readSettings(contentDir, RULES, today);
  const listing = await walkContent(contentDir, loaded.siteFiles.named);
  // One file at a time: read, parse, validate, keep what validated, and let
  // the parsed YAML go. Only the text stays, to locate problems later.
  const personIds = new Set(listing.entries.filter((entry) => entry.kind === 'people').map((entry) => entry.id));
  const declarations = createDeclarations(personIds, loaded.settings.confidence);
  const locators = new Map<string, FileLocator>();
  const readProblems: Problem[] = [];
  const unread: { kind: Kind; id: string }[] = [];
  const sizeHint = `Split it into smaller files, or raise \`maxFileSize\` in \`handbook.yaml\` (now ${loaded.maxFileSize}).`;
  const reader = readTexts(
    listing.entries.map((entry) => entry.target ?? entry.absolutePath),
    { maxSize: loaded.maxFileSize },
  );
  try {
    listing.entries.forEach((entry, index) => {
      const read = reader.read(index);
      if (read.kind === 'text' && read.problem === undefined) {
        const source = readSource(entry, read.text, reader.split(index));
        declareSource(source, declarations);
        locators.set(source.file, new FileLocator(source.text, source.frontMatter.yaml, source.frontMatter.yamlOffset));
        return;
      }
      // Not parsed: its one problem is reported, and references to its id are not.
      unread.push({ kind: entry.kind, id: entry.id });
      if (read.kind === 'text') {
        readProblems.push(unreadFileProblem(entry.file, { kind: 'encoding', problem: read.problem! }, sizeHint));
        const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
        locators.set(entry.file, new FileLocator(text, '', 0));
      } else {
        readProblems.push(unreadFileProblem(entry.file, read, sizeHint));
      }
    });
  } finally {
    reader.close();
  }
  const { handbook, known, judgeOwner, unresolved, problems: resolveProblems } = resolveHandbook(declarations, loaded.settings, [...listing.refused, ...unread]);
  for (const term of handbook.glossary) term.rules = RULES.filter((rule) => rule.term === term.id).map((rule) => rule.id);

  // Only a handbook with MDX bodies not seen before pays for loading the MDX compiler (see mdx-compiler.ts).
  // A body nested too deeply is markdown-nesting's problem, and could take the compiler down.
  const mdxBodies = declarations.glossary.filter((term) => term.extension === '.mdx' && !findTooDeepNesting(term.body)).map((term) => term.body);
  const mdx = mdxBodies.length > 0 ? await prepareMdxCompiler(mdxBodies) : undefined;
  const context: RuleContext = {
    handbook,
    declarations,
    known,
    judgeOwner,
    unresolved,
    asOfTrusted: loaded.asOfTrusted,
    loadProblems: [...listing.problems, ...readProblems, ...loaded.problems, ...declarations.problems, ...resolveProblems],
    ...(mdx && { compileMdx: mdx.compile, mdxImports: mdx.imports }),
  };
  const problems: { problem: Problem; severity: Severity }[] = [];
  for (const rule of RULES) {
    const setting = loaded.rules.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    for (const problem of runRule(() => rule.check(context, setting.options), rule.id)) problems.push({ problem, severity });
  }
  mdx?.save();

  if (loaded.text !== undefined) locators.set(SETTINGS_FILE, new FileLocator(loaded.text, loaded.text, 0));

  const found = locateProblems(problems, locators);
  let errors = 0;
  for (const diagnostic of found) if (diagnostic.severity === 'error') errors++;
  const diagnostics = capDiagnostics(found, MAX_SHOWN_PER_FILE_AND_RULE);
  const texts = new Map<string, string>();
  for (const { file } of diagnostics) {
    const text = locators.get(file)?.text;
    if (text !== undefined) texts.set(file, text);
  }
  return {
    handbook,
    siteFiles: loaded.siteFiles.passed,
    ...(keepDeclarations && { declarations }),
    diagnostics,
    texts,
    summary: { files: listing.entries.length + (loaded.text === undefined ? 0 : 1), errors, warnings: found.length - errors },
  };
}

/** A rule that throws on some input must not take the whole check down with it. */
function runRule(check: () => Problem[], id: string): Problem[] {
  try {
    return check();
  } catch (cause) {
    return [
      {
        rule: id,
        file: SETTINGS_FILE,
        anchor: { kind: 'file' },
        message: `The rule \`${id}\` failed: ${cause instanceof Error ? cause.message : String(cause)}.`,
        hint: 'This is a bug in okr-handbook; please report it with the file that triggers it. Set the rule to `off` to go on meanwhile.',
      },
    ];
  }
}

function locateProblems(problems: { problem: Problem; severity: Severity }[], locators: Map<string, FileLocator>): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const { problem, severity } of problems) {
    const position = locators.get(problem.file)?.locate(problem.anchor) ?? { line: 1, column: 1 };
    const key = `${problem.file}:${position.line}:${position.column}:${problem.rule}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({
      file: problem.file,
      line: position.line,
      column: position.column,
      rule: problem.rule,
      severity,
      message: problem.message,
      ...(problem.hint !== undefined && { hint: problem.hint }),
      ...(problem.keyResult !== undefined && { keyResult: problem.keyResult }),
      subject: subjectOfProblem(problem),
    });
  }
  return diagnostics.sort(byPosition);
}

/** What a problem says it is about, else its key result, else the field its anchor points at, else its file. */
function subjectOfProblem(problem: Problem): string {
  if (problem.subject !== undefined) return problem.subject;
  if (problem.keyResult !== undefined) return subjectOf.keyResult(problem.keyResult);
  const { anchor } = problem;
  return anchor.kind === 'value' || anchor.kind === 'key' || anchor.kind === 'map' ? subjectOf.field(anchor.path) : subjectOf.file();
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/**
 * Keeps the first `limit` diagnostics (by position) of each rule in each
 * file. For each rule and file with more, one diagnostic of the same rule
 * and severity, where the first hidden one stands, says how many were not
 * shown. `sorted` is sorted by position.
 */
export function capDiagnostics(sorted: readonly Diagnostic[], limit: number): Diagnostic[] {
  const counts = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const firstHidden = new Map<string, Diagnostic>();
  for (const diagnostic of sorted) {
    const group = `${diagnostic.rule}\u0000${diagnostic.file}`;
    const count = (counts.get(group) ?? 0) + 1;
    counts.set(group, count);
    if (count <= limit) shown.push(diagnostic);
    else if (count === limit + 1) firstHidden.set(group, diagnostic);
  }
  if (firstHidden.size === 0) return shown;
  for (const [group, first] of firstHidden) {
    const hidden = counts.get(group)! - limit;
    shown.push({
      file: first.file,
      line: first.line,
      column: first.column,
      rule: first.rule,
      severity: first.severity,
      subject: subjectOf.file(),
      message: `${hidden} more \`${first.rule}\` ${hidden === 1 ? 'problem' : 'problems'} in this file, from this line on, ${hidden === 1 ? 'is' : 'are'} not shown: at most ${limit} of each rule per file are.`,
      hint: `Fix the ${limit} shown above and check again to see the rest.`,
    });
  }
  // Stable: a note sorts after the diagnostics shown at the same position.
  return shown.sort(byPosition);
}
