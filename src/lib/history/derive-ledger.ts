import type { Handbook, Person } from '../model/handbook.js';
import { commitUrlBase } from './commit-url.js';
import type { CommitInfo } from './read-log.js';
import type { OwnedVersion, OwnershipHistory } from './read-ownership-history.js';
import type { OwnerField } from './read-owners.js';

/** The commit that made a change, with its page on the forge when `editUrl` names one. */
export interface LedgerCommit extends CommitInfo {
  url?: string;
}

/** One person's time as owner of an objective or key result. */
export interface LedgerEntry {
  /** The person id as written in the file. */
  owner: string;
  /** That person, when the handbook still has them. */
  person?: Person;
  /** The day the commit that made them owner was made; undefined when that change is not committed yet. */
  from?: string;
  /** The day the next owner took over; undefined for the current owner (and before a change not committed yet). */
  to?: string;
  /** Their `accepted` date as last written while they were owner; undefined when it was blank. */
  accepted?: string;
  /** The commit that made them owner; undefined when the change is not committed yet. */
  commit?: LedgerCommit;
}

export type OwnershipLedgers =
  | {
      available: true;
      /** Newest first, by objective id. */
      objectives: Map<string, LedgerEntry[]>;
      /** Newest first, by key-result id. */
      keyResults: Map<string, LedgerEntry[]>;
    }
  | { available: false; notice: string };

/**
 * Works out each objective's and key result's owners over time from the
 * history of its file, and ends each ledger with the owner the handbook
 * has now (a change not committed yet is its own entry, without a commit).
 */
export function deriveLedgers(history: OwnershipHistory, handbook: Handbook): OwnershipLedgers {
  if (!history.available) return { available: false, notice: history.notice };
  const people = new Map(handbook.people.map((person) => [person.id, person]));
  const commitUrl = commitUrlBase(handbook.settings.editUrl);
  const commits = new Map<string, LedgerCommit>();
  const linked = (commit: CommitInfo): LedgerCommit => {
    let found = commits.get(commit.hash);
    if (!found) {
      found = commitUrl ? { ...commit, url: commitUrl(commit.hash) } : commit;
      commits.set(commit.hash, found);
    }
    return found;
  };

  const objectives = new Map<string, LedgerEntry[]>();
  const keyResults = new Map<string, LedgerEntry[]>();
  for (const objective of handbook.objectives) {
    const versions: readonly OwnedVersion[] = history.files.get(objective.source.file) ?? [];
    const observe = (pick: (version: OwnedVersion) => OwnerField | undefined) =>
      versions.flatMap((version) => {
        const field = pick(version);
        return field ? [{ commit: linked(version.commit), field }] : [];
      });
    objectives.set(objective.id, finish(stints(observe((version) => version.owners.objective)), objective, people));
    for (const kr of objective.keyResults) {
      keyResults.set(kr.id, finish(stints(observe((version) => version.owners.keyResults.get(kr.id))), kr, people));
    }
  }
  return { available: true, objectives, keyResults };
}

/** Oldest first: a new entry at each commit that names another owner. */
function stints(observations: { commit: LedgerCommit; field: OwnerField }[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const { commit, field } of observations) {
    // A version that names no single owner (a list, a blank) says nothing about who owned it.
    if (field.owner === undefined) continue;
    const last = entries.at(-1);
    if (last && last.owner === field.owner) {
      setAccepted(last, field.accepted);
      continue;
    }
    if (last) last.to = commit.date;
    const entry: LedgerEntry = { owner: field.owner, from: commit.date, commit };
    setAccepted(entry, field.accepted);
    entries.push(entry);
  }
  return entries;
}

/** Ends the ledger with the owner as the handbook has it now, and returns it newest first. */
function finish(entries: LedgerEntry[], now: { owner: Person; accepted?: string }, people: ReadonlyMap<string, Person>): LedgerEntry[] {
  const last = entries.at(-1);
  if (last && last.owner === now.owner.id) {
    setAccepted(last, now.accepted);
  } else {
    const entry: LedgerEntry = { owner: now.owner.id };
    setAccepted(entry, now.accepted);
    entries.push(entry);
  }
  for (const entry of entries) {
    const person = people.get(entry.owner);
    if (person) entry.person = person;
  }
  return entries.reverse();
}

function setAccepted(entry: LedgerEntry, accepted: string | undefined): void {
  if (accepted === undefined) delete entry.accepted;
  else entry.accepted = accepted;
}
