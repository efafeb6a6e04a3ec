import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';
import { FixtureRepository } from '../diff/git-fixture.js';

export function textOf(repository: FixtureRepository, file: string): string {
  return readFileSync(path.join(repository.dir, 'content', file), 'utf8');
}

export const CHURN = 'objectives/2026-q3/retention.md';
/** The lines of the churn key result before its owner. */
export const CHURN_KR = 'title: Cut churn from 5% to 3%\n    ';

/** The test handbook, then the churn key result handed from Sam to Lee (who accepts later) and on to Priya. */
export function repositoryWithTwoHandovers(files: Readonly<Record<string, string>> = BASE_HANDBOOK) {
  const repository = new FixtureRepository();
  repository.write({ ...files, '../README.md': 'A team handbook.\n' });
  const first = repository.commit('Plan the third quarter', '2026-06-20');
  repository.edit(CHURN, `${CHURN_KR}owner: sam-okafor\n    accepted: 2026-06-27`, `${CHURN_KR}owner: lee-wong\n    accepted:`);
  const second = repository.commit('Hand churn to Lee', '2026-07-10');
  repository.edit(CHURN, `${CHURN_KR}owner: lee-wong\n    accepted:`, `${CHURN_KR}owner: lee-wong\n    accepted: 2026-07-11`);
  repository.commit('Lee accepts churn', '2026-07-11');
  repository.edit(CHURN, `${CHURN_KR}owner: lee-wong\n    accepted: 2026-07-11`, `${CHURN_KR}owner: priya-shah\n    accepted: 2026-08-01`);
  const third = repository.commit('Priya takes churn over', '2026-08-01');
  const short = (hash: string) => repository.git('rev-parse', '--short', hash);
  return { repository, contentDir: path.join(repository.dir, 'content'), short: { first: short(first), second: short(second), third: short(third) } };
}

