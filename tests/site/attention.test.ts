import { beforeAll, describe, expect, it } from 'vitest';
import type { Handbook } from '../../src/lib/model/handbook.js';
import { assessCycle, needsAttention, summarizeTeams } from '../../src/site/attention.js';
import { loadExplorerHandbook } from './explorer-model.js';

let handbook: Handbook;
beforeAll(async () => {
  ({ handbook } = await loadExplorerHandbook());
});

describe('needsAttention', () => {
  it('lists the key results that need attention, most severe first, each reason on its line', () => {
    const items = needsAttention(handbook.activeCycle!).map(({ keyResult, reason }) => [keyResult.id, reason]);
    expect(items).toEqual([
      // A validation warning outranks any confidence concern.
      ['q3-latency', 'stale check-in'],
      // A fall of 0.2 on the 0-1 scale, then a confidence low on it.
      ['q3-retention', 'confidence fell from 0.80 to 0.60'],
      ['q3-uptime', 'low confidence'],
    ]);
  });
});

describe('summarizeTeams', () => {
  it('counts each team with its sub-teams, in the team tree order, objectives without a team last', () => {
    const cycle = handbook.activeCycle!;
    const rows = summarizeTeams(cycle.objectives, assessCycle(cycle)).map((row) => [
      row.team?.id ?? '(none)',
      row.depth,
      row.objectives,
      row.keyResults,
      row.withWarning,
      row.lowOrFalling,
    ]);
    expect(rows).toEqual([
      // Engineering contributes nothing itself: its row is Platform's.
      ['engineering', 0, 1, 2, 1, 1],
      ['platform', 1, 1, 2, 1, 1],
      ['growth', 0, 1, 2, 0, 1],
      ['(none)', 0, 1, 0, 0, 0],
    ]);
  });
});
