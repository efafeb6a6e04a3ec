import type { z } from 'zod';
import type { Declarations } from '../load/declare-entities.js';
import type { Handbook } from '../model/handbook.js';
import type { OwnerVerdict } from '../model/judge-owner.js';
import type { KnownIds, UnresolvedReference } from '../model/resolve-handbook.js';
import type { Problem, Severity } from '../problem.js';
import type { MdxImport } from './mdx-import.js';

/** Everything a rule may look at. Rules never read files. */
export interface RuleContext {
  handbook: Handbook;
  /** Every entity as declared, including those too broken to enter the model. */
  declarations: Declarations;
  known: KnownIds;
  /** What an ownership field's value amounts to. */
  judgeOwner: (value: unknown) => OwnerVerdict;
  unresolved: readonly UnresolvedReference[];
  /** False when `asOf` is set but invalid, or a syntax error in handbook.yaml hides it; rules that measure time from it skip. */
  asOfTrusted: boolean;
  /** Problems found while reading files and resolving references, tagged with their rule. */
  loadProblems: readonly Problem[];
  /** @mdx-js/mdx's compiler, loaded only when the handbook has MDX files (it takes a while to load). */
  compileMdx?: (body: string) => unknown;
  /** The modules an MDX body names in its imports, loaded with `compileMdx`. */
  mdxImports?: (body: string) => readonly MdxImport[];
}

export interface Rule<Options extends object = object> {
  /** Permanent id, used in `handbook.yaml` and in every diagnostic. */
  id: string;
  defaultSeverity: Severity;
  /** The glossary term that explains why the rule exists. */
  term?: string;
  /** What the rule reports, in one line (the rule table in docs/authoring.md). */
  description: string;
  /** Options with their defaults; parsing `{}` gives the defaults. */
  options: z.ZodType<Options, object>;
  check(context: RuleContext, options: Options): Problem[];
}

/** Keeps each rule's option type while the registry holds them together. */
export function defineRule<Options extends object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** The check of a rule whose problems are found while reading files. */
export function reportedWhileLoading(id: string): (context: RuleContext) => Problem[] {
  return (context) => context.loadProblems.filter((problem) => problem.rule === id);
}
