import { beforeAll, describe, expect, it } from 'vitest';
import type { Handbook } from '../../src/lib/model/handbook.js';
import { assessCycle } from '../../src/site/attention.js';
import { needsOf, objectiveTeams, personTeams, teamsInTreeOrder } from '../../src/site/explorer.js';
import { loadExplorerHandbook } from './explorer-model.js';

let handbook: Handbook;
beforeAll(async () => {
  ({ handbook } = await loadExplorerHandbook());
});

const objective = (id: string) => handbook.objectives.find((o) => o.id === id)!;

describe('the facets a row carries for the filter script', () => {
  it('gives an objective its team and the teams above it, so a filter by a team finds its sub-teams', () => {
    expect(objectiveTeams(objective('uptime'))).toBe('platform engineering');
    expect(objectiveTeams(objective('retention'))).toBe('growth');
    expect(objectiveTeams(objective('grow'))).toBe('');
    expect(personTeams(handbook.people.find((p) => p.id === 'lee-wong')!)).toBe('growth');
  });

  it('says which kinds of attention a key result needs', () => {
    const concerns = new Map(assessCycle(handbook.activeCycle!).map((c) => [c.keyResult.id, c]));
    expect(needsOf([concerns.get('q3-latency')!])).toBe('warning');
    expect(needsOf([concerns.get('q3-retention')!])).toBe('confidence');
    expect(needsOf([concerns.get('q3-churn')!])).toBe('');
    expect(needsOf([...concerns.values()])).toBe('warning confidence');
  });

  it('lists the teams for the menu as a tree, sub-teams under their parent', () => {
    expect(teamsInTreeOrder(handbook).map(({ team, depth }) => `${depth}:${team.id}`)).toEqual(['0:engineering', '1:platform', '0:growth']);
  });
});
