import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, runBuild } from '../../helpers/build-fixture.js';
import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';
import { repositoryWithTwoHandovers } from '../history/ledger-fixture.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `okr-handbook-${name}-`));
  folders.push(dir);
  return dir;
}

/** The text of the page's ownership history, tags dropped and spaces squeezed. */
function ledgerText(html: string): string {
  const start = html.indexOf('<section class="ledger"');
  if (start < 0) return '';
  const section = html.slice(start, html.indexOf('</section>', start));
  return section
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const WITH_EDIT_URL = { ...BASE_HANDBOOK, 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}editUrl: https://github.com/acme/handbook/edit/main/content/\n` };

describe('the ownership ledger in the built site', () => {
  const fixture = repositoryWithTwoHandovers(WITH_EDIT_URL);
  let inGit: ReturnType<typeof runBuild>;
  let outOfGit: ReturnType<typeof runBuild>;
  let inGitSite: string;
  let outOfGitSite: string;

  beforeAll(() => {
    inGitSite = path.join(tempFolder('ledger-site'), 'site');
    inGit = runBuild('--content', fixture.contentDir, '--out', inGitSite);
    // The same handbook, copied out of git.
    const copy = tempFolder('ledger-copy');
    cpSync(fixture.contentDir, copy, { recursive: true });
    outOfGitSite = path.join(tempFolder('ledger-copy-site'), 'site');
    outOfGit = runBuild('--content', copy, '--out', outOfGitSite);
  }, 300_000);

  it('lists every owner of a key result, newest first, with dates and the commits that changed hands', () => {
    expect(inGit.status, inGit.stderr).toBe(0);
    expect(inGit.stdout).not.toContain('Note:');
    const { second, third } = fixture.short;
    expect(ledgerText(page(inGitSite, '/key-results/q3-churn/'))).toBe(
      'Ownership history 3 owners, newest first, from the handbook\'s git history. ' +
        `Priya Shah · since 1 Aug 2026 · accepted on 1 Aug 2026 · in ${third} Priya takes churn over ` +
        `Lee Wong · from 10 Jul 2026 to 1 Aug 2026 · accepted on 11 Jul 2026 · in ${second} Hand churn to Lee ` +
        `Sam Okafor · from 20 Jun 2026 to 10 Jul 2026 · accepted on 27 Jun 2026 · in ${fixture.short.first} Plan the third quarter`,
    );
    // editUrl names GitHub: each commit links to its page there.
    const html = page(inGitSite, '/key-results/q3-churn/');
    const full = fixture.repository.git('rev-parse', 'HEAD');
    expect(html).toContain(`<a href="https://github.com/acme/handbook/commit/${full}"`);
  });

  it('shows one line for a key result and an objective that never changed hands', () => {
    expect(ledgerText(page(inGitSite, '/key-results/q3-retention/'))).toMatch(/^Ownership history One owner since it was written, .* Lee Wong · since 20 Jun 2026 · accepted on 26 Jun 2026 · in \w+ Plan the third quarter$/);
    expect(ledgerText(page(inGitSite, '/objectives/retention/'))).toMatch(/One owner .* Priya Shah · since 20 Jun 2026 · accepted on 26 Jun 2026 /);
  });

  it('carries the ledger in handbook.json', () => {
    const json = JSON.parse(readFileSync(path.join(inGitSite, 'handbook.json'), 'utf8')) as {
      objectives: { id: string; ownershipHistory: unknown[]; keyResults: { id: string; ownershipHistory: { owner: string; from: string; to: string | null; commit: { shortHash: string } }[] }[] }[];
    };
    const churn = json.objectives.flatMap((objective) => objective.keyResults).find((kr) => kr.id === 'q3-churn')!;
    expect(churn.ownershipHistory.map(({ owner, from, to, commit }) => [owner, from, to, commit.shortHash])).toEqual([
      ['priya-shah', '2026-08-01', null, fixture.short.third],
      ['lee-wong', '2026-07-10', '2026-08-01', fixture.short.second],
      ['sam-okafor', '2026-06-20', '2026-07-10', fixture.short.first],
    ]);
  });

  it('builds the same handbook out of git as before, and says once that history is unavailable', () => {
    expect(outOfGit.status, outOfGit.stderr).toBe(0);
    expect(outOfGit.stdout.match(/Note: .*/g)).toEqual(['Note: The content folder is not in a git repository, so the pages show no ownership history.']);
    expect(ledgerText(page(outOfGitSite, '/key-results/q3-churn/'))).toBe('');
    const json = JSON.parse(readFileSync(path.join(outOfGitSite, 'handbook.json'), 'utf8')) as { objectives: { ownershipHistory: unknown }[] };
    expect(json.objectives.map((objective) => objective.ownershipHistory)).toEqual([null, null]);
  });
});
