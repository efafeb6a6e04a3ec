import { z } from 'zod';
import { isId } from '../ids.js';
import { at, type PathSegment, type Problem } from '../problem.js';
import { cycleSchema, type CycleData } from '../schema/cycle.js';
import { glossaryTermSchema, type GlossaryTermData } from '../schema/glossary-term.js';
import { checkOneKind, initiativeSchema, keyResultSchema, objectiveSchema, type InitiativeData } from '../schema/objective.js';
import { personSchema, type PersonData } from '../schema/person.js';
import { STATE_FIELDS, checkInUpdateSchema, retrospectiveScoreSchema, reviewSchema, type CheckInUpdateData, type RetrospectiveScoreData } from '../schema/review.js';
import { teamSchema, type TeamData } from '../schema/team.js';
import { describeValue, showValue } from '../schema/describe-value.js';
import { validateUnit, type NumberScale } from '../schema/validate.js';

/** A retrospective score runs from 0 to 1, whatever the confidence scale. */
const SCORE_SCALE: NumberScale = { min: 0, max: 1 };
import { describePathCapitalized } from '../schema/describe-path.js';
import { subjectOf } from '../subject.js';
import type { SourceFile } from './read-source.js';
import type { Kind } from './walk-content.js';

/*
 * Lists nested inside a file are validated item by item, so these unit
 * schemas replace each list with `unknown` and the items are checked on
 * their own.
 */
const objectiveUnitSchema = objectiveSchema.extend({ keyResults: z.unknown().optional() });
// zod cannot `.extend` a refined object: the unit schema is rebuilt from the shape and refined again.
const keyResultUnitSchema = z.strictObject({ ...keyResultSchema.shape, initiatives: z.unknown().optional() }).superRefine(checkOneKind);
const reviewUnitSchema = reviewSchema.extend({ updates: z.unknown().optional(), scores: z.unknown().optional() });

export type ObjectiveFields = Omit<z.output<typeof objectiveUnitSchema>, 'keyResults'>;
export type KeyResultFields = Omit<z.output<typeof keyResultUnitSchema>, 'initiatives'>;
export type ReviewFields = Omit<z.output<typeof reviewUnitSchema>, 'updates' | 'scores'>;

/** One entity as its file declares it: `data` is set only when its own fields are valid. */
export interface Declaration<T> {
  kind: Kind;
  id: string;
  file: string;
  data?: T;
  body: string;
  bodyLine: number;
  extension: '.md' | '.mdx';
}

export interface Item<T> {
  index: number;
  data?: T;
}

/** A check-in update or score: the key result it names is kept even when the item is broken. */
export interface MentionItem<T> extends Item<T> {
  kr?: string;
}

export interface KeyResultDeclaration extends Item<KeyResultFields> {
  /** The id as written, even when other fields are broken (it still counts as declared). */
  id?: string;
  initiatives: Item<InitiativeData>[];
}

export interface ObjectiveDeclaration extends Declaration<ObjectiveFields> {
  keyResults: KeyResultDeclaration[];
  /** Whether every key result's id could be read; if not, references to key results cannot be judged. */
  keyResultIdsKnown: boolean;
}

export interface ReviewDeclaration extends Declaration<ReviewFields> {
  updates: MentionItem<CheckInUpdateData>[];
  scores: MentionItem<RetrospectiveScoreData>[];
  /** Key results named in the text of a file whose front matter could not be read. */
  unreadableMentions: string[];
  /** Whether the list its kind requires (`updates` or `scores`) is missing. */
  listMissing: boolean;
  /** The date found in the text of a review whose fields are broken. */
  unreadableDate?: string;
}

/*
 * When a review's front matter cannot be parsed, the key results it names
 * and its date are still recovered from its text, so those key results are
 * not also reported as never checked in: the broken file is the one problem.
 */
const MENTIONED_KEY_RESULT = /^[ \t]*(?:-[ \t]+)?kr:[ \t]*["']?([a-z0-9][a-z0-9-]{0,63})["']?[ \t]*\r?$/gm;
const REVIEW_DATE = /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})["']?[ \t]*\r?$/m;

function recoverIds(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** A field that must name one person, judged by the ownership rules. */
export interface OwnerSlot {
  file: string;
  path: PathSegment[];
  field: 'owner' | 'sponsor' | 'facilitator';
  /** Whether a missing value is an `owner-required` problem. */
  required: boolean;
  value: unknown;
  /** What the slot belongs to, for messages: "key result `d7-activation`". */
  subject: string;
}

export interface Declarations {
  cycles: Declaration<CycleData>[];
  teams: Declaration<TeamData>[];
  people: Declaration<PersonData>[];
  objectives: ObjectiveDeclaration[];
  reviews: ReviewDeclaration[];
  glossary: Declaration<GlossaryTermData>[];
  /** Ownership fields that do not simply name a person, for the ownership rules to judge. */
  ownerSlots: OwnerSlot[];
  problems: Problem[];
  /** The ids of every person file, known before any file is declared. */
  personIds: ReadonlySet<string>;
  /** The confidence scale of handbook.yaml, for hints on a confidence written wrongly (`80%`). */
  confidenceScale: NumberScale;
}

export function createDeclarations(personIds: ReadonlySet<string>, confidenceScale: NumberScale = { min: 0, max: 1 }): Declarations {
  return { cycles: [], teams: [], people: [], objectives: [], reviews: [], glossary: [], ownerSlots: [], problems: [], personIds, confidenceScale };
}

/**
 * A field that names an existing person needs no judging, and a valid
 * handbook has thousands of them: only the others are kept. Hot paths ask
 * `namesPerson` first, so they do not even build the slot.
 */
function namesPerson(out: Declarations, value: unknown): boolean {
  return typeof value === 'string' && out.personIds.has(value);
}

function addSlot(out: Declarations, slot: OwnerSlot): void {
  if (!namesPerson(out, slot.value)) out.ownerSlots.push(slot);
}

/** Adds one file's entities to `out`. Keeps nothing of the parsed YAML but what validated. */
export function declareSource(source: SourceFile, out: Declarations): void {
  const { frontMatter, file } = source;
  const base = {
    kind: source.kind,
    id: source.id,
    file,
    body: frontMatter.body,
    bodyLine: frontMatter.bodyLine,
    extension: source.extension,
  };
  const problems = out.problems;

  if (!isId(source.id)) {
    problems.push({
      rule: 'schema',
      file,
      anchor: at.file(),
      message: `The file name \`${source.id}\` is not a valid id.`,
      hint: 'Rename the file using 1-64 characters of a-z, 0-9 and `-`, starting with a letter or digit.',
    });
  }

  let data: unknown = frontMatter.data;
  for (const { rule, offset, message, hint } of frontMatter.tagProblems ?? []) problems.push({ rule, file, anchor: { kind: 'offset', offset }, message, hint });
  if (frontMatter.problem) {
    const { rule, offset, message, hint } = frontMatter.problem;
    problems.push({ rule, file, anchor: { kind: 'offset', offset }, message, hint });
    data = undefined;
  } else if (!frontMatter.present) {
    problems.push({
      rule: 'schema',
      file,
      anchor: at.file(),
      message: source.text.trim() === '' ? 'The file is empty.' : 'The file has no front matter.',
      hint: 'Start the file with a `---` line, the fields as YAML, and another `---` line.',
    });
    data = undefined;
  } else if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      rule: 'schema',
      file,
      anchor: data === null || data === undefined ? at.file() : at.value(),
      message: `The front matter must be a mapping of fields, not ${data === undefined ? 'empty' : describeValue(data)}.`,
      hint: 'Write one `field: value` per line between the `---` lines.',
    });
    data = undefined;
  }
  const record = data as Record<string, unknown> | undefined;

  switch (source.kind) {
    case 'cycles':
      out.cycles.push(withData(base, record && collect(validateUnit(cycleSchema, record, file), problems)));
      break;
    case 'teams':
      out.teams.push(withData(base, record && collect(validateUnit(teamSchema, record, file), problems)));
      break;
    case 'people':
      out.people.push(withData(base, record && collect(validateUnit(personSchema, record, file), problems)));
      break;
    case 'glossary':
      out.glossary.push(withData(base, record && collect(validateUnit(glossaryTermSchema, record, file), problems)));
      break;
    case 'objectives': {
      const declaration = declareObjective(base, record, out);
      if (!record) declaration.keyResultIdsKnown = false;
      out.objectives.push(declaration);
      break;
    }
    case 'reviews': {
      const declaration = declareReview(base, record, out);
      if (!record) declaration.unreadableMentions = recoverIds(source.text, MENTIONED_KEY_RESULT);
      if (!declaration.data) {
        const date = REVIEW_DATE.exec(source.text)?.[1];
        if (date !== undefined) declaration.unreadableDate = date;
      }
      out.reviews.push(declaration);
      break;
    }
  }
}

function collect<T>(result: { data?: T; problems: Problem[] }, problems: Problem[]): T | undefined {
  // One by one: spreading a file's 100 000 problems into `push` overflows the stack.
  for (const problem of result.problems) problems.push(problem);
  return result.data;
}

type Base = Omit<Declaration<never>, 'data'>;

/*
 * Declarations are spelled out field by field, not built as
 * `{ ...base, more }`: on Node 20 that spread gives every object its own
 * hidden class, which for a large handbook costs memory and time in every
 * later step that reads them.
 */
function withData<T>(base: Base, data: T | undefined): Declaration<T> {
  return { kind: base.kind, id: base.id, file: base.file, body: base.body, bodyLine: base.bodyLine, extension: base.extension, data };
}

/** The ownership fields of an objective's own mapping. */
function addObjectiveSlots(out: Declarations, file: string, fields: { owner?: unknown; sponsor?: unknown }, subject: string): void {
  addSlot(out, { file, path: ['owner'], field: 'owner', required: true, value: fields.owner, subject });
  if (fields.sponsor !== undefined) addSlot(out, { file, path: ['sponsor'], field: 'sponsor', required: false, value: fields.sponsor, subject });
}

/** An initiative's owner; `title` names it in messages when it is text. */
function addInitiativeSlot(out: Declarations, file: string, path: PathSegment[], index: number, owner: unknown, title: unknown, krSubject: string): void {
  addSlot(out, {
    file,
    path: [...path, 'owner'],
    field: 'owner',
    required: true,
    value: owner,
    subject: `initiative ${typeof title === 'string' ? `"${showValue(title)}"` : index + 1} of ${krSubject}`,
  });
}

function declareObjective(base: Base, record: Record<string, unknown> | undefined, out: Declarations): ObjectiveDeclaration {
  const declaration: ObjectiveDeclaration = {
    kind: base.kind,
    id: base.id,
    file: base.file,
    body: base.body,
    bodyLine: base.bodyLine,
    extension: base.extension,
    keyResults: [],
    keyResultIdsKnown: true,
  };
  if (!record) return declaration;
  const file = base.file;
  const subject = `objective \`${base.id}\``;
  const whole = objectiveSchema.safeParse(record);
  if (whole.success) {
    // The common case: one parse for the whole file, no unit-by-unit checks.
    const objective = whole.data;
    declaration.data = objective;
    addObjectiveSlots(out, file, objective, subject);
    (objective.keyResults ?? []).forEach((kr, index) => {
      const krSubject = `key result \`${kr.id}\``;
      if (!namesPerson(out, kr.owner)) {
        addSlot(out, { file, path: ['keyResults', index, 'owner'], field: 'owner', required: true, value: kr.owner, subject: krSubject });
      }
      declaration.keyResults.push({
        index,
        id: kr.id,
        data: kr,
        initiatives: (kr.initiatives ?? []).map((initiative, initiativeIndex) => {
          if (!namesPerson(out, initiative.owner)) {
            const path = ['keyResults', index, 'initiatives', initiativeIndex];
            addInitiativeSlot(out, file, path, initiativeIndex, initiative.owner, initiative.title, krSubject);
          }
          return { index: initiativeIndex, data: initiative };
        }),
      });
    });
    return declaration;
  }
  declaration.data = collect(validateUnit(objectiveUnitSchema, record, file), out.problems);
  addObjectiveSlots(out, file, record, subject);

  const keyResults = listAt(record, 'keyResults', file, out.problems);
  keyResults.forEach((raw, index) => {
    const path = ['keyResults', index];
    const kr: KeyResultDeclaration = { index, initiatives: [] };
    declaration.keyResults.push(kr);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      declaration.keyResultIdsKnown = false;
      out.problems.push({
        rule: 'schema',
        file,
        anchor: at.value(...path),
        message: `Each key result must be a mapping of fields, not ${describeValue(raw)}.`,
        hint: 'Write `- id: …` followed by `title`, `owner` and `accepted`, indented under it.',
      });
      return;
    }
    const item = raw as Record<string, unknown>;
    if (isId(item.id)) kr.id = item.id;
    else declaration.keyResultIdsKnown = false;
    kr.data = collect(validateUnit(keyResultUnitSchema, item, file, path), out.problems);
    const krSubject = `key result \`${kr.id ?? index + 1}\``;
    addSlot(out, { file, path: [...path, 'owner'], field: 'owner', required: true, value: item.owner, subject: krSubject });

    listAt(item, 'initiatives', file, out.problems, path).forEach((initiative, initiativeIndex) => {
      const initiativePath = [...path, 'initiatives', initiativeIndex];
      const result = validateUnit(initiativeSchema, initiative, file, initiativePath, { root: record });
      kr.initiatives.push({ index: initiativeIndex, data: collect(result, out.problems) });
      if (initiative && typeof initiative === 'object' && !Array.isArray(initiative)) {
        const { owner, title } = initiative as Record<string, unknown>;
        addInitiativeSlot(out, file, initiativePath, initiativeIndex, owner, title, krSubject);
      }
    });
  });
  return declaration;
}

function declareReview(base: Base, record: Record<string, unknown> | undefined, out: Declarations): ReviewDeclaration {
  const declaration: ReviewDeclaration = {
    kind: base.kind,
    id: base.id,
    file: base.file,
    body: base.body,
    bodyLine: base.bodyLine,
    extension: base.extension,
    updates: [],
    scores: [],
    unreadableMentions: [],
    listMissing: false,
  };
  if (!record) return declaration;
  const file = base.file;
  const subject = `review \`${base.id}\``;
  const whole = reviewSchema.safeParse(record);
  if (whole.success && whole.data.facilitator != null && (whole.data.kind === 'check-in' ? whole.data.updates : whole.data.scores)) {
    // The common case: one parse for the whole file, no item-by-item checks.
    const review = whole.data;
    declaration.data = review;
    addSlot(out, { file, path: ['facilitator'], field: 'facilitator', required: false, value: review.facilitator, subject });
    declaration.updates = (review.updates ?? []).map((data, index) => ({ index, data, kr: data.kr }));
    declaration.scores = (review.scores ?? []).map((data, index) => ({ index, data, kr: data.kr }));
    return declaration;
  }
  declaration.data = collect(validateUnit(reviewUnitSchema, record, file), out.problems);
  if (record.facilitator === undefined || record.facilitator === null) {
    out.problems.push({
      rule: 'schema',
      file,
      anchor: at.map(),
      message: 'Required field `facilitator` is missing.',
      hint: 'Add `facilitator:` with the id of the person who ran the review and made its decisions.',
    });
  } else {
    addSlot(out, { file, path: ['facilitator'], field: 'facilitator', required: false, value: record.facilitator, subject });
  }

  const listField = record.kind === 'retrospective' ? 'scores' : record.kind === 'check-in' ? 'updates' : undefined;
  const otherField = listField === 'scores' ? 'updates' : 'scores';
  if (listField && record[listField] === undefined && record[otherField] !== undefined) {
    // `updates:` in a retrospective (or `scores:` in a check-in) is one mistake, not one per item.
    out.problems.push({
      rule: 'schema',
      file,
      anchor: at.key(otherField),
      message: `A ${String(record.kind)} review records \`${listField}\`, not \`${otherField}\`.`,
      hint:
        listField === 'scores'
          ? 'Rename `updates:` to `scores:` and give each key result a `score` from 0.0 to 1.0 instead of a `confidence`.'
          : 'Rename `scores:` to `updates:` and give each key result its `confidence`; scores belong in the retrospective.',
    });
    const mentions = listAt(record, otherField, file, out.problems).map((raw, index) => ({ index, ...mentionOf(raw) }));
    declaration[listField] = mentions;
    return declaration;
  }
  if (listField && record[listField] === undefined) {
    declaration.listMissing = true;
    out.problems.push({
      rule: 'schema',
      file,
      anchor: at.map(),
      message: `A ${String(record.kind)} review needs \`${listField}\`.`,
      hint:
        listField === 'updates'
          ? 'Add `updates:` with one `- kr: <key-result id>` and its `confidence` per key result reviewed.'
          : 'Add `scores:` with one `- kr: <key-result id>` and its `score` (0.0-1.0) per key result of the cycle.',
    });
  }
  listAt(record, 'updates', file, out.problems).forEach((raw, index) => {
    const blank = blankUpdateProblem(raw, file, index);
    if (blank) {
      // Left as `new review` wrote it: one problem for the update, not one per blank field.
      out.problems.push(blank);
      declaration.updates.push({ index, ...mentionOf(raw) });
      return;
    }
    const data = collect(validateUnit(checkInUpdateSchema, raw, file, ['updates', index], { scales: { confidence: out.confidenceScale } }), out.problems);
    declaration.updates.push({ index, data, ...mentionOf(raw) });
  });
  listAt(record, 'scores', file, out.problems).forEach((raw, index) => {
    const data = collect(validateUnit(retrospectiveScoreSchema, raw, file, ['scores', index], { scales: { score: SCORE_SCALE } }), out.problems);
    declaration.scores.push({ index, data, ...mentionOf(raw) });
  });
  return declaration;
}

/**
 * A check-in update whose `confidence` is blank (`confidence:`), as `new
 * review` writes every update for the meeting to fill: reported once, as
 * not filled in, naming the blank fields (confidence, value, level, done).
 */
/** What the meeting writes in each blank state field, for the hint. */
const STATE_WORDS: Readonly<Record<(typeof STATE_FIELDS)[number], string>> = {
  value: 'the value measured',
  level: 'the level reached',
  done: 'whether it is done',
};

function blankUpdateProblem(raw: unknown, file: string, index: number): Problem | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const update = raw as Record<string, unknown>;
  if (!Object.hasOwn(update, 'confidence') || update.confidence !== null) return undefined;
  const states = STATE_FIELDS.filter((field) => Object.hasOwn(update, field) && update[field] === null);
  const blanks = ['confidence', ...states];
  const fields = blanks.map((field) => `\`${field}\``).join(' and ');
  const stateWords = states.map((field) => STATE_WORDS[field]).join(' and ');
  const where = describePathCapitalized(['updates', index], (path) => valueAtPath(raw, path.slice(2)));
  const kr = isId(update.kr) ? update.kr : undefined;
  return {
    rule: 'schema',
    file,
    anchor: at.value('updates', index, 'confidence'),
    ...(kr !== undefined && { subject: subjectOf.field(['updates', kr]) }),
    message: `${where} is not filled in: its ${fields} ${blanks.length === 1 ? 'is' : 'are'} blank.`,
    hint: `Write the confidence ${kr ? `\`${kr}\`'s owner` : 'its owner'} gives in the meeting${stateWords ? ` and ${stateWords}` : ''} (the comment shows the last ones), or remove the update if it was not discussed.`,
  };
}

function valueAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

function mentionOf(raw: unknown): { kr?: string } {
  const kr = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).kr : undefined;
  return isId(kr) ? { kr } : {};
}

/** The list at `record[field]`; anything else but absence is reported once. */
function listAt(
  record: Record<string, unknown>,
  field: string,
  file: string,
  problems: Problem[],
  prefix: PathSegment[] = [],
): unknown[] {
  const value = record[field];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  problems.push({
    rule: 'schema',
    file,
    anchor: at.value(...prefix, field),
    message: `\`${field}\` must be a list, not ${describeValue(value)}.`,
    hint: 'Write one `- item` per line, indented under the key.',
  });
  return [];
}
