import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ScaffoldError } from './inputs.js';
import { planPackageJson } from './handbook-package-json.js';
import type { OkrHandbookManifest } from '../package-root.js';
import { generateStarterHandbook, type StarterAnswers } from './starter-handbook.js';
import { readStarterFiles, type StarterFile } from './starter-files.js';
import { writeNewFile } from './yaml-file.js';

/**
 * What `npm install okr-handbook` leaves in a folder: a folder holding only
 * these (and dot-entries such as `.git`) counts as empty for `init`.
 */
const INSTALL_LEFTOVERS = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'node_modules']);

/** The entries of `dir` that make it a folder `init` refuses without `--force`, sorted; none for a missing folder. */
export function entriesInTheWay(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new ScaffoldError(`${dir} is not a folder.`);
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !INSTALL_LEFTOVERS.has(name))
    .sort();
}

export interface InitPlan {
  /** Files to create, `/`-separated paths relative to the folder. */
  create: StarterFile[];
  /** Files that exist already and are left as they are (only with `--force`). */
  keep: string[];
  /** The new text of package.json, and whether it exists already. */
  packageJson: { text: string; exists: boolean; changed: boolean; notes: string[] };
}

export interface InitSettings {
  dir: string;
  answers: StarterAnswers;
  /** okr-handbook's version, for the dependency. */
  version: string;
  /** okr-handbook's own package: its `starter/`, engines and allowed install scripts. */
  manifest: OkrHandbookManifest;
  /** Keep existing files and write only the missing ones. */
  force: boolean;
}

/**
 * Everything `init` would write into `dir`, decided before anything is
 * written, so a refusal leaves the folder as it was. Without `force`, a
 * starter file that exists already is a refusal; with it, the file is kept.
 */
export function planInit({ dir, answers, version, manifest, force }: InitSettings): InitPlan {
  const files = [...readStarterFiles(path.join(manifest.root, 'starter')), ...generateStarterHandbook(answers)];
  const existing = files.filter(({ file }) => existsSync(path.join(dir, file))).map(({ file }) => file);
  if (existing.length > 0 && !force) {
    throw new ScaffoldError(`${listed(existing)} already ${existing.length === 1 ? 'exists' : 'exist'}. Run init with --force to keep ${existing.length === 1 ? 'it' : 'them'} and add only the missing files.`);
  }
  const packageFile = path.join(dir, 'package.json');
  const before = existsSync(packageFile) ? readFileSync(packageFile, 'utf8') : undefined;
  const name = packageName(path.basename(path.resolve(dir)));
  const planned = planPackageJson(before, { name, version, manifest });
  return {
    create: files.filter(({ file }) => !existing.includes(file)),
    keep: existing,
    packageJson: { text: planned.text, exists: before !== undefined, changed: planned.text !== before, notes: planned.notes },
  };
}

/** Writes the plan: new files only ever created (never replacing one), package.json written when it changed. */
export function writeInit(dir: string, plan: InitPlan): void {
  for (const { file, text } of plan.create) writeNewFile(path.join(dir, file), text, file);
  if (plan.packageJson.changed) writeFileSync(path.join(dir, 'package.json'), plan.packageJson.text);
}

/** A valid npm package name from a folder name; never `okr-handbook` itself, which npm would refuse to install into. */
export function packageName(folder: string): string {
  const name = folder
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 214);
  if (name === '') return 'okr-handbook-content';
  return name === 'okr-handbook' ? 'okr-handbook-content' : name;
}

function listed(files: string[]): string {
  return files.map((file) => `\`${file}\``).join(', ');
}
