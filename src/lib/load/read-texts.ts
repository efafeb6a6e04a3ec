import { existsSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { readOkrHandbookManifest } from '../package-root.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile, SAFE_OPEN_FLAGS, type TextRead } from './read-regular-file.js';

/** Below this many files a helper thread costs more to start than it saves. */
export const READ_AHEAD_MIN_FILES = 2000;

/** Files the helper reads and parses before it hands them over in one message (a few milliseconds of work). */
const BATCH = 32;

/** Who read a file: `claims[i]` is 0 until one side takes file `i`. */
const MAIN = 1;
const HELPER = 2;

/** Slots of the shared counter array: batches posted by the helper, and the file the main thread is at. */
const POSTED = 0;
const MAIN_AT = 1;

/**
 * The helper parses a file only when it is at least this many files ahead
 * of the main thread; closer, it only reads and splits, so the main thread
 * does not wait on a parse (see `readTexts`).
 */
export const PARSE_LEAD = 4 * BATCH;

/** How long the main thread waits for a file the helper took before reading it itself. */
const PATIENCE_MS = 2000;

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
  /** The YAML between, parsed by the fast path (yaml-fast-path.mjs), when that path could read it. */
  parsed?: { data: unknown };
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
 * The helper also splits the front matter from the body, and parses it
 * (read-texts-helper.mjs) when it is far enough ahead of the main thread:
 * js-yaml's parse was about a third of the main thread's time for 10 000
 * objectives, and taking its result over costs a fraction of that, but
 * parsing costs the helper more than reading. Parsing every file in the
 * helper made the main thread wait for it, and on a busy machine, where the
 * helper gets little of the second core, made `check` slower; parsing only
 * with a lead lets the two threads share the parsing as each has time, and
 * a helper starved of CPU falls back to reading only. The helper's copy of
 * the data is let go as soon as it is posted.
 */
export function readTexts(paths: readonly string[], { maxSize = DEFAULT_MAX_FILE_SIZE, minFiles = READ_AHEAD_MIN_FILES, parseLead = PARSE_LEAD }: ReadTextsOptions = {}): TextReader {
  const helper = paths.length >= minFiles && availableParallelism() >= 2 ? helperScript() : undefined;
  if (!helper) {
    return { read: (index) => readTextFile(paths[index]!, maxSize), split: () => undefined, close: () => {} };
  }
  return new ReadAhead(paths, maxSize, parseLead, helper);
}

/**
 * The helper's module, in okr-handbook's own sources: found from the package
 * root, because compiled code runs from lib/ but the helper is not compiled.
 * Missing (a trimmed install), the main thread reads everything itself.
 */
function helperScript(): string | undefined {
  const script = path.join(readOkrHandbookManifest().root, 'src/lib/load/read-texts-helper.mjs');
  return existsSync(script) ? script : undefined;
}

export interface ReadTextsOptions {
  /** Files larger than this many bytes are not read (default {@link DEFAULT_MAX_FILE_SIZE}). */
  maxSize?: number;
  /** Below this many files no helper thread is started (default {@link READ_AHEAD_MIN_FILES}). */
  minFiles?: number;
  /** How far ahead of the main thread the helper must be to parse a file (default {@link PARSE_LEAD}). */
  parseLead?: number;
}

/** A split as the helper posts it: offsets, then `[data]` or 0 when it did not parse. */
type HelperSplit = [number, number, number, [unknown] | 0];

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
    parseLead: number,
    helper: string,
  ) {
    this.claims = new Int8Array(new SharedArrayBuffer(paths.length));
    this.counters = new Int32Array(new SharedArrayBuffer(8));
    this.received = new Array(paths.length);
    this.splits = new Array(paths.length);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(helper, {
      execArgv: [],
      workerData: { paths, claims: this.claims, counters: this.counters, port: port2, flags: SAFE_OPEN_FLAGS, maxSize, batch: BATCH, helper: HELPER, posted: POSTED, mainAt: MAIN_AT, parseLead },
      transferList: [port2],
    });
    // The helper never keeps the process alive, and its failure only means the main thread reads more.
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  read(index: number): TextRead {
    Atomics.store(this.counters, MAIN_AT, index);
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
      const batch = message.message as (number | string | HelperSplit | null)[];
      for (let i = 0; i < batch.length; i += 3) {
        const index = batch[i] as number;
        this.received[index] = batch[i + 1] as string | null;
        const split = batch[i + 2] as HelperSplit | null;
        if (split) {
          const [matterStart, matterLength, contentLength, parsed] = split;
          this.splits[index] = parsed === 0 ? { matterStart, matterLength, contentLength } : { matterStart, matterLength, contentLength, parsed: { data: parsed[0] } };
        }
      }
      this.batchesSeen++;
      any = true;
    }
    return any;
  }
}
