import { readFrontMatter, type FrontMatter } from './front-matter.js';
import type { FrontMatterSplit } from './read-texts.js';
import type { ContentEntry } from './walk-content.js';

export interface SourceFile extends ContentEntry {
  /** The file's text without a byte-order mark; line and column count from here. */
  text: string;
  frontMatter: FrontMatter;
}

/**
 * A file's text and front matter. Callers read files synchronously on
 * purpose (read-regular-file.ts): handbook files are small, and a few
 * blocking system calls each are several times cheaper than the promise
 * API's open/stat/read/close round trips (measured with `npm run bench:work`).
 * `split` is gray-matter's split of the text, when the thread that read it
 * made it.
 */
export function readSource(entry: ContentEntry, raw: string, split?: FrontMatterSplit): SourceFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Spelled out rather than `{ ...entry, text, frontMatter }`: on Node 20 that spread gives each object its own hidden class.
  return { kind: entry.kind, id: entry.id, file: entry.file, absolutePath: entry.absolutePath, extension: entry.extension, text, frontMatter: readFrontMatter(text, split) };
}
