import type { LedgerEntry } from '../lib/history/derive-ledger.js';
import type { KeyResult, Objective } from '../lib/model/handbook.js';
import { getSiteModel } from './handbook.js';

/**
 * The ownership ledger of an objective or key result, newest first;
 * undefined when the build has no history (outside git, a shallow clone).
 */
export async function ownershipLedger(of: { objective: Objective } | { keyResult: KeyResult }): Promise<LedgerEntry[] | undefined> {
  const ledgers = await getSiteModel().ownership;
  if (!ledgers?.available) return undefined;
  return 'objective' in of ? ledgers.objectives.get(of.objective.id) : ledgers.keyResults.get(of.keyResult.id);
}
