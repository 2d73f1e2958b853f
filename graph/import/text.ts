import { decodeAnsel } from './gedcom/ansel.js';
import type { Problem } from './types.js';

export type Encoding = 'utf-8' | 'latin1' | 'ansel';

export class DecodeError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
  }
}

/** 1-based line and column of a byte offset (columns count characters before it on its line). */
export function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

export const isValidUtf8 = (bytes: Uint8Array) => firstInvalidUtf8(bytes) < 0;

/**
 * Decodes a file strictly: a UTF-8 file with a stray Latin-1 byte is an error that names the
 * line and column, never silent mojibake. A leading byte-order mark is dropped.
 */
export function decode(bytes: Uint8Array, encoding: Encoding, file: string): string {
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const at = lineColumnOfByte(bytes, bad);
      throw new DecodeError({
        file,
        path: 'encoding',
        ...at,
        message: `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} is not valid UTF-8: the file is in another encoding (Latin-1? ANSEL?); declare it`,
      });
    }
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  }
  if (encoding === 'latin1') return Buffer.from(bytes).toString('latin1');
  return decodeAnsel(bytes);
}

/** UTF-8 when the bytes are valid UTF-8 (Latin-1 text almost never is), else Latin-1. */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'latin1' {
  return isValidUtf8(bytes) ? 'utf-8' : 'latin1';
}
