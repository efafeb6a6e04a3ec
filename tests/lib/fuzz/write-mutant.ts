import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTSIDE, type Entry, type Mutant } from './mutate-handbook.js';
import { SEED_HANDBOOKS } from './seed-handbooks.js';
import { visible } from './visible.js';

/** Text of the file outside every content folder that links may point at: no output may ever quote it. */
export const SECRET = 'FUZZ-SECRET-5e1f: a file outside the content folder';

export interface FuzzFolder {
  root: string;
  /** The file outside the content folders. */
  secret: string;
  remove: () => void;
}

/** A temp folder for one run: mutants are written under it, one at a time, next to the secret file. */
export function createFuzzFolder(): FuzzFolder {
  const root = mkdtempSync(path.join(tmpdir(), 'okr-handbook-fuzz-'));
  const secret = path.join(root, 'secret.md');
  writeFileSync(secret, `---\nname: ${SECRET}\n---\n${SECRET}\n`);
  return { root, secret, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Writes a mutant's content folder under `folder`, and returns its path. */
export function writeMutant(mutant: Mutant, folder: FuzzFolder, name = `mutant-${mutant.index}`): string {
  const contentDir = path.join(folder.root, name);
  mkdirSync(contentDir);
  for (const [file, entry] of mutant.entries) writeEntry(contentDir, file, entry, folder);
  return contentDir;
}

function writeEntry(contentDir: string, file: string, entry: Entry, folder: FuzzFolder): void {
  const target = path.join(contentDir, file);
  mkdirSync(entry.type === 'dir' ? target : path.dirname(target), { recursive: true });
  if (entry.type === 'file') writeFileSync(target, entry.bytes);
  else if (entry.type === 'link') {
    const to = entry.target === OUTSIDE ? folder.secret : path.relative(path.dirname(target), path.join(contentDir, entry.target)) || '.';
    symlinkSync(to, target);
  }
}

function sameEntry(a: Entry | undefined, b: Entry): boolean {
  if (a === undefined || a.type !== b.type) return false;
  if (a.type === 'file') return a.bytes.equals((b as typeof a).bytes);
  if (a.type === 'link') return a.target === (b as typeof a).target;
  return true;
}

/** Every folder a mutant's entries need, parents first. */
function foldersOf(entries: Map<string, Entry>): Set<string> {
  const folders = new Set<string>();
  for (const [file, entry] of entries) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    if (entry.type === 'dir') folders.add(file);
  }
  return folders;
}

/**
 * One content folder that becomes each mutant in turn, rewriting only what
 * differs from the one before. Most mutants share most files with their seed
 * handbook, so this writes and removes a few files instead of a dozen.
 */
export class MutantFolder {
  readonly contentDir: string;
  private entries = new Map<string, Entry>();

  constructor(private readonly folder: FuzzFolder, name = 'content') {
    this.contentDir = path.join(folder.root, name);
    mkdirSync(this.contentDir);
  }

  become(mutant: Mutant): string {
    const wanted = foldersOf(mutant.entries);
    // Whatever this mutant has not, or has otherwise: gone first, then folders nothing needs any more.
    for (const [file, entry] of this.entries) {
      if (!sameEntry(mutant.entries.get(file), entry)) rmSync(path.join(this.contentDir, file), { recursive: true, force: true });
    }
    for (const folder of [...foldersOf(this.entries)].reverse()) {
      if (!wanted.has(folder)) rmSync(path.join(this.contentDir, folder), { recursive: true, force: true });
    }
    for (const [file, entry] of mutant.entries) {
      if (!sameEntry(this.entries.get(file), entry) || entry.type === 'dir') writeEntry(this.contentDir, file, entry, this.folder);
    }
    this.entries = new Map(mutant.entries);
    return this.contentDir;
  }
}

/**
 * A mutant's files as text for a failure report, each cut short and safe to
 * print: those that differ from its seed handbook, or with `complete` (for a
 * shrunk mutant) every path of the content folder.
 */
export function describeMutant(mutant: Mutant, { complete = false, limit = 1_500 } = {}): string {
  const { base } = mutant;
  const lines = [`mutant ${mutant.index} of seed ${mutant.seed}: ${mutant.operations.join('; ')}`];
  if (complete) lines.push(`  the whole content folder:`);
  for (const [file, entry] of mutant.entries) {
    const name = visible(file);
    if (entry.type === 'file') {
      const text = entry.bytes.toString('utf8');
      if (base[file] === text) {
        if (complete) lines.push(`  ${name}: as in seed handbook ${SEED_HANDBOOKS.indexOf(base)}`);
        continue;
      }
      const valid = Buffer.from(text).equals(entry.bytes);
      const bytes = valid ? '' : `, not valid UTF-8${entry.bytes.length <= 400 ? `: ${entry.bytes.toString('hex')}` : ''}`;
      lines.push(`  ${name} (${entry.bytes.length} bytes${bytes}): ${visible(text, limit)}`);
    } else lines.push(`  ${name}: ${entry.type}${entry.type === 'link' ? ` -> ${entry.target}` : ''}`);
  }
  if (!complete) for (const file of Object.keys(base)) if (!mutant.entries.has(file)) lines.push(`  ${visible(file)}: deleted`);
  return lines.join('\n');
}
