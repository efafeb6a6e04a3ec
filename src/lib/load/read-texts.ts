import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { DEFAULT_MAX_FILE_SIZE, readTextFile, SAFE_OPEN_FLAGS, type TextRead } from './read-regular-file.js';

/** Below this many files a helper thread costs more to start than it saves. */
export const READ_AHEAD_MIN_FILES = 2000;

/** Files the helper reads before it hands their texts over in one message (about a millisecond of reading). */
const BATCH = 64;

/** Who read a file: `claims[i]` is 0 until one side takes file `i`. */
const MAIN = 1;
const HELPER = 2;

/** Slots of the shared counter array. */
const POSTED = 0;

/** How long the main thread waits for a file the helper took before reading it itself. */
const PATIENCE_MS = 2000;

/** Where gray-matter's module is, for the helper thread, which has no resolver of ours. */
const GRAY_MATTER = createRequire(import.meta.url).resolve('gray-matter');

/*
 * The helper thread: it takes every file the main thread has not taken yet,
 * in list order, reads it and posts the texts in batches. Plain JavaScript
 * run with `eval`, so it needs no build step and no loader. It reads as
 * read-regular-file.ts does (the same open flags, `fstat` on the descriptor,
 * at most `maxSize` bytes), but only hands over the usual case: a regular
 * file within the limit that is UTF-8 without NUL bytes. Anything else is
 * posted as `null`, and the main thread reads that file itself, so what is
 * reported about it comes from one place.
 *
 * For a file that opens with `---` it also has gray-matter split the front
 * matter from the body (about a tenth of the main thread's time otherwise)
 * and posts where the two parts are in the text: the start and length of
 * gray-matter's `matter`, and the length of its `content`, which ends the
 * text. Its engines only return an empty object, so nothing is ever
 * evaluated here either; a file gray-matter cannot split gets no split, and
 * the main thread splits it itself.
 */
const HELPER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const { isUtf8 } = require('node:buffer');
const { paths, claims, counters, port, grayMatter, flags, maxSize } = workerData;
const matter = require(grayMatter);
const nothing = () => ({});
const refuse = () => { throw new Error('never evaluated'); };
const OPTIONS = { engines: { yaml: { parse: nothing, stringify: refuse }, javascript: { parse: nothing, stringify: refuse }, json: { parse: nothing, stringify: refuse } } };
const split = (raw) => {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!text.startsWith('---')) return null;
  try {
    const file = matter(text, OPTIONS);
    const start = text.indexOf(file.matter, 3);
    return start === -1 ? null : [start, file.matter.length, file.content.length];
  } catch {
    return null;
  }
};
const readText = (file) => {
  let descriptor;
  try { descriptor = openSync(file, flags); } catch { return null; }
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile() || stat.size > maxSize) return null;
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < bytes.length) {
      const count = readSync(descriptor, bytes, length, bytes.length - length, length);
      if (count === 0) break;
      length += count;
    }
    const view = bytes.subarray(0, length);
    return view.indexOf(0) === -1 && isUtf8(view) ? view.toString('utf8') : null;
  } catch {
    return null;
  } finally {
    closeSync(descriptor);
  }
};
let batch = [];
const flush = () => {
  if (batch.length === 0) return;
  port.postMessage(batch);
  batch = [];
  Atomics.add(counters, ${POSTED}, 1);
  Atomics.notify(counters, ${POSTED});
};
try {
  for (let i = 0; i < paths.length; i++) {
    if (Atomics.compareExchange(claims, i, 0, ${HELPER}) !== 0) continue;
    const text = readText(paths[i]);
    batch.push(i, text, text === null ? null : split(text));
    if (batch.length >= ${BATCH * 3}) flush();
  }
} finally {
  flush();
  port.close();
}
`;

/**
 * Where gray-matter found the parts of a file's front matter, in its text
 * without a byte-order mark: its `matter` is `text.slice(matterStart,
 * matterStart + matterLength)` and its `content` the last `contentLength`
 * characters.
 */
export interface FrontMatterSplit {
  matterStart: number;
  matterLength: number;
  contentLength: number;
}

/** The texts of files, one at a time, in list order. */
export interface TextReader {
  /** What reading file `index` gave: its text (UTF-8, with any byte-order mark), or why it was not read. Never throws. */
  read(index: number): TextRead;
  /** After `read(index)`: gray-matter's split of that file, when the helper thread made it. */
  split(index: number): FrontMatterSplit | undefined;
  /** Stops the helper thread, if any. */
  close(): void;
}

/**
 * Reads `paths` in order for a caller that parses each file as it goes.
 * On a machine with more than one core and a large handbook, a helper
 * thread reads ahead while the main thread parses: the main thread reads a
 * file itself only when the helper has not taken it yet (while the helper
 * starts), and every file is read once.
 *
 * Reading was about a tenth of `check`'s time for 10 000 objectives; this
 * moves it off the main thread. Only texts cross threads, never parsed
 * data, so no object is copied or kept twice.
 */
export function readTexts(paths: readonly string[], { maxSize = DEFAULT_MAX_FILE_SIZE, minFiles = READ_AHEAD_MIN_FILES }: ReadTextsOptions = {}): TextReader {
  if (paths.length < minFiles || availableParallelism() < 2) {
    return { read: (index) => readTextFile(paths[index]!, maxSize), split: () => undefined, close: () => {} };
  }
  return new ReadAhead(paths, maxSize);
}

export interface ReadTextsOptions {
  /** Files larger than this many bytes are not read (default {@link DEFAULT_MAX_FILE_SIZE}). */
  maxSize?: number;
  /** Below this many files no helper thread is started (default {@link READ_AHEAD_MIN_FILES}). */
  minFiles?: number;
}

class ReadAhead implements TextReader {
  private readonly claims: Int8Array;
  private readonly counters: Int32Array;
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private readonly received: (string | null | undefined)[];
  private readonly splits: (FrontMatterSplit | undefined)[];
  private batchesSeen = 0;

  constructor(
    private readonly paths: readonly string[],
    private readonly maxSize: number,
  ) {
    this.claims = new Int8Array(new SharedArrayBuffer(paths.length));
    this.counters = new Int32Array(new SharedArrayBuffer(4));
    this.received = new Array(paths.length);
    this.splits = new Array(paths.length);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(HELPER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { paths, claims: this.claims, counters: this.counters, port: port2, grayMatter: GRAY_MATTER, flags: SAFE_OPEN_FLAGS, maxSize },
      transferList: [port2],
    });
    // The helper never keeps the process alive, and its failure only means the main thread reads more.
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  read(index: number): TextRead {
    if (Atomics.compareExchange(this.claims, index, 0, MAIN) === 0) return readTextFile(this.paths[index]!, this.maxSize);
    const started = Date.now();
    while (this.received[index] === undefined) {
      if (this.drain()) continue;
      if (Date.now() - started > PATIENCE_MS) break;
      // Sleeps until the helper posts its next batch (or briefly, to look at the clock again).
      Atomics.wait(this.counters, POSTED, this.batchesSeen, 50);
    }
    const text = this.received[index];
    this.received[index] = undefined;
    return typeof text === 'string' ? { kind: 'text', text } : readTextFile(this.paths[index]!, this.maxSize);
  }

  split(index: number): FrontMatterSplit | undefined {
    const split = this.splits[index];
    this.splits[index] = undefined;
    return split;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** Takes every batch already posted; whether there was one. */
  private drain(): boolean {
    let any = false;
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      const batch = message.message as (number | string | number[] | null)[];
      for (let i = 0; i < batch.length; i += 3) {
        const index = batch[i] as number;
        this.received[index] = batch[i + 1] as string | null;
        const split = batch[i + 2] as [number, number, number] | null;
        if (split) this.splits[index] = { matterStart: split[0], matterLength: split[1], contentLength: split[2] };
      }
      this.batchesSeen++;
      any = true;
    }
    return any;
  }
}
