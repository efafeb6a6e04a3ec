import { decodeText } from '../load/decode-text.js';
import { streamGit } from './run-git.js';

/** The largest file `maxFileSize` may allow: a larger version is not read. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/**
 * Reads the blobs `ids` (full or abbreviated) with one `git cat-file --batch` and hands each one's
 * text to `onText` as it arrives, so the texts are never all in memory. A
 * blob that is not UTF-8 text, holds a NUL byte or is too large is skipped
 * (`onText` is not called), as `check` would refuse the file.
 */
export async function readBlobs(root: string, ids: readonly string[], onText: (id: string, text: string) => void): Promise<void> {
  if (ids.length === 0) return;
  // Bytes received and not yet used; gathered in a list so a large object is joined once, not once per chunk.
  let parts: Buffer[] = [];
  let length = 0;
  // Answers come in the order asked: `next` is the index of the next one.
  let next = 0;
  // The object being read: its id and size, once its header has been seen.
  let object: { id: string; size: number } | undefined;
  const take = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
    for (;;) {
      if (!object) {
        const newline = indexOfNewline(parts);
        if (newline < 0) return;
        const pending = join();
        // `<id> <type> <size>`, or `<id> missing`.
        const [, type = '', size = ''] = pending.subarray(0, newline).toString('utf8').split(' ');
        keep(pending.subarray(newline + 1));
        const id = ids[next++] ?? '';
        if (type === 'missing' || type === 'ambiguous') continue;
        object = { id, size: Number(size) };
      }
      // The content and the newline after it.
      if (length < object.size + 1) return;
      const pending = join();
      const bytes = pending.subarray(0, object.size);
      keep(pending.subarray(object.size + 1));
      const { id } = object;
      object = undefined;
      if (bytes.length > MAX_BLOB_BYTES) continue;
      const decoded = decodeText(bytes);
      if (decoded.problem === undefined) onText(id, decoded.text);
    }
  };
  const join = () => (parts.length === 1 ? parts[0]! : Buffer.concat(parts, length));
  const keep = (rest: Buffer) => {
    parts = rest.length > 0 ? [rest] : [];
    length = rest.length;
  };
  await streamGit(root, ['cat-file', '--batch'], ids.map((id) => `${id}\n`).join(''), take);
}

/** Where the first newline is in the bytes received, counting across parts; -1 when none has come yet. */
function indexOfNewline(parts: readonly Buffer[]): number {
  let offset = 0;
  for (const part of parts) {
    const at = part.indexOf(0x0a);
    if (at >= 0) return offset + at;
    offset += part.length;
  }
  return -1;
}
