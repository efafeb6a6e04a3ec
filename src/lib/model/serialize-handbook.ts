import type { LedgerEntry, OwnershipLedgers } from '../history/derive-ledger.js';
import type { CheckIn, Cycle, GlossaryTerm, Handbook, Initiative, KeyResult, Objective, Person, Review, Score, Team } from './handbook.js';

/**
 * The validated handbook as plain data (`/handbook.json`): every reference
 * becomes the id it points to, so the result is a tree, not a graph, and
 * derived figures (progress, latest confidence, scores) are included.
 * Bodies are left out: they are the pages' job. With `ownership`, each
 * objective and key result carries its ownership history (`null` when the
 * build had no git history).
 */
export function serializeHandbook(handbook: Handbook, ownership?: OwnershipLedgers) {
  const ledgers = ownership?.available ? ownership : undefined;
  const serializeObjective = (objective: Objective) => serializeObjectiveWith(objective, ledgers);
  return {
    title: handbook.settings.title,
    organization: handbook.settings.organization,
    language: handbook.settings.language,
    asOf: handbook.settings.asOf,
    confidence: handbook.settings.confidence,
    levelProgress: handbook.settings.levelProgress,
    activeCycle: handbook.activeCycle?.id ?? null,
    cycles: handbook.cycles.map(serializeCycle),
    teams: handbook.teams.map(serializeTeam),
    people: handbook.people.map(serializePerson),
    objectives: handbook.objectives.map(serializeObjective),
    reviews: handbook.reviews.map(serializeReview),
    glossary: handbook.glossary.map(serializeTerm),
  };
}

export type SerializedHandbook = ReturnType<typeof serializeHandbook>;

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function serializeCycle(cycle: Cycle) {
  return {
    id: cycle.id,
    file: cycle.source.file,
    title: cycle.title,
    start: cycle.start,
    end: cycle.end,
    status: cycle.status,
    objectives: ids(cycle.objectives),
    reviews: ids(cycle.reviews),
    averageScore: orNull(cycle.averageScore),
    progress: orNull(cycle.progress),
  };
}

function serializeTeam(team: Team) {
  return {
    id: team.id,
    file: team.source.file,
    name: team.name,
    lead: orNull(team.lead?.id),
    parent: orNull(team.parent?.id),
    children: ids(team.children),
    members: ids(team.members),
    objectives: ids(team.objectives),
  };
}

function serializePerson(person: Person) {
  return {
    id: person.id,
    file: person.source.file,
    name: person.name,
    role: orNull(person.role),
    team: orNull(person.team?.id),
    manager: orNull(person.manager?.id),
    reports: ids(person.reports),
    email: orNull(person.email),
    left: orNull(person.left),
    owns: { objectives: ids(person.owns.objectives), keyResults: ids(person.owns.keyResults) },
    sponsors: ids(person.sponsors),
    facilitates: ids(person.facilitates),
  };
}

type Ledgers = Extract<OwnershipLedgers, { available: true }>;

function serializeObjectiveWith(objective: Objective, ledgers: Ledgers | undefined) {
  return {
    id: objective.id,
    file: objective.source.file,
    title: objective.title,
    cycle: objective.cycle.id,
    owner: objective.owner.id,
    accepted: orNull(objective.accepted),
    team: orNull(objective.team?.id),
    sponsor: orNull(objective.sponsor?.id),
    parent: orNull(objective.parent?.id),
    children: ids(objective.children),
    dependsOn: ids(objective.dependsOn),
    dependedOnBy: ids(objective.dependedOnBy),
    progress: orNull(objective.progress),
    ownershipHistory: serializeLedger(ledgers?.objectives.get(objective.id)),
    keyResults: objective.keyResults.map((kr) => serializeKeyResult(kr, ledgers)),
  };
}

/** Newest first; `null` when there is no history to show. */
function serializeLedger(ledger: LedgerEntry[] | undefined) {
  if (!ledger) return null;
  return ledger.map((entry) => ({
    owner: entry.owner,
    from: orNull(entry.from),
    to: orNull(entry.to),
    accepted: orNull(entry.accepted),
    commit: entry.commit
      ? { hash: entry.commit.hash, shortHash: entry.commit.shortHash, date: entry.commit.date, subject: entry.commit.subject, url: orNull(entry.commit.url) }
      : null,
  }));
}

function serializeKeyResult(kr: KeyResult, ledgers: Ledgers | undefined) {
  return {
    id: kr.id,
    title: kr.title,
    owner: kr.owner.id,
    accepted: orNull(kr.accepted),
    kind: orNull(kr.kind),
    metric: orNull(kr.metric),
    levels: orNull(kr.levels),
    currentValue: orNull(kr.currentValue),
    currentLevel: orNull(kr.currentLevel),
    doneOn: orNull(kr.doneOn),
    progress: orNull(kr.progress),
    latestConfidence: orNull(kr.latestCheckIn?.confidence),
    score: orNull(kr.score?.score),
    dependedOnBy: ids(kr.dependedOnBy),
    initiatives: kr.initiatives.map(serializeInitiative),
    checkIns: kr.checkIns.map(serializeCheckIn),
    ownershipHistory: serializeLedger(ledgers?.keyResults.get(kr.id)),
  };
}

function serializeInitiative(initiative: Initiative) {
  return { title: initiative.title, owner: initiative.owner.id, status: initiative.status };
}

function serializeCheckIn(checkIn: CheckIn) {
  return { review: checkIn.review.id, date: checkIn.date, ...serializeState(checkIn) };
}

/** What an update recorded: confidence, and the state of its key result's kind. */
function serializeState(checkIn: CheckIn) {
  return {
    confidence: checkIn.confidence,
    value: orNull(checkIn.value),
    level: orNull(checkIn.level),
    done: orNull(checkIn.done),
    note: orNull(checkIn.note),
  };
}

function serializeScore(score: Score) {
  return { kr: score.keyResult.id, score: score.score, note: orNull(score.note) };
}

function serializeReview(review: Review) {
  return {
    id: review.id,
    file: review.source.file,
    date: review.date,
    kind: review.kind,
    facilitator: orNull(review.facilitator?.id),
    cycle: orNull(review.cycle?.id),
    updates: review.updates.map((update) => ({ kr: update.keyResult.id, ...serializeState(update) })),
    scores: review.scores.map(serializeScore),
    decisions: review.decisions,
  };
}

function serializeTerm(term: GlossaryTerm) {
  return {
    id: term.id,
    file: term.source.file,
    term: term.term,
    summary: term.summary,
    synonyms: term.synonyms,
    related: ids(term.related),
    takeaways: term.takeaways,
    rules: term.rules,
  };
}
