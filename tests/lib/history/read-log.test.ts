import { describe, expect, it } from 'vitest';
import { readOwnershipHistory } from '../../../src/lib/history/read-ownership-history.js';
import { CHURN, repositoryWithTwoHandovers } from './ledger-fixture.js';

describe('the one git log pass', () => {
  it('reads the objectives folder only, not a folder whose name starts the same', async () => {
    const { repository, contentDir } = repositoryWithTwoHandovers();
    repository.write({ 'objectives-2025/old.md': '---\ntitle: Old\nowner: sam-okafor\n---\n', 'people/new-person.md': '---\nname: New Person\nrole: Engineer\n---\n' });
    repository.commit('Archive, and a new colleague', '2026-08-05');
    const history = await readOwnershipHistory(contentDir);
    if (!history.available) throw new Error(history.notice);
    expect([...history.files.keys()].sort()).toEqual(['objectives/2026-q2/activation.md', CHURN]);
    // The commit that changed no objective file is no version of one.
    expect(history.files.get(CHURN)!.map((version) => version.commit.subject)).toEqual([
      'Plan the third quarter',
      'Hand churn to Lee',
      'Lee accepts churn',
      'Priya takes churn over',
    ]);
  });
});
