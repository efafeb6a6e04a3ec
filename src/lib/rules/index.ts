import { acceptedFuture } from './accepted-future.js';
import { alignmentLoop } from './alignment-loop.js';
import { confidenceRange } from './confidence-range.js';
import { confidenceStale } from './confidence-stale.js';
import { dateOrder } from './date-order.js';
import { duplicateId } from './duplicate-id.js';
import { encoding } from './encoding.js';
import { fileTooLarge } from './file-too-large.js';
import { frontMatterLanguage } from './front-matter-language.js';
import { markdownNesting } from './markdown-nesting.js';
import { mdxImport } from './mdx-import.js';
import { mdxSyntax } from './mdx-syntax.js';
import { ownerAccepted } from './owner-accepted.js';
import { ownerDeparted } from './owner-departed.js';
import { ownerIndividual } from './owner-individual.js';
import { ownerLoad } from './owner-load.js';
import { ownerRequired } from './owner-required.js';
import { ownerSingle } from './owner-single.js';
import { retrospectiveMissing } from './retrospective-missing.js';
import { reviewOutOfCycle } from './review-out-of-cycle.js';
import type { Rule } from './rule.js';
import { schema } from './schema.js';
import { scoreRange } from './score-range.js';
import { strayFile } from './stray-file.js';
import { teamLoop } from './team-loop.js';
import { unresolvedReference } from './unresolved-reference.js';
import { updateKind } from './update-kind.js';
import { yamlSyntax } from './yaml-syntax.js';

export type { Rule, RuleContext } from './rule.js';

/** Every rule, in the order of the content format's table. */
export const RULES: readonly Rule<any>[] = [
  yamlSyntax,
  frontMatterLanguage,
  markdownNesting,
  mdxSyntax,
  mdxImport,
  schema,
  duplicateId,
  unresolvedReference,
  ownerRequired,
  ownerSingle,
  ownerIndividual,
  ownerAccepted,
  acceptedFuture,
  ownerDeparted,
  ownerLoad,
  confidenceRange,
  scoreRange,
  updateKind,
  confidenceStale,
  retrospectiveMissing,
  reviewOutOfCycle,
  dateOrder,
  alignmentLoop,
  teamLoop,
  strayFile,
  encoding,
  fileTooLarge,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule<any>> = new Map(RULES.map((rule) => [rule.id, rule]));
