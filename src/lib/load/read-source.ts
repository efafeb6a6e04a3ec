import { readFileSync } from 'node:fs';
import path from 'node:path';
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
 * purpose: handbook files are small, and one blocking read each is several
 * times cheaper than the promise API's open/stat/read/close round trips
 * (measured with `npm run bench`). `split` is gray-matter's split of the
 * text, when the thread that read it made it.
 */
export function readSource(entry: ContentEntry, raw: string, split?: FrontMatterSplit): SourceFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Spelled out rather than `{ ...entry, text, frontMatter }`: on Node 20 that spread gives each object its own hidden class.
  return { kind: entry.kind, id: entry.id, file: entry.file, absolutePath: entry.absolutePath, extension: entry.extension, text, frontMatter: readFrontMatter(text, split) };
}

/** Reads content files for code frames: a file that has gone since it was checked gives `undefined`. */
export function contentTextReader(contentDir: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(path.join(contentDir, file), 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  };
}
