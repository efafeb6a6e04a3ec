import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../../src/lib/check-handbook.js';
import { deriveLedgers, type OwnershipLedgers } from '../../../src/lib/history/derive-ledger.js';
import { endsOnItsLine, ownersKey } from '../../../src/lib/history/owners-key.js';
import { readOwners } from '../../../src/lib/history/read-owners.js';
import { readOwnershipHistory } from '../../../src/lib/history/read-ownership-history.js';
import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';
import { FixtureRepository } from '../diff/git-fixture.js';
import { CHURN } from './ledger-fixture.js';

const VERSION = `---
title: Keep the customers we win
cycle: 2026-q3
owner: priya-shah
accepted: 2026-06-26
keyResults:
  - id: q3-churn
    title: Cut churn from 5% to 3%
    owner: sam-okafor
    accepted: 2026-06-27
    metric: { baseline: 5, target: 3, unit: "%" }
    initiatives:
      - title: Call every account that downgrades
        owner: lee-wong
        status: active
---
A body.
`;

function edited(find: string, replace: string): string {
  if (!VERSION.includes(find)) throw new Error(`no ${find}`);
  return VERSION.replace(find, replace);
}

describe('the key that spares parsing a past version again', () => {
  it('is shared by versions that differ in a title, a status, a comment or the body', () => {
    const key = ownersKey(VERSION);
    for (const version of [
      edited('title: Keep the customers we win', 'title: Keep the customers we win (draft 3)'),
      edited('status: active', 'status: done # shipped in July'),
      edited('A body.', 'Another body, with owner: lee-wong in it.'),
      edited('cycle: 2026-q3', 'cycle: 2026-q4'),
    ]) {
      expect(ownersKey(version)).toBe(key);
      expect(readOwners(version)).toEqual(readOwners(VERSION));
    }
  });

  it('differs when an owner, an accepted date, an id or the list of key results changes', () => {
    const key = ownersKey(VERSION);
    for (const version of [
      edited('    owner: sam-okafor', '    owner: lee-wong'),
      edited('accepted: 2026-06-26', 'accepted:'),
      edited('id: q3-churn', 'id: q3-churn-rate'),
      edited('keyResults:\n', 'keyResults: []\nold:\n'),
      edited('    title: Cut churn from 5% to 3%\n', '    title: Cut churn from 5% to 3%\n  - id: q3-nps\n'),
    ]) {
      expect(ownersKey(version)).not.toBe(key);
    }
  });

  it('is the whole front matter when a line could mean something else than it looks', () => {
    const key = ownersKey(VERSION);
    // Each pair differs in a title only, yet its owners (or whether it can be read) differ.
    const pairs: [string, string][] = [
      // An anchor on the title line, an alias as the owner.
      ['title: &who lee-wong', 'title: &who sam-okafor'],
      // A title that goes on over lines: what looks like a field is in the title.
      ['title: "Keep the customers', 'title: "Keep the customers"'],
      ['title: >', 'title: Keep'],
      ['title: [Keep,', 'title: [Keep]'],
      // A title that cannot be read makes the version unreadable.
      ['title: Keep: the customers', 'title: Keep the customers'],
    ];
    for (const [one, other] of pairs) {
      const a = edited('title: Keep the customers we win', one);
      const b = edited('title: Keep the customers we win', other);
      expect(ownersKey(a)).not.toBe(ownersKey(b));
      expect(ownersKey(a)).not.toBe(key);
    }
    // An owner written as a folded block, whose text looks like a field.
    const folded = (who: string) => edited('    owner: sam-okafor\n', `    owner: >-\n      name: ${who}\n`);
    expect(readOwners(folded('lee-wong'))).not.toEqual(readOwners(folded('sam-okafor')));
    expect(ownersKey(folded('lee-wong'))).not.toBe(ownersKey(folded('sam-okafor')));
  });

  it('tells a flow collection or quoted value that ends on its line from one that goes on', () => {
    expect(endsOnItsLine('{ baseline: 5, target: 3, unit: "%" }')).toBe(true);
    expect(endsOnItsLine("'it''s done' # a comment")).toBe(true);
    expect(endsOnItsLine('[a, [b, c]]')).toBe(true);
    expect(endsOnItsLine('{ baseline: 5,')).toBe(false);
    expect(endsOnItsLine('"unclosed')).toBe(false);
    expect(endsOnItsLine('{ owner: *who }')).toBe(false);
    expect(endsOnItsLine('{ a: b } c')).toBe(false);
    expect(endsOnItsLine("{ a: it's }")).toBe(false);
  });
});

describe('the ledger, when past versions share keys', () => {
  async function ledgersOf(contentDir: string): Promise<OwnershipLedgers> {
    const check = await checkHandbook({ contentDir, today: '2026-08-20' });
    return deriveLedgers(await readOwnershipHistory(contentDir), check.handbook);
  }

  it('follows an owner that changed only through an anchor on another line', async () => {
    const repository = new FixtureRepository();
    const text = BASE_HANDBOOK[CHURN]!;
    const churnOwner = '    owner: sam-okafor\n';
    const through = (who: string) => text.replace('sponsor: sam-okafor', `sponsor: &who ${who}`).replace(churnOwner, '    owner: *who\n');
    repository.write({ ...BASE_HANDBOOK, [CHURN]: through('sam-okafor') });
    repository.commit('Plan the third quarter', '2026-06-20');
    repository.write({ [CHURN]: through('lee-wong') });
    repository.commit('Lee sponsors, and owns churn', '2026-07-10');
    repository.write({ [CHURN]: text });
    repository.commit('Back to Sam, written out', '2026-08-01');
    const ledgers = await ledgersOf(path.join(repository.dir, 'content'));
    if (!ledgers.available) throw new Error(ledgers.notice);
    expect(ledgers.keyResults.get('q3-churn')!.map((entry) => [entry.owner, entry.from])).toEqual([
      ['sam-okafor', '2026-08-01'],
      ['lee-wong', '2026-07-10'],
      ['sam-okafor', '2026-06-20'],
    ]);
  });

  it('reads each owner right when titles and owners change in turns', async () => {
    const repository = new FixtureRepository();
    const text = BASE_HANDBOOK[CHURN]!;
    const at = (title: string, owner: string) => text.replace('title: Cut churn from 5% to 3%', `title: ${title}`).replace('    owner: sam-okafor\n', `    owner: ${owner}\n`);
    repository.write({ ...BASE_HANDBOOK, [CHURN]: at('Cut churn', 'sam-okafor') });
    repository.commit('Plan', '2026-06-20');
    repository.write({ [CHURN]: at('Cut churn (draft 2)', 'sam-okafor') });
    repository.commit('Retitle', '2026-06-21');
    repository.write({ [CHURN]: at('Cut churn (draft 2)', 'lee-wong') });
    repository.commit('Hand to Lee', '2026-07-01');
    repository.write({ [CHURN]: at('Cut churn (draft 3)', 'lee-wong') });
    repository.commit('Retitle again', '2026-07-02');
    repository.write({ [CHURN]: at('Cut churn (draft 4)', 'sam-okafor') });
    repository.commit('Back to Sam', '2026-07-03');
    repository.write({ [CHURN]: text });
    repository.commit('Final title', '2026-07-04');
    const ledgers = await ledgersOf(path.join(repository.dir, 'content'));
    if (!ledgers.available) throw new Error(ledgers.notice);
    expect(ledgers.keyResults.get('q3-churn')!.map((entry) => [entry.owner, entry.from, entry.commit?.subject])).toEqual([
      ['sam-okafor', '2026-07-03', 'Back to Sam'],
      ['lee-wong', '2026-07-01', 'Hand to Lee'],
      ['sam-okafor', '2026-06-20', 'Plan'],
    ]);
  });
});
