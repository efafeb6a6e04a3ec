import { isId, slugify } from '../ids.js';
import type { Kind } from '../load/walk-content.js';
import { at, type PathSegment, type Problem } from '../problem.js';
import type { Declaration, Declarations, ObjectiveDeclaration } from '../load/declare-entities.js';
import type {
  CheckIn,
  Cycle,
  GlossaryTerm,
  Handbook,
  Initiative,
  KeyResult,
  Objective,
  Person,
  Review,
  Score,
  Settings,
  Source,
  Team,
} from './handbook.js';
import { meanProgress } from './progress.js';
import { initiativePath, keyResultPath, listItemPath, rootPath } from './shared-paths.js';
import { createOwnerJudge, type OwnerDirectory, type OwnerVerdict } from './judge-owner.js';

export type ReferenceTarget = 'cycle' | 'team' | 'person' | 'objective' | 'key result' | 'objective or key result' | 'glossary term';

/** A reference whose target is declared nowhere in the handbook (not even in a broken file). */
export interface UnresolvedReference {
  file: string;
  path: PathSegment[];
  target: ReferenceTarget;
  id: string;
}

/** Every id declared in the handbook, including those of entities whose files are broken. */
export interface KnownIds extends OwnerDirectory {
  cycles: ReadonlySet<string>;
  objectives: ReadonlySet<string>;
  keyResults: ReadonlySet<string>;
  glossary: ReadonlySet<string>;
}

export interface Resolution {
  handbook: Handbook;
  known: KnownIds;
  /** What an ownership field's value amounts to, remembered per value. */
  judgeOwner: (value: unknown) => OwnerVerdict;
  unresolved: UnresolvedReference[];
  /** Structural problems only visible across files (an objective with no key results and no children). */
  problems: Problem[];
}

/** Maps ids to the first declaration with valid data; later duplicates are the `duplicate-id` rule's. */
type Valid<D extends Declaration<unknown>> = D & { data: NonNullable<D['data']> };

function firstValid<D extends Declaration<unknown>>(declarations: readonly D[]): Map<string, Valid<D>> {
  const map = new Map<string, Valid<D>>();
  for (const declaration of declarations) {
    if (declaration.data !== undefined && !map.has(declaration.id)) map.set(declaration.id, declaration as Valid<D>);
  }
  return map;
}

/*
 * Model objects are spelled out field by field, never built as
 * `{ ...document(d), more }`: on Node 20 an object spread followed by more
 * fields gives every object its own hidden class. For tens of thousands of
 * people, objectives and reviews that cost 2-3x the memory and time to
 * build, and made every later read of their fields megamorphic.
 */

/** The fields every file-backed entity has, for the few entities built by spreading their data. */
function document(declaration: Declaration<unknown>) {
  return { id: declaration.id, source: sourceOf(declaration), body: declaration.body, bodyLine: declaration.bodyLine };
}

function sourceOf(declaration: Declaration<unknown>): Source {
  return { file: declaration.file, path: rootPath() };
}

/**
 * `refused` names files that were found but not read (MDX outside the
 * glossary): references to them are that file's problem, not theirs.
 */
export function resolveHandbook(declarations: Declarations, settings: Settings, refused: readonly { kind: Kind; id: string }[] = []): Resolution {
  const unresolved: UnresolvedReference[] = [];
  const problems: Problem[] = [];
  const known: KnownIds = {
    cycles: knownIds(declarations.cycles, 'cycles', refused),
    teams: knownIds(declarations.teams, 'teams', refused),
    people: knownIds(declarations.people, 'people', refused),
    objectives: knownIds(declarations.objectives, 'objectives', refused),
    keyResults: keyResultIds(declarations.objectives),
    glossary: knownIds(declarations.glossary, 'glossary', refused),
  };
  // When a key result's id cannot be read, a reference to it cannot be judged either.
  const keyResultIdsKnown = declarations.objectives.every((d) => d.keyResultIdsKnown);

  const judgeOwner = createOwnerJudge(known);

  /** Looks `id` up; records it as unresolved when it is declared nowhere. */
  function lookup<T>(map: Map<string, T>, knownIds: ReadonlySet<string>, target: ReferenceTarget, id: string | undefined, file: string, path: PathSegment[]): T | undefined {
    if (id === undefined) return undefined;
    const found = map.get(id);
    if (found === undefined && !knownIds.has(id) && (target !== 'key result' || keyResultIdsKnown)) unresolved.push({ file, path, target, id });
    return found;
  }
  /** The person an ownership field names, when it names exactly one existing person. */
  function ownerOf(value: unknown): Person | undefined {
    const verdict = judgeOwner(value);
    return verdict.kind === 'person' ? people.get(verdict.id) : undefined;
  }

  // Entities with no outgoing references first, then link them.
  const cycles = new Map<string, Cycle>();
  for (const [id, d] of firstValid(declarations.cycles)) {
    cycles.set(id, { ...document(d), ...d.data, objectives: [], reviews: [] });
  }
  const teams = new Map<string, Team>();
  for (const [id, d] of firstValid(declarations.teams)) {
    teams.set(id, { id: d.id, source: sourceOf(d), body: d.body, bodyLine: d.bodyLine, name: d.data.name, children: [], members: [], objectives: [] });
  }
  const people = new Map<string, Person>();
  for (const [id, d] of firstValid(declarations.people)) {
    const { name, role, email, left } = d.data;
    people.set(id, {
      id: d.id,
      source: sourceOf(d),
      body: d.body,
      bodyLine: d.bodyLine,
      name,
      role: role,
      email: email,
      left: left,
      reports: [],
      owns: { objectives: [], keyResults: [], initiatives: [] },
      sponsors: [],
      facilitates: [],
    });
  }
  const glossary = new Map<string, GlossaryTerm>();
  for (const [id, d] of firstValid(declarations.glossary)) {
    const { term, summary, synonyms = [], takeaways = [] } = d.data;
    glossary.set(id, {
      id: d.id,
      source: sourceOf(d),
      body: d.body,
      bodyLine: d.bodyLine,
      term,
      summary, synonyms, takeaways, related: [], format: d.extension === '.mdx' ? 'mdx' : 'md', rules: [] });
  }

  for (const [id, d] of firstValid(declarations.teams)) {
    const team = teams.get(id)!;
    const lead = lookup(people, known.people, 'person', d.data.lead, d.file, ['lead']);
    if (lead) team.lead = lead;
    const parent = lookup(teams, known.teams, 'team', d.data.parent, d.file, ['parent']);
    if (parent) {
      team.parent = parent;
      parent.children.push(team);
    }
  }
  for (const [id, d] of firstValid(declarations.people)) {
    const person = people.get(id)!;
    const team = lookup(teams, known.teams, 'team', d.data.team, d.file, ['team']);
    if (team) {
      person.team = team;
      team.members.push(person);
    }
    const manager = lookup(people, known.people, 'person', d.data.manager, d.file, ['manager']);
    if (manager) {
      person.manager = manager;
      manager.reports.push(person);
    }
  }
  for (const [id, d] of firstValid(declarations.glossary)) {
    (d.data.related ?? []).forEach((relatedId, index) => {
      const related = lookup(glossary, known.glossary, 'glossary term', relatedId, d.file, ['related', index]);
      if (related) glossary.get(id)!.related.push(related);
    });
  }

  // Objectives and their key results.
  const objectives = new Map<string, Objective>();
  const keyResults = new Map<string, KeyResult>();
  const objectiveDeclarations = firstValid(declarations.objectives);
  for (const [id, d] of objectiveDeclarations) {
    const cycle = lookup(cycles, known.cycles, 'cycle', d.data.cycle, d.file, ['cycle']);
    const team = lookup(teams, known.teams, 'team', d.data.team, d.file, ['team']);
    const owner = ownerOf(d.data.owner);
    const sponsor = ownerOf(d.data.sponsor);
    if (!cycle || !owner) continue; // reported by `unresolved-reference` or the ownership rules
    const objective: Objective = {
      id: d.id,
      source: sourceOf(d),
      body: d.body,
      bodyLine: d.bodyLine,
      title: d.data.title,
      cycle,
      owner,
      accepted: d.data.accepted ?? undefined,
      team: team,
      sponsor: sponsor,
      children: [],
      dependsOn: [],
      dependedOnBy: [],
      keyResults: [],
    };
    objectives.set(id, objective);
    for (const kr of d.keyResults) {
      const krOwner = ownerOf(kr.data?.owner);
      if (!kr.data || !krOwner || keyResults.has(kr.data.id)) continue;
      const keyResult: KeyResult = {
        id: kr.data.id,
        objective,
        title: kr.data.title,
        owner: krOwner,
        accepted: kr.data.accepted ?? undefined,
        kind: kr.data.metric ? 'metric' : kr.data.levels ? 'ordinal' : kr.data.milestone ? 'milestone' : undefined,
        metric: kr.data.metric,
        levels: kr.data.levels,
        initiatives: [],
        checkIns: [],
        dependedOnBy: [],
        source: { file: d.file, path: keyResultPath(kr.index) },
      };
      for (const item of kr.initiatives) {
        const initiativeOwner = ownerOf(item.data?.owner);
        if (!item.data || !initiativeOwner) continue;
        const initiative: Initiative = {
          title: item.data.title,
          owner: initiativeOwner,
          status: item.data.status,
          keyResult,
          source: { file: d.file, path: initiativePath(kr.index, item.index) },
        };
        keyResult.initiatives.push(initiative);
        initiativeOwner.owns.initiatives.push(initiative);
      }
      keyResults.set(keyResult.id, keyResult);
      objective.keyResults.push(keyResult);
      krOwner.owns.keyResults.push(keyResult);
    }
    cycle.objectives.push(objective);
    team?.objectives.push(objective);
    owner.owns.objectives.push(objective);
    sponsor?.sponsors.push(objective);
  }

  // Alignment and dependencies, now that every objective and key result exists.
  const namedAsParent = new Set<string>();
  for (const [id, d] of objectiveDeclarations) {
    if (d.data.parent !== undefined) namedAsParent.add(d.data.parent);
    const objective = objectives.get(id);
    const parent = lookup(objectives, known.objectives, 'objective', d.data.parent, d.file, ['parent']);
    if (objective && parent) {
      objective.parent = parent;
      parent.children.push(objective);
    }
    (d.data.dependsOn ?? []).forEach((targetId, index) => {
      const target = objectives.get(targetId) ?? keyResults.get(targetId);
      if (!target && !known.objectives.has(targetId) && !known.keyResults.has(targetId) && keyResultIdsKnown) {
        unresolved.push({ file: d.file, path: ['dependsOn', index], target: 'objective or key result', id: targetId });
      }
      if (objective && target) {
        objective.dependsOn.push(target);
        if ('objective' in target && !target.dependedOnBy.includes(objective)) target.dependedOnBy.push(objective);
        const targetObjective = 'objective' in target ? target.objective : target;
        if (!targetObjective.dependedOnBy.includes(objective)) targetObjective.dependedOnBy.push(objective);
      }
    });
  }
  for (const [id, d] of objectiveDeclarations) {
    if (d.keyResults.length === 0 && !namedAsParent.has(id)) problems.push(emptyObjectiveProblem(d));
  }

  // Reviews: check-ins and scores attach to their key results.
  const reviews: Review[] = [];
  for (const [, d] of firstValid(declarations.reviews)) {
    const facilitator = ownerOf(d.data.facilitator);
    const review: Review = {
      id: d.id,
      source: sourceOf(d),
      body: d.body,
      bodyLine: d.bodyLine,
      date: d.data.date,
      kind: d.data.kind,
      facilitator: facilitator,
      updates: [],
      scores: [],
      decisions: d.data.decisions ?? [],
    };
    for (const item of d.updates) {
      if (!item.data) continue;
      const keyResult = lookup(keyResults, known.keyResults, 'key result', item.data.kr, d.file, ['updates', item.index, 'kr']);
      if (!keyResult) continue;
      const { confidence, value, level, done, note } = item.data;
      const checkIn: CheckIn = {
        keyResult,
        review,
        date: review.date,
        confidence,
        value: value,
        level: level,
        done: done,
        note: note,
        source: { file: d.file, path: listItemPath('updates', item.index) },
      };
      review.updates.push(checkIn);
      keyResult.checkIns.push(checkIn);
    }
    for (const item of d.scores) {
      if (!item.data) continue;
      const keyResult = lookup(keyResults, known.keyResults, 'key result', item.data.kr, d.file, ['scores', item.index, 'kr']);
      if (!keyResult) continue;
      const score: Score = {
        keyResult,
        review,
        score: item.data.score,
        note: item.data.note,
        source: { file: d.file, path: listItemPath('scores', item.index) },
      };
      review.scores.push(score);
      if (!keyResult.score || keyResult.score.review.date <= review.date) keyResult.score = score;
    }
    const mentioned = review.updates[0]?.keyResult ?? review.scores[0]?.keyResult;
    if (mentioned) {
      review.cycle = mentioned.objective.cycle;
      review.cycle.reviews.push(review);
    }
    facilitator?.facilitates.push(review);
    reviews.push(review);
  }

  deriveFigures([...keyResults.values()], [...objectives.values()], [...cycles.values()], settings.levelProgress);
  const sortedCycles = [...cycles.values()].sort((a, b) => compare(a.start, b.start) || compare(a.id, b.id));
  reviews.sort((a, b) => compare(a.date, b.date) || compare(a.id, b.id));
  for (const cycle of sortedCycles) cycle.reviews.sort((a, b) => compare(a.date, b.date) || compare(a.id, b.id));
  const activeCycles = sortedCycles.filter((cycle) => cycle.status === 'active');

  const handbook: Handbook = {
    settings,
    cycles: sortedCycles,
    teams: sortById([...teams.values()]),
    people: sortById([...people.values()]),
    objectives: sortById([...objectives.values()]),
    keyResults: sortById([...keyResults.values()]),
    reviews,
    glossary: sortById([...glossary.values()]),
    activeCycle: activeCycles[activeCycles.length - 1],
  };
  return { handbook, known, judgeOwner, unresolved, problems };
}

/**
 * The ids of one kind. A file whose name is not a valid id is reported by
 * `schema`; its intended id (`Kim_Park.md` → `kim-park`) is still known, so
 * references to it are not reported as well.
 */
function knownIds(declarations: readonly Declaration<unknown>[], kind: Kind, refused: readonly { kind: Kind; id: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const { id } of declarations) {
    ids.add(id);
    if (!isId(id)) ids.add(slugify(id));
  }
  for (const file of refused) if (file.kind === kind) ids.add(file.id);
  return ids;
}

/** Every key-result id as written, broken key results included. Loops, not nested flatMaps: there are tens of thousands. */
function keyResultIds(objectives: readonly ObjectiveDeclaration[]): Set<string> {
  const ids = new Set<string>();
  for (const objective of objectives) for (const kr of objective.keyResults) if (kr.id) ids.add(kr.id);
  return ids;
}

/** The last defined value of `items` (without copying and reversing the list). */
function latestDefined<T, V>(items: readonly T[], valueOf: (item: T) => V | undefined): V | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const value = valueOf(items[i]!);
    if (value !== undefined) return value;
  }
  return undefined;
}

function emptyObjectiveProblem(d: ObjectiveDeclaration): Problem {
  return {
    rule: 'schema',
    file: d.file,
    anchor: at.value('keyResults'), // falls back to the mapping when the field is absent
    message: `Objective \`${d.id}\` has no key results, and no objective names it as \`parent\`.`,
    hint: 'Add at least one key result under `keyResults:`, or make it an umbrella by naming it as `parent` in the objectives that serve it.',
  };
}

function deriveFigures(keyResults: KeyResult[], objectives: Objective[], cycles: Cycle[], levelProgress: Settings['levelProgress']): void {
  for (const keyResult of keyResults) {
    keyResult.checkIns.sort((a, b) => compare(a.date, b.date) || compare(a.review.id, b.review.id));
    const latest = keyResult.checkIns[keyResult.checkIns.length - 1];
    if (latest) keyResult.latestCheckIn = latest;
    deriveState(keyResult, levelProgress);
  }
  // Children before parents, so an umbrella objective can average its children's progress.
  const progressOf = (objective: Objective, seen: Set<Objective>): number | undefined => {
    if (objective.progress !== undefined || seen.has(objective)) return objective.progress;
    seen.add(objective);
    const parts =
      objective.keyResults.length > 0
        ? objective.keyResults.map((kr) => kr.progress)
        : objective.children.map((child) => progressOf(child, seen));
    const known = parts.filter((part): part is number => part !== undefined);
    if (known.length > 0) objective.progress = known.reduce((sum, part) => sum + part, 0) / known.length;
    return objective.progress;
  };
  for (const objective of objectives) progressOf(objective, new Set());
  for (const cycle of cycles) {
    cycle.objectives.sort((a, b) => compare(a.id, b.id));
    const scores: number[] = [];
    for (const objective of cycle.objectives) for (const kr of objective.keyResults) if (kr.score) scores.push(kr.score.score);
    if (scores.length > 0) cycle.averageScore = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    const progress = meanProgress(cycle.objectives);
    if (progress !== undefined) cycle.progress = progress;
  }
}

/**
 * A key result's state and progress from the check-ins that fit its kind
 * (a `level` on a metric key result is `update-kind`'s problem, and ignored
 * here). Progress exists only where a check-in recorded a state: a key
 * result with no value yet has no progress, rather than 0 %.
 */
function deriveState(keyResult: KeyResult, levelProgress: Settings['levelProgress']): void {
  const checkIns = keyResult.checkIns;
  switch (keyResult.kind) {
    case 'ordinal': {
      const level = latestDefined(checkIns, (checkIn) => checkIn.level);
      if (level === undefined) return;
      keyResult.currentLevel = level;
      keyResult.progress = level === 'fail' ? 0 : levelProgress[level];
      return;
    }
    case 'milestone': {
      if (checkIns.length === 0) return;
      // Done from the first check-in that says so until one says `done: false`.
      let doneOn: string | undefined;
      for (const checkIn of checkIns) {
        if (checkIn.done === true) doneOn ??= checkIn.date;
        else if (checkIn.done === false) doneOn = undefined;
      }
      if (doneOn !== undefined) keyResult.doneOn = doneOn;
      keyResult.progress = doneOn !== undefined ? 1 : 0;
      return;
    }
    default: {
      const latestValue = latestDefined(checkIns, (checkIn) => checkIn.value);
      const metric = keyResult.metric;
      const current = latestValue ?? metric?.baseline;
      if (current !== undefined) keyResult.currentValue = current;
      if (metric && latestValue !== undefined && metric.target !== metric.baseline) {
        const progress = (latestValue - metric.baseline) / (metric.target - metric.baseline);
        keyResult.progress = Math.min(1, Math.max(0, progress));
      }
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => compare(a.id, b.id));
}
