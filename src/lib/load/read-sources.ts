import { promises as fs } from 'node:fs';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import type { ContentEntry } from './walk-content.js';

export interface SourceFile extends ContentEntry {
  /** The file's text without a byte-order mark; line and column count from here. */
  text: string;
  frontMatter: FrontMatter;
}

/** How many files are read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 64;

export async function readSources(entries: readonly ContentEntry[]): Promise<SourceFile[]> {
  const sources = new Array<SourceFile>(entries.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index]!;
      sources[index] = readSource(entry, await fs.readFile(entry.absolutePath, 'utf8'));
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));
  return sources;
}

export function readSource(entry: ContentEntry, raw: string): SourceFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return { ...entry, text, frontMatter: readFrontMatter(text) };
}
