// @ts-check
// The reading thread of read-texts.ts. It takes every file the main thread
// has not taken yet, in list order, reads it, splits its front matter (and
// parses it, when far enough ahead of the main thread: read-texts.ts says
// why), and posts the results in batches. Plain JavaScript, so it runs from
// the sources and from the installed package alike, with no build step.
//
// It reads as read-regular-file.ts does (the same open flags, `fstat` on the
// descriptor, at most `maxSize` bytes), but only hands over the usual case: a
// regular file within the limit that is UTF-8 without NUL bytes. Anything
// else is posted as `null`, and the main thread reads that file itself, so
// what is reported about it comes from one place.
//
// For a file that opens with `---`, gray-matter splits the front matter from
// the body; its engines only return an empty object, so nothing is ever
// evaluated. The YAML is parsed by the same fast path the main thread uses
// (yaml-fast-path.mjs); when this thread does not parse, when that path
// declines, or when the file cannot be split, the main thread does the rest
// itself, with the full parser where needed.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import matter from 'gray-matter';
import { readOpenedFile } from './read-opened-file.mjs';
import { parseFast } from './yaml-fast-path.mjs';

/** @type {{ paths: string[]; claims: Int8Array; counters: Int32Array; port: import('node:worker_threads').MessagePort; flags: number; maxSize: number; batch: number; helper: number; posted: number; mainAt: number; parseLead: number }} */
const { paths, claims, counters, port, flags, maxSize, batch: batchSize, helper: HELPER, posted: POSTED, mainAt: MAIN_AT, parseLead } = workerData;

const nothing = () => ({});
const refuse = () => {
  throw new Error('never evaluated');
};
const OPTIONS = { engines: { yaml: { parse: nothing, stringify: refuse }, javascript: { parse: nothing, stringify: refuse }, json: { parse: nothing, stringify: refuse } } };

/**
 * Where gray-matter found the front matter, and, when `parse` is set, the
 * front matter parsed: `[matterStart, matterLength, contentLength, parsed]`,
 * `parsed` being `[data]` or 0 when the main thread must parse.
 * @param {string} raw
 * @param {boolean} parse
 */
function split(raw, parse) {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!text.startsWith('---')) return null;
  try {
    const file = matter(text, OPTIONS);
    const start = text.indexOf(file.matter, 3);
    if (start === -1) return null;
    const parsed = parse ? parseFast(file.matter) : undefined;
    return [start, file.matter.length, file.content.length, parsed ? [parsed.data] : 0];
  } catch {
    return null;
  }
}

/** @param {string} file */
function readText(file) {
  let descriptor;
  try {
    descriptor = openSync(file, flags);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile() || stat.size > maxSize) return null;
    const bytes = readOpenedFile(descriptor, stat.size);
    return bytes.indexOf(0) === -1 && isUtf8(bytes) ? bytes.toString('utf8') : null;
  } catch {
    return null;
  } finally {
    closeSync(descriptor);
  }
}

/** @type {unknown[]} */
let batch = [];
function flush() {
  if (batch.length === 0) return;
  port.postMessage(batch);
  batch = [];
  Atomics.add(counters, POSTED, 1);
  Atomics.notify(counters, POSTED);
}

try {
  for (let i = 0; i < paths.length; i++) {
    if (Atomics.compareExchange(claims, i, 0, HELPER) !== 0) continue;
    const text = readText(/** @type {string} */ (paths[i]));
    // Parsing here saves the main thread most of a parse, but costs this
    // thread more than reading; only a lead on the main thread pays for it.
    const mainAt = Atomics.load(counters, MAIN_AT);
    batch.push(i, text, text === null ? null : split(text, i - mainAt >= parseLead));
    // Posted when full, or at once when the main thread has come to the
    // batch's first file: it is waiting for it, or about to.
    if (batch.length >= batchSize * 3 || mainAt >= /** @type {number} */ (batch[0])) flush();
  }
} finally {
  flush();
  port.close();
}
