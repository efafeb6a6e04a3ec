import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { decodeText, type EncodingProblem } from './decode-text.js';
import { readOpenedFile } from './read-opened-file.mjs';

/** The default size limit of one file: far above any handbook file written by hand, far below what would hurt. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * How every handbook file is opened. The walk has already checked that the
 * path is a regular file, but it may have been replaced since: `O_NONBLOCK`
 * keeps a named pipe from blocking the open, `O_NOFOLLOW` refuses a path that
 * has become a link (callers open a link's resolved target, never the link),
 * and `O_NOCTTY` keeps a terminal device from becoming ours. What was opened
 * is then judged by `fstat` on the descriptor, before a byte is read.
 */
export const SAFE_OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);

/** What reading a file gave: its bytes, or why it was not read. */
export type FileRead =
  | { kind: 'bytes'; bytes: Buffer }
  /** `what` names the thing found instead, such as "a named pipe". */
  | { kind: 'not-regular'; what: string }
  | { kind: 'too-large'; size: number; maxSize: number }
  /** `code` is the system's error code, such as `EACCES`. */
  | { kind: 'unreadable'; code: string };

/** What reading a text file gave: its text (with any byte-order mark), or why it was not read. */
export type TextRead = Exclude<FileRead, { kind: 'bytes' }> | { kind: 'text'; text: string; problem?: EncodingProblem };

/**
 * Reads a file only if, once open, it is a regular file of at most
 * `maxSize` bytes. Never throws, never blocks on a pipe or device, and never
 * reads more than `maxSize` bytes. Synchronous on purpose: one file at a
 * time, each a handful of cheap system calls (see read-source.ts).
 */
export function readRegularFile(file: string, maxSize: number): FileRead {
  let descriptor: number;
  try {
    descriptor = openSync(file, SAFE_OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    // With O_NOFOLLOW, a link is refused with ELOOP (EMLINK on some BSDs).
    return code === 'ELOOP' || code === 'EMLINK' ? { kind: 'not-regular', what: 'a link' } : { kind: 'unreadable', code };
  }
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) return { kind: 'not-regular', what: describeFileType(stat) };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size, maxSize };
    return { kind: 'bytes', bytes: readOpenedFile(descriptor, stat.size) };
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    closeSync(descriptor);
  }
}

/** {@link readRegularFile}, then decoded as UTF-8, with the first encoding problem if there is one. */
export function readTextFile(file: string, maxSize: number): TextRead {
  const read = readRegularFile(file, maxSize);
  if (read.kind !== 'bytes') return read;
  const { text, problem } = decodeText(read.bytes);
  return problem ? { kind: 'text', text, problem } : { kind: 'text', text };
}

/** What a directory entry that is not a regular file is, in words. */
export function describeFileType(stat: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a link';
  return 'something other than a file';
}
