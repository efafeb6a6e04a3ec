// @ts-check
// The read loop of read-regular-file.ts, shared with the reading thread
// (read-texts-helper.mjs), which runs plain JavaScript from the sources.
import { readSync } from 'node:fs';

/**
 * Reads an open file from its start, at most `size` bytes: the size `fstat`
 * gave, so a file growing meanwhile cannot pass the limit. Shorter when the
 * file shrank meanwhile.
 * @param {number} descriptor
 * @param {number} size
 * @returns {Buffer}
 */
export function readOpenedFile(descriptor, size) {
  const bytes = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const count = readSync(descriptor, bytes, length, size - length, length);
    if (count === 0) break;
    length += count;
  }
  return length === size ? bytes : bytes.subarray(0, length);
}
