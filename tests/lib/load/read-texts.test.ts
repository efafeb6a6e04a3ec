import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/lib/load/front-matter.js';
import type { TextRead } from '../../../src/lib/load/read-regular-file.js';
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

/** The text a read gave; fails the test for anything else. */
function textOf(read: TextRead): string {
  if (read.kind !== 'text' || read.problem) throw new Error(`expected a clean text, got ${JSON.stringify(read)}`);
  return read.text;
}

const asText = (file: string): TextRead => ({ kind: 'text', text: readFileSync(file, 'utf8') });

describe('readTexts with a helper thread', () => {
  it('gives every text, in order, exactly as readFileSync reads it', () => {
    const paths = writeFiles(700);
    const reader = readTexts(paths, { minFiles: 1 });
    try {
      // The first files come from the main thread; after the pause, the rest from the helper.
      const texts = paths.slice(0, 10).map((_, index) => reader.read(index));
      pause();
      for (let index = 10; index < paths.length; index++) texts.push(reader.read(index));
      expect(texts).toEqual(paths.map(asText));
    } finally {
      reader.close();
    }
  });

  it('reports a file that cannot be read, wherever it is in the list, and never throws', () => {
    const paths = writeFiles(300);
    const missing = path.join(dir, 'missing.md');
    const list = [paths[0]!, missing, ...paths.slice(1), missing];
    const reader = readTexts(list, { minFiles: 1 });
    try {
      // Index 1 is read by the main thread at once; the last one, after the pause, was the helper's.
      expect(reader.read(1)).toEqual({ kind: 'unreadable', code: 'ENOENT' });
      pause();
      expect(reader.read(list.length - 1)).toEqual({ kind: 'unreadable', code: 'ENOENT' });
      expect(reader.read(0)).toEqual(asText(paths[0]!));
      expect(reader.read(2)).toEqual(asText(paths[1]!));
    } finally {
      reader.close();
    }
  });

  it('hands every unusual file to the main thread, which says what it is; nothing blocks', () => {
    const paths = writeFiles(50);
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const large = path.join(dir, 'large.md');
    writeFileSync(large, `---\ntitle: Large\n---\n${'x'.repeat(2000)}\n`);
    const latin1 = path.join(dir, 'latin1.md');
    writeFileSync(latin1, Buffer.concat([Buffer.from('---\nname: M'), Buffer.from([0xfc]), Buffer.from('ller\n---\n')]));
    const nul = path.join(dir, 'nul.md');
    writeFileSync(nul, '---\nname: A\u0000B\n---\n');
    const link = path.join(dir, 'link.md');
    symlinkSync(paths[0]!, link);
    const unusual = [fifo, large, latin1, nul, link];
    const reader = readTexts([...paths, ...unusual], { minFiles: 1, maxSize: 1000 });
    try {
      pause();
      const reads = unusual.map((_, i) => reader.read(paths.length + i));
      expect(reads[0]).toEqual({ kind: 'not-regular', what: 'a named pipe (FIFO)' });
      expect(reads[1]).toEqual({ kind: 'too-large', size: 2022, maxSize: 1000 });
      expect(reads[2]).toMatchObject({ kind: 'text', problem: { byteOffset: 11, textOffset: 11 } });
      expect(reads[3]).toMatchObject({ kind: 'text', problem: { byteOffset: 11, textOffset: 11 } });
      // Callers open a link's target: a path that has become a link since the walk is refused, not followed.
      expect(reads[4]).toEqual({ kind: 'not-regular', what: 'a link' });
      expect(paths.map((_, index) => reader.read(index))).toEqual(paths.map(asText));
    } finally {
      reader.close();
    }
  });

  it('splits and parses front matter exactly as the main thread does', () => {
    const texts = [
      '---\ntitle: Plain\n---\nBody.\n',
      '\uFEFF---\ntitle: With a byte-order mark\n---\nBody.\n',
      '---\r\ntitle: CRLF\r\n---\r\n\r\nBody after a blank line.\r\n',
      '---yaml\ntitle: Named language\n---\nBody.\n',
      '---   \ntitle: Spaces after the dashes\n---\nBody.\n',
      '---\n# only a comment\n---\nBody.\n',
      '---\n---\nEmpty front matter.\n',
      '---\ntitle: No body\n---',
      '---\ntitle: Never closed\nowner: ana\n',
      '---\ntitle: "---"\nnote: a ---\n---\n--- not a delimiter here\n',
      '---js\n{ title: "JavaScript" }\n---\nBody.\n',
      '---toml\ntitle = "TOML"\n---\nBody.\n',
      'No front matter at all.\n',
      '---\nscore: 0.7\nhex: 0x1F\nnot: .nan\nbig: -.inf\nnone: ~\nyes: true\nwhen: 2026-07-01\nkeyResults:\n  - id: q3\n    metric: { baseline: 1, target: 2e3 }\n---\nValues of every kind.\n',
      '---\n__proto__: { polluted: true }\nconstructor: x\n---\nKeys an object could mistake for its own.\n',
      '---\ntitle: a\ntitle: b\n---\nA repeated key: the full parser decides.\n',
      '---\nbase: &b { x: 1 }\ncopy: *b\n---\nAn alias: the full parser decides.\n',
      '---\ntitle: [unclosed\n---\nA syntax error.\n',
    ];
    const paths = texts.map((text, i) => {
      const file = path.join(dir, `split-${i}.md`);
      writeFileSync(file, text);
      return file;
    });
    // On a loaded machine the helper may start late and leave files to the main thread: wait longer and try again then.
    let splitByHelper = 0;
    let parsedByHelper = 0;
    for (const patience of [300, 2000, 8000]) {
      // `parseLead: 0`: the helper parses whatever it reads, however close the main thread is.
      const reader = readTexts(paths, { minFiles: 1, parseLead: 0 });
      try {
        pause(patience);
        splitByHelper = 0;
        parsedByHelper = 0;
        paths.forEach((_, index) => {
          const raw = textOf(reader.read(index));
          const text = raw.replace(/^\uFEFF/, '');
          const split = reader.split(index);
          if (split) splitByHelper++;
          if (split?.parsed) parsedByHelper++;
          expect(readFrontMatter(text, split), texts[index]).toEqual(readFrontMatter(text));
        });
      } finally {
        reader.close();
      }
      if (splitByHelper >= texts.length - 2) break;
    }
    // Every file but the one without front matter (and the first, which the main thread reads before the helper starts) came split.
    expect(splitByHelper).toBeGreaterThanOrEqual(texts.length - 2);
    // The helper parses all but the JavaScript, TOML, repeated-key, alias, unclosed and syntax-error blocks.
    expect(parsedByHelper).toBeGreaterThanOrEqual(texts.length - 8);
  });

  it('leaves parsing to the main thread when the helper is not far enough ahead of it', () => {
    const paths = writeFiles(40);
    const reader = readTexts(paths, { minFiles: 1, parseLead: 1000 });
    try {
      pause();
      let split = 0;
      let parsed = 0;
      paths.forEach((file, index) => {
        expect(textOf(reader.read(index))).toBe(readFileSync(file, 'utf8'));
        const made = reader.split(index);
        if (made) split++;
        if (made?.parsed) parsed++;
      });
      expect(split).toBeGreaterThan(0);
      expect(parsed).toBe(0);
    } finally {
      reader.close();
    }
  });

  it('never evaluates JavaScript front matter in the helper thread either', () => {
    const marker = path.join(dir, 'evaluated-by-helper');
    const paths = writeFiles(20);
    const hostile = path.join(dir, 'hostile.md');
    writeFileSync(hostile, `---js\n{ name: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'evaluated'), 'Ana') }\n---\nBody.\n`);
    const reader = readTexts([...paths, hostile], { minFiles: 1 });
    try {
      pause();
      expect(textOf(reader.read(paths.length))).toContain('---js');
      expect(existsSync(marker)).toBe(false);
    } finally {
      reader.close();
    }
  });

  it('reads on the main thread alone below the threshold', () => {
    const paths = writeFiles(3);
    const reader = readTexts(paths);
    expect(paths.map((_, index) => reader.read(index))).toEqual(paths.map(asText));
    reader.close();
  });
});
