import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';

// A test run from a git hook inherits these, and they would point every git call at the project's own repository.
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete process.env[name];

const IDENTITY = ['-c', 'user.name=Test Author', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A real git repository in a temp folder, holding a handbook under `content/`. */
export class FixtureRepository {
  readonly dir: string;
  /** The handbook files as last written, relative to the content folder. */
  private files: Record<string, string>;

  constructor(readonly content = 'content') {
    this.dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-diff-test-'));
    folders.push(this.dir);
    this.git('init', '-q');
    this.files = {};
  }

  git(...args: string[]): string {
    return this.gitWith({}, ...args);
  }

  private gitWith(env: Record<string, string>, ...args: string[]): string {
    return execFileSync('git', [...IDENTITY, ...args], { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } }).trim();
  }

  /** Writes handbook files (`null` deletes one) relative to the content folder. */
  write(files: Record<string, string | null>): this {
    for (const [file, text] of Object.entries(files)) {
      const target = path.join(this.dir, this.content, file);
      if (text === null) {
        rmSync(target, { force: true });
        delete this.files[file];
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      this.files[file] = text;
    }
    return this;
  }

  /** Replaces `find` in a file as last written; fails loudly when it is not there, so fixtures cannot drift. */
  edit(file: string, find: string, replace: string): this {
    const text = this.files[file];
    if (text === undefined || !text.includes(find)) throw new Error(`fixture ${file} has no ${JSON.stringify(find)}`);
    return this.write({ [file]: text.replace(find, replace) });
  }

  /** Commits everything, on `date` (`2026-07-01`) when given; returns the commit hash. */
  commit(message: string, date?: string): string {
    this.git('add', '-A');
    const when: Record<string, string> = date === undefined ? {} : { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
    this.gitWith(when, 'commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** A repository with the base test handbook committed on `main` and a `change` branch checked out. */
  static withHandbook(files: Readonly<Record<string, string>> = BASE_HANDBOOK): FixtureRepository {
    const repository = new FixtureRepository();
    repository.write({ ...files, '../README.md': 'A team handbook.\n' });
    repository.commit('The handbook');
    repository.git('checkout', '-q', '-b', 'change');
    return repository;
  }
}
