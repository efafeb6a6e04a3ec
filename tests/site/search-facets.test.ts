import { describe, expect, it } from 'vitest';
import { searchFacets } from '../../src/site/search-facets.js';
import { checkFiles, edit } from '../helpers/fixture-handbook.js';

describe('search facets', () => {
  it('come from the model: a new team in the content is a new filter value, with no template change', async () => {
    const { handbook, diagnostics } = await checkFiles({
      'teams/platform.md': '---\nname: Platform Crew\nlead: sam-okafor\n---\n',
      ...edit('objectives/2026-q3/retention.md', 'team: growth', 'team: platform'),
    });
    expect(diagnostics).toEqual([]);
    const objective = handbook.objectives.find((o) => o.id === 'retention')!;
    expect(searchFacets({ objective }).filters).toEqual({
      kind: ['Objective'],
      cycle: ['2026 Q3'],
      team: ['Platform Crew'],
      owner: ['Priya Shah'],
    });
    const keyResult = handbook.keyResults.find((kr) => kr.id === 'q3-churn')!;
    expect(searchFacets({ keyResult })).toMatchObject({
      filters: { kind: ['Key result'], cycle: ['2026 Q3'], team: ['Platform Crew'], owner: ['Sam Okafor'] },
      meta: { title: 'Cut churn from 5% to 3%', kind: 'Key result', owner: 'Sam Okafor', cycle: '2026 Q3' },
    });
  });

  it('rank key results above the reviews that mention them', async () => {
    const { handbook } = await checkFiles();
    const keyResult = handbook.keyResults[0]!;
    const review = keyResult.checkIns[0]?.review ?? handbook.reviews[0]!;
    expect(searchFacets({ keyResult }).weight).toBeGreaterThan(searchFacets({ review }).weight);
    expect(searchFacets({ review }).meta).toMatchObject({ kind: 'Review', owner: 'Priya Shah' });
  });
});
