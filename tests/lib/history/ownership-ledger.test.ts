import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHandbook } from '../../../src/lib/check-handbook.js';
import { deriveLedgers, type LedgerEntry, type OwnershipLedgers } from '../../../src/lib/history/derive-ledger.js';
import { readOwnershipHistory } from '../../../src/lib/history/read-ownership-history.js';
import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';
import { FixtureRepository } from '../diff/git-fixture.js';
import { CHURN, CHURN_KR, repositoryWithTwoHandovers, textOf } from './ledger-fixture.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function ledgersOf(contentDir: string): Promise<OwnershipLedgers> {
  const check = await checkHandbook({ contentDir, today: '2026-08-20' });
  return deriveLedgers(await readOwnershipHistory(contentDir), check.handbook);
}

/** What a reader sees of each entry, newest first. */
function lines(entries: LedgerEntry[] | undefined) {
  return (entries ?? []).map((entry) => ({
    owner: entry.person?.name ?? entry.owner,
    from: entry.from,
    to: entry.to,
    accepted: entry.accepted,
    commit: entry.commit && `${entry.commit.shortHash} ${entry.commit.subject}`,
  }));
}

function available(ledgers: OwnershipLedgers) {
  if (!ledgers.available) throw new Error(`history unavailable: ${ledgers.notice}`);
  return ledgers;
}

describe('the ownership ledger from git', () => {
  it('lists every owner of a key result with dates, acceptance and the commits that changed hands', async () => {
    const { contentDir, short } = repositoryWithTwoHandovers();
    const ledgers = available(await ledgersOf(contentDir));
    expect(lines(ledgers.keyResults.get('q3-churn'))).toEqual([
      { owner: 'Priya Shah', from: '2026-08-01', to: undefined, accepted: '2026-08-01', commit: `${short.third} Priya takes churn over` },
      { owner: 'Lee Wong', from: '2026-07-10', to: '2026-08-01', accepted: '2026-07-11', commit: `${short.second} Hand churn to Lee` },
      { owner: 'Sam Okafor', from: '2026-06-20', to: '2026-07-10', accepted: '2026-06-27', commit: `${short.first} Plan the third quarter` },
    ]);
    // Never changed hands: one line, from the commit that wrote it.
    expect(lines(ledgers.keyResults.get('q3-retention'))).toEqual([
      { owner: 'Lee Wong', from: '2026-06-20', to: undefined, accepted: '2026-06-26', commit: `${short.first} Plan the third quarter` },
    ]);
    expect(lines(ledgers.objectives.get('retention'))).toHaveLength(1);
  });

  it('follows an objective moved to another cycle folder', async () => {
    const repository = new FixtureRepository();
    repository.write(BASE_HANDBOOK);
    repository.commit('Plan the second quarter', '2026-03-20');
    repository.edit('objectives/2026-q2/activation.md', '55%\n    owner: lee-wong', '55%\n    owner: sam-okafor');
    const handover = repository.git('rev-parse', '--short', repository.commit('Sam takes activation', '2026-04-15'));
    repository.edit('objectives/2026-q2/activation.md', 'cycle: 2026-q2', 'cycle: 2026-q3');
    const moved = textOf(repository, 'objectives/2026-q2/activation.md');
    repository.write({ 'objectives/2026-q3/activation.md': moved, 'objectives/2026-q2/activation.md': null });
    repository.commit('Carry activation into the third quarter', '2026-07-01');

    const ledgers = available(await ledgersOf(path.join(repository.dir, 'content')));
    expect(lines(ledgers.keyResults.get('q2-activation')).map(({ owner, from, commit }) => ({ owner, from, commit }))).toEqual([
      { owner: 'Sam Okafor', from: '2026-04-15', commit: `${handover} Sam takes activation` },
      { owner: 'Lee Wong', from: '2026-03-20', commit: expect.stringMatching(/ Plan the second quarter$/) },
    ]);
  });

  it('shows a change not committed yet as the newest owner, without a commit', async () => {
    const { repository, contentDir } = repositoryWithTwoHandovers();
    repository.edit(CHURN, `${CHURN_KR}owner: priya-shah\n    accepted: 2026-08-01`, `${CHURN_KR}owner: sam-okafor\n    accepted:`);
    const [newest, previous] = lines(available(await ledgersOf(contentDir)).keyResults.get('q3-churn'));
    expect(newest).toEqual({ owner: 'Sam Okafor', from: undefined, to: undefined, accepted: undefined, commit: undefined });
    expect(previous).toMatchObject({ owner: 'Priya Shah', from: '2026-08-01' });
  });

  it('skips a past version that cannot be read, and executes nothing in it', async () => {
    const { repository, contentDir } = repositoryWithTwoHandovers();
    const text = textOf(repository, CHURN);
    repository.write({ [CHURN]: '---js\n{ owner: (() => { throw new Error("ran") })() }\n---\n' });
    repository.commit('Broken for a moment', '2026-08-02');
    repository.write({ [CHURN]: 'title: [unclosed\n---\n' });
    repository.commit('Still broken', '2026-08-03');
    repository.write({ [CHURN]: text });
    repository.commit('Repaired', '2026-08-04');
    const ledger = lines(available(await ledgersOf(contentDir)).keyResults.get('q3-churn'));
    expect(ledger.map((entry) => entry.owner)).toEqual(['Priya Shah', 'Lee Wong', 'Sam Okafor']);
  });

  it('in a shallow clone, is unavailable with a notice saying how to fetch the history', async () => {
    const { repository } = repositoryWithTwoHandovers();
    const clone = mkdtempSync(path.join(tmpdir(), 'okr-handbook-shallow-'));
    folders.push(clone);
    repository.git('clone', '-q', '--depth', '1', `file://${repository.dir}`, clone);
    const ledgers = await ledgersOf(path.join(clone, 'content'));
    expect(ledgers).toEqual({ available: false, notice: expect.stringContaining('shallow clone') });
    expect(!ledgers.available && ledgers.notice).toContain('git fetch --unshallow');
  });

  it('outside git, is unavailable with a notice', async () => {
    const { contentDir } = repositoryWithTwoHandovers();
    const copy = mkdtempSync(path.join(tmpdir(), 'okr-handbook-no-git-'));
    folders.push(copy);
    cpSync(contentDir, copy, { recursive: true });
    expect(await ledgersOf(copy)).toEqual({
      available: false,
      notice: 'The content folder is not in a git repository, so the pages show no ownership history.',
    });
  });

  it('without git on the PATH, is unavailable with a notice', async () => {
    const { contentDir } = repositoryWithTwoHandovers();
    const check = await checkHandbook({ contentDir, today: '2026-08-20' });
    const saved = process.env.PATH;
    process.env.PATH = path.join(tmpdir(), 'no-such-folder');
    try {
      const history = await readOwnershipHistory(contentDir);
      expect(deriveLedgers(history, check.handbook)).toEqual({ available: false, notice: 'Git is not installed or not on the PATH, so the pages show no ownership history.' });
    } finally {
      process.env.PATH = saved;
    }
  });
});
