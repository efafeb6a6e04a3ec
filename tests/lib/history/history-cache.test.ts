import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOwnershipHistory, type OwnershipHistory } from '../../../src/lib/history/read-ownership-history.js';
import { CHURN, CHURN_KR, repositoryWithTwoHandovers } from './ledger-fixture.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function cacheFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-history-cache-'));
  folders.push(dir);
  return dir;
}

function cachedFile(cacheDir: string): string {
  const names = readdirSync(path.join(cacheDir, 'ownership-history'));
  expect(names).toHaveLength(1);
  return path.join(cacheDir, 'ownership-history', names[0]!);
}

function churnSubjects(history: OwnershipHistory): string[] {
  if (!history.available) throw new Error(history.notice);
  return (history.files.get(CHURN) ?? []).map((version) => version.commit.subject);
}

describe('the ownership history cache', () => {
  it('gives the same history as git, and is read instead of git while HEAD stays', async () => {
    const { contentDir } = repositoryWithTwoHandovers();
    const cacheDir = cacheFolder();
    const fromGit = await readOwnershipHistory(contentDir);
    expect(await readOwnershipHistory(contentDir, { cacheDir })).toEqual(fromGit);
    const file = cachedFile(cacheDir);
    // What the second read gives comes from the cache: a subject changed there shows.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Hand churn to Lee', 'Read from the cache'));
    const again = await readOwnershipHistory(contentDir, { cacheDir });
    expect(churnSubjects(again)).toContain('Read from the cache');
    expect({ ...again, files: undefined }).toEqual({ ...fromGit, files: undefined });
  });

  it('is not used once another commit is HEAD', async () => {
    const { repository, contentDir } = repositoryWithTwoHandovers();
    const cacheDir = cacheFolder();
    await readOwnershipHistory(contentDir, { cacheDir });
    repository.edit(CHURN, `${CHURN_KR}owner: priya-shah`, `${CHURN_KR}owner: lee-wong`);
    repository.commit('Lee takes churn back', '2026-08-10');
    const history = await readOwnershipHistory(contentDir, { cacheDir });
    expect(churnSubjects(history).at(-1)).toBe('Lee takes churn back');
    expect(await readOwnershipHistory(contentDir)).toEqual(history);
  });

  it('reads the history from git again when the cache is damaged', async () => {
    const { contentDir } = repositoryWithTwoHandovers();
    const cacheDir = cacheFolder();
    const fromGit = await readOwnershipHistory(contentDir, { cacheDir });
    const file = cachedFile(cacheDir);
    for (const damage of [(text: string) => text.slice(0, text.length / 2), (text: string) => text.replace(/"files":\[.*\]\}$/, '"files":[["x",[[99999,0]]]]}')]) {
      const text = readFileSync(file, 'utf8');
      expect(damage(text)).not.toBe(text);
      writeFileSync(file, damage(text));
      expect(await readOwnershipHistory(contentDir, { cacheDir })).toEqual(fromGit);
    }
  });
});
