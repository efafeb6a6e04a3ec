import { isUtf8 } from 'node:buffer';

/** Where a file stops being UTF-8 text, and what to tell its author. */
export interface EncodingProblem {
  /** Offset of the offending byte in the file. */
  byteOffset: number;
  /** The same place in the decoded text without a byte-order mark, for its line and column. */
  textOffset: number;
  message: string;
  hint: string;
}

const NUL = 0x00;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a file's bytes as UTF-8. A file that is not UTF-8, or that holds a
 * NUL byte, gets a problem naming its first offending byte; its text then
 * shows each undecodable sequence as U+FFFD, and is only good for quoting.
 * The checks cost two scans in native code (`memchr`, and `isUtf8`'s
 * vectorised validator), so a clean file pays almost nothing for them.
 */
export function decodeText(bytes: Buffer): { text: string; problem?: EncodingProblem } {
  const text = bytes.toString('utf8');
  const nul = bytes.indexOf(NUL);
  const invalid = isUtf8(bytes) ? -1 : firstInvalidSequence(bytes, nul === -1 ? bytes.length : nul);
  if (nul === -1 && invalid === -1) return { text };
  const byteOffset = invalid !== -1 ? invalid : nul;
  // Every byte before the offending one is valid UTF-8, so its decoded length is exact.
  const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte) ? 1 : 0;
  const textOffset = bytes.toString('utf8', 0, byteOffset).length - bom;
  const at = `at byte offset ${byteOffset}`;
  if (invalid === -1) {
    return {
      text,
      problem: {
        byteOffset,
        textOffset,
        message: `The file holds a NUL byte ${at}; a handbook file must be plain text.`,
        hint: 'Remove the NUL byte. If the file is not text, move it out of the content folder.',
      },
    };
  }
  const utf16 = byteOffset === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return {
    text,
    problem: {
      byteOffset,
      textOffset,
      message: `The file is not valid UTF-8: byte 0x${bytes[byteOffset]!.toString(16).toUpperCase().padStart(2, '0')} ${at} is not part of a UTF-8 character.`,
      hint: utf16
        ? 'The file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8.'
        : 'Save the file as UTF-8; it is probably in another encoding, such as Latin-1 or Windows-1252.',
    },
  };
}

/**
 * Offset of the first byte, before `end`, that starts an ill-formed UTF-8
 * sequence (overlong forms, surrogates and values above U+10FFFF included),
 * or -1. Only run on a file `isUtf8` has already refused.
 */
function firstInvalidSequence(bytes: Uint8Array, end: number): number {
  let i = 0;
  while (i < end) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}
