import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTexts } from '../../../src/lib/load/read-texts.js';

/*
 * The helper thread only starts for large handbooks; `minFiles: 1` makes it
 * start here, so these tests cover the thread and the hand-over between it
 * and the main thread.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'okr-read-texts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lets the helper thread start and read everything it can claim. */
function pause(ms = 300): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeFiles(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `file-${i}.md`);
    writeFileSync(file, `---\ntitle: File ${i} é\n---\n${'body '.repeat(i % 50)}\n`);
    return file;
  });
}

describe('readTexts with a helper thread', () => {
  it('gives every text, in order, exactly as readFileSync reads it', () => {
    const paths = writeFiles(700);
    const reader = readTexts(paths, 1);
    try {
      // The first files come from the main thread; after the pause, the rest from the helper.
      const texts = paths.slice(0, 10).map((_, index) => reader.read(index));
      pause();
      for (let index = 10; index < paths.length; index++) texts.push(reader.read(index));
      expect(texts).toEqual(paths.map((file) => readFileSync(file, 'utf8')));
    } finally {
      reader.close();
    }
  });

  it('throws readFileSync’s own error for a file that cannot be read, wherever it is in the list', () => {
    const paths = writeFiles(300);
    const missing = path.join(dir, 'missing.md');
    const list = [paths[0]!, missing, ...paths.slice(1), missing];
    const expected = (() => {
      try {
        readFileSync(missing, 'utf8');
      } catch (error) {
        return error as NodeJS.ErrnoException;
      }
      throw new Error('the file should be missing');
    })();
    const reader = readTexts(list, 1);
    try {
      // Index 1 is read by the main thread at once; the last one, after the pause, was the helper's.
      expect(() => reader.read(1)).toThrow(expected.message);
      pause();
      for (const index of [list.length - 1]) {
        expect(() => reader.read(index)).toThrow(expected.message);
      }
      expect(reader.read(0)).toBe(readFileSync(paths[0]!, 'utf8'));
      expect(reader.read(2)).toBe(readFileSync(paths[1]!, 'utf8'));
    } finally {
      reader.close();
    }
  });

  it('reads on the main thread alone below the threshold', () => {
    const paths = writeFiles(3);
    const reader = readTexts(paths);
    expect(paths.map((_, index) => reader.read(index))).toEqual(paths.map((file) => readFileSync(file, 'utf8')));
    reader.close();
  });
});
