import type { CheckResult } from '../check-handbook.js';
import type { Declarations } from '../load/declare-entities.js';
import type { Handbook } from '../model/handbook.js';
import type { Diagnostic, Severity } from '../problem.js';
import { problemIdentity, subjectOf } from '../subject.js';

/** One side of the comparison: the handbook at one git ref. */
export interface DiffSide {
  /** The ref as the user wrote it, e.g. `main` or `HEAD`. */
  ref: string;
  /** The full commit hash it resolved to. */
  commit: string;
  /** The check of the content folder at that commit, run with `keepDeclarations`; absent when the folder did not exist there. */
  check?: CheckResult;
}

/** An ownership field's value: the text as written, and the person's name when it names one person. */
export interface PersonRef {
  id: string;
  /** `null` when the value names no person of the handbook (a team, "tbd", a typo). */
  name: string | null;
}

export interface ObjectiveSummary {
  id: string;
  title: string | null;
  cycle: string | null;
  owner: PersonRef | null;
  /** Relative to the repository root. */
  file: string;
}

export interface KeyResultSummary {
  id: string;
  title: string | null;
  objective: string;
  owner: PersonRef | null;
  file: string;
}

export interface KeyResultMove {
  id: string;
  title: string | null;
  from: string;
  to: string;
  file: string;
}

export interface OwnerChange {
  entity: 'objective' | 'keyResult';
  id: string;
  title: string | null;
  file: string;
  /** `owner`: another owner (or none); `accepted`: the same owner, another or no `accepted` date. */
  change: 'owner' | 'accepted';
  from: PersonRef | null;
  to: PersonRef | null;
  /** The `accepted` date at BASE. */
  acceptedBefore: string | null;
  /** The `accepted` date at HEAD; `null`: not accepted yet. */
  accepted: string | null;
}

export interface SponsorChange {
  objective: string;
  title: string | null;
  file: string;
  change: 'added' | 'removed' | 'changed';
  from: PersonRef | null;
  to: PersonRef | null;
}

export interface ConfidencePoint {
  confidence: number;
  /** The id of the check-in review that recorded it. */
  review: string;
  date: string;
}

export interface ConfidenceMove {
  keyResult: string;
  title: string | null;
  objective: string;
  from: ConfidencePoint | null;
  to: ConfidencePoint | null;
  /** `first`: no check-in at BASE; `cleared`: none left at HEAD. */
  direction: 'up' | 'down' | 'first' | 'cleared';
}

/** What an ordinal or milestone key result had reached at one side of the diff. */
export interface StatePoint {
  /** `fail`, `commit`, `target` or `stretch` for levels; `done` or `not done` for a milestone. */
  state: string;
  /** The id of the check-in review that recorded it. */
  review: string;
  date: string;
}

/** A level reached or a milestone done (or undone), reported like a confidence move. */
export interface StateMove {
  keyResult: string;
  title: string | null;
  objective: string;
  kind: 'ordinal' | 'milestone';
  from: StatePoint | null;
  to: StatePoint | null;
  /** `first`: nothing recorded at BASE; `cleared`: nothing left at HEAD. */
  direction: 'up' | 'down' | 'first' | 'cleared';
}

export interface IntroducedProblem {
  /** Relative to the repository root. */
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  hint: string | null;
}

export interface RefSummary {
  ref: string;
  commit: string;
  /** Whether the content folder exists at that commit (if not, the handbook is empty there). */
  contentFound: boolean;
}

/** What a change does to a handbook's objectives, key results and ownership. Every list is in a fixed order. */
export interface HandbookDiff {
  base: RefSummary;
  head: RefSummary;
  /** The content folder, relative to the repository root (`.` for the root). */
  content: string;
  objectives: { added: ObjectiveSummary[]; removed: ObjectiveSummary[] };
  keyResults: { added: KeyResultSummary[]; removed: KeyResultSummary[]; moved: KeyResultMove[] };
  ownerChanges: OwnerChange[];
  sponsorChanges: SponsorChange[];
  confidenceMoves: ConfidenceMove[];
  /** Levels reached and milestones done since BASE. */
  stateMoves: StateMove[];
  problems: { introduced: IntroducedProblem[]; fixed: number };
  /**
   * Objective files whose fields could not all be read at BASE or HEAD
   * (broken YAML, a misspelt field): what could not be read was not
   * compared, and the problems say why.
   */
  notCompared: string[];
}

/** What the diff needs of one objective, read from its declaration (so an invalid owner is still seen). */
interface ObjectiveState {
  id: string;
  file: string;
  /** False when its own fields could not be read. */
  readable: boolean;
  /** False when some key result could not be read: the list may be incomplete. */
  keyResultsKnown: boolean;
  title: string | null;
  cycle: string | null;
  owner: unknown;
  accepted: string | null;
  sponsor: unknown;
}

interface KeyResultState {
  id: string;
  objective: string;
  file: string;
  readable: boolean;
  title: string | null;
  owner: unknown;
  accepted: string | null;
}

interface Snapshot {
  objectives: Map<string, ObjectiveState>;
  keyResults: Map<string, KeyResultState>;
  names: Map<string, string>;
  /** The latest check-in of each key result that has one. */
  latest: Map<string, ConfidencePoint>;
  /** What each ordinal or milestone key result had reached, from the model. */
  states: Map<string, { kind: StateMove['kind']; point: StatePoint | null }>;
  diagnostics: readonly Diagnostic[];
}

/**
 * Compares the handbook at two refs. Everything is read from the
 * declarations rather than the resolved model, which leaves out an objective
 * whose owner is not a person: one whose owner became a team shows as an
 * owner change (and a new problem), not as removed, and its key results'
 * check-ins still count. Names come from the model's people.
 */
export function diffHandbooks(base: DiffSide, head: DiffSide, content: string): HandbookDiff {
  const prefix = content === '' || content === '.' ? '' : `${content}/`;
  const before = snapshotOf(base.check, prefix);
  const after = snapshotOf(head.check, prefix);
  const person = (snapshot: Snapshot, value: unknown): PersonRef | null => personRef(value, snapshot.names);

  const notCompared = new Set<string>();
  for (const snapshot of [before, after]) {
    for (const objective of snapshot.objectives.values()) if (!objective.readable || !objective.keyResultsKnown) notCompared.add(objective.file);
    for (const kr of snapshot.keyResults.values()) if (!kr.readable) notCompared.add(kr.file);
  }
  /** Whether the key results of `objective` on the `other` side are fully known. */
  const keyResultsKnown = (other: Snapshot, objective: string) => {
    const state = other.objectives.get(objective);
    return state === undefined || state.keyResultsKnown;
  };

  const objectives: HandbookDiff['objectives'] = { added: [], removed: [] };
  const summarizeObjective = (snapshot: Snapshot, o: ObjectiveState): ObjectiveSummary => ({
    id: o.id,
    title: o.title,
    cycle: o.cycle,
    owner: o.readable ? person(snapshot, o.owner) : null,
    file: o.file,
  });
  for (const o of sorted(after.objectives)) if (!before.objectives.has(o.id)) objectives.added.push(summarizeObjective(after, o));
  for (const o of sorted(before.objectives)) if (!after.objectives.has(o.id)) objectives.removed.push(summarizeObjective(before, o));

  const keyResults: HandbookDiff['keyResults'] = { added: [], removed: [], moved: [] };
  const summarizeKeyResult = (snapshot: Snapshot, kr: KeyResultState): KeyResultSummary => ({
    id: kr.id,
    title: kr.title,
    objective: kr.objective,
    owner: kr.readable ? person(snapshot, kr.owner) : null,
    file: kr.file,
  });
  for (const kr of sorted(after.keyResults)) {
    const old = before.keyResults.get(kr.id);
    if (!old) {
      if (keyResultsKnown(before, kr.objective)) keyResults.added.push(summarizeKeyResult(after, kr));
    } else if (old.objective !== kr.objective) {
      keyResults.moved.push({ id: kr.id, title: kr.title ?? old.title, from: old.objective, to: kr.objective, file: kr.file });
    }
  }
  for (const kr of sorted(before.keyResults)) {
    if (!after.keyResults.has(kr.id) && keyResultsKnown(after, kr.objective)) keyResults.removed.push(summarizeKeyResult(before, kr));
  }

  const ownerChanges: OwnerChange[] = [];
  const compareOwners = (entity: OwnerChange['entity'], old: ObjectiveState | KeyResultState, now: ObjectiveState | KeyResultState) => {
    if (!old.readable || !now.readable) return;
    const from = person(before, old.owner);
    const to = person(after, now.owner);
    const ownerChanged = from?.id !== to?.id;
    if (!ownerChanged && old.accepted === now.accepted) return;
    ownerChanges.push({
      entity,
      id: now.id,
      title: now.title,
      file: now.file,
      change: ownerChanged ? 'owner' : 'accepted',
      from,
      to,
      acceptedBefore: old.accepted,
      accepted: now.accepted,
    });
  };
  const sponsorChanges: SponsorChange[] = [];
  for (const now of sorted(after.objectives)) {
    const old = before.objectives.get(now.id);
    if (!old) continue;
    compareOwners('objective', old, now);
    if (!old.readable || !now.readable) continue;
    const from = person(before, old.sponsor);
    const to = person(after, now.sponsor);
    if (from?.id === to?.id) continue;
    sponsorChanges.push({ objective: now.id, title: now.title, file: now.file, change: !from ? 'added' : !to ? 'removed' : 'changed', from, to });
  }
  for (const now of sorted(after.keyResults)) {
    const old = before.keyResults.get(now.id);
    if (old) compareOwners('keyResult', old, now);
  }

  return {
    base: { ref: base.ref, commit: base.commit, contentFound: base.check !== undefined },
    head: { ref: head.ref, commit: head.commit, contentFound: head.check !== undefined },
    content: content === '' ? '.' : content,
    objectives,
    keyResults,
    ownerChanges,
    sponsorChanges,
    confidenceMoves: confidenceMoves(before, after),
    stateMoves: stateMoves(before, after),
    problems: compareProblems(before.diagnostics, after.diagnostics, prefix),
    notCompared: [...notCompared].sort(compare),
  };
}

function snapshotOf(check: CheckResult | undefined, prefix: string): Snapshot {
  const snapshot: Snapshot = {
    objectives: new Map(),
    keyResults: new Map(),
    names: new Map(),
    latest: new Map(),
    states: new Map(),
    diagnostics: check?.diagnostics ?? [],
  };
  if (!check) return snapshot;
  if (!check.declarations) throw new Error('diffHandbooks needs checks run with `keepDeclarations: true`.');
  readDeclarations(check.declarations, prefix, snapshot);
  readCheckIns(check.declarations, snapshot.latest);
  readStates(check.handbook, snapshot.states);
  for (const person of check.handbook.people) snapshot.names.set(person.id, person.name);
  return snapshot;
}

/** The first declaration of an id wins, as in the model; later ones are `duplicate-id` problems. */
function readDeclarations(declarations: Declarations, prefix: string, out: Snapshot): void {
  for (const d of declarations.objectives) {
    if (out.objectives.has(d.id)) continue;
    const file = prefix + d.file;
    out.objectives.set(d.id, {
      id: d.id,
      file,
      readable: d.data !== undefined,
      keyResultsKnown: d.keyResultIdsKnown,
      title: d.data?.title ?? null,
      cycle: d.data?.cycle ?? null,
      owner: d.data?.owner,
      accepted: d.data?.accepted ?? null,
      sponsor: d.data?.sponsor,
    });
    for (const kr of d.keyResults) {
      if (kr.id === undefined || out.keyResults.has(kr.id)) continue;
      out.keyResults.set(kr.id, {
        id: kr.id,
        objective: d.id,
        file,
        readable: kr.data !== undefined,
        title: kr.data?.title ?? null,
        owner: kr.data?.owner,
        accepted: kr.data?.accepted ?? null,
      });
    }
  }
}

/** The latest check-in per key result, in the model's order: by date, then by review id; the first review of an id wins. */
function readCheckIns(declarations: Declarations, latest: Map<string, ConfidencePoint>): void {
  const seen = new Set<string>();
  for (const d of declarations.reviews) {
    if (!d.data || seen.has(d.id)) continue;
    seen.add(d.id);
    if (d.data.kind !== 'check-in') continue;
    for (const update of d.updates) {
      if (!update.data) continue;
      const current = latest.get(update.data.kr);
      if (current && (current.date > d.data.date || (current.date === d.data.date && current.review > d.id))) continue;
      latest.set(update.data.kr, { confidence: update.data.confidence, review: d.id, date: d.data.date });
    }
  }
}

/** The level reached by each ordinal key result and whether each milestone is done, as the model derived them. */
function readStates(handbook: Handbook, states: Snapshot['states']): void {
  for (const kr of handbook.keyResults) {
    if (kr.kind === 'ordinal') {
      const checkIn = [...kr.checkIns].reverse().find((c) => c.level !== undefined);
      states.set(kr.id, { kind: 'ordinal', point: checkIn ? { state: checkIn.level!, review: checkIn.review.id, date: checkIn.date } : null });
    } else if (kr.kind === 'milestone') {
      const checkIn = kr.doneOn !== undefined ? kr.checkIns.find((c) => c.date === kr.doneOn && c.done === true) : kr.checkIns[kr.checkIns.length - 1];
      const state = kr.doneOn !== undefined ? 'done' : 'not done';
      states.set(kr.id, { kind: 'milestone', point: checkIn ? { state, review: checkIn.review.id, date: checkIn.date } : null });
    }
  }
}

const STATE_RANK: Readonly<Record<string, number>> = { fail: 0, commit: 1, target: 2, stretch: 3, 'not done': 0, done: 1 };

/** Key results on both sides whose level reached or milestone state differs (a change of kind counts as a first state). */
function stateMoves(before: Snapshot, after: Snapshot): StateMove[] {
  const moves: StateMove[] = [];
  for (const kr of sorted(after.keyResults)) {
    if (!before.keyResults.has(kr.id)) continue;
    const now = after.states.get(kr.id);
    if (!now) continue;
    const was = before.states.get(kr.id);
    const old = was?.kind === now.kind ? was.point : null;
    if (old?.state === now.point?.state) continue;
    moves.push({
      keyResult: kr.id,
      title: kr.title ?? before.keyResults.get(kr.id)!.title,
      objective: kr.objective,
      kind: now.kind,
      from: old,
      to: now.point,
      direction: !old ? 'first' : !now.point ? 'cleared' : STATE_RANK[now.point.state]! > STATE_RANK[old.state]! ? 'up' : 'down',
    });
  }
  return moves;
}

/** The value of an ownership field as text, with the person's name when it names one. */
function personRef(value: unknown, names: ReadonlyMap<string, string>): PersonRef | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  if (Array.isArray(value)) return { id: value.map((item) => String(item)).join(', '), name: null };
  const id = typeof value === 'string' ? value.trim() : JSON.stringify(value) ?? String(value);
  return { id, name: names.get(id) ?? null };
}

/** Key results on both sides whose latest check-in confidence differs. */
function confidenceMoves(before: Snapshot, after: Snapshot): ConfidenceMove[] {
  const moves: ConfidenceMove[] = [];
  for (const kr of sorted(after.keyResults)) {
    if (!before.keyResults.has(kr.id)) continue;
    const old = before.latest.get(kr.id);
    const now = after.latest.get(kr.id);
    if (old?.confidence === now?.confidence) continue;
    moves.push({
      keyResult: kr.id,
      title: kr.title ?? before.keyResults.get(kr.id)!.title,
      objective: kr.objective,
      from: old ?? null,
      to: now ?? null,
      direction: !old ? 'first' : !now ? 'cleared' : now.confidence > old.confidence ? 'up' : 'down',
    });
  }
  return moves;
}

/**
 * Problems at HEAD that BASE did not have. Matched by identity (file, rule
 * and what the problem is about, see subject.ts), never by message, whose
 * counts and lists change while the problem stays, nor by line, which
 * shifts with any edit above it; a problem that occurs more often than
 * before counts as new that many times.
 */
function compareProblems(before: readonly Diagnostic[], after: readonly Diagnostic[], prefix: string): HandbookDiff['problems'] {
  const key = (d: Diagnostic) => problemIdentity({ file: d.file, rule: d.rule, subject: d.subject ?? subjectOf.file() });
  const remaining = new Map<string, number>();
  for (const d of before) remaining.set(key(d), (remaining.get(key(d)) ?? 0) + 1);
  const introduced: IntroducedProblem[] = [];
  for (const d of after) {
    const count = remaining.get(key(d)) ?? 0;
    if (count > 0) {
      remaining.set(key(d), count - 1);
      continue;
    }
    introduced.push({ file: prefix + d.file, line: d.line, column: d.column, rule: d.rule, severity: d.severity, message: d.message, hint: d.hint ?? null });
  }
  let fixed = 0;
  for (const count of remaining.values()) fixed += count;
  return { introduced, fixed };
}

function sorted<T extends { id: string }>(map: ReadonlyMap<string, T>): T[] {
  return [...map.values()].sort((a, b) => compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
