/**
 * Turning a file's bytes into source text, with the checks a user needs
 * (docutils would decode silently or fail with a traceback): the text must
 * be UTF-8 and must not contain NUL bytes; a UTF-8 byte order mark is
 * removed, as docutils' file input does (unless asked to keep it).
 */

import { isUtf8 } from 'node:buffer';

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The first byte offset where `bytes` stops being valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let minimum: number;
    let codePoint: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      needed = 1;
      minimum = 0x80;
      codePoint = byte & 0x1f;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      minimum = 0x800;
      codePoint = byte & 0x0f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      minimum = 0x10000;
      codePoint = byte & 0x07;
    } else {
      return index;
    }
    for (let offset = 1; offset <= needed; offset++) {
      const next = bytes[index + offset];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += needed + 1;
  }
  return -1;
}

export interface DecodeOptions {
  /**
   * Keep a leading UTF-8 byte order mark in the text, as a document read
   * with Python's 'utf-8' codec and published from that string keeps it
   * (docutils-oracle; docutils then sees U+FEFF as part of the first line).
   * Default: removed, as docutils' and Sphinx's file input remove it.
   */
  keepByteOrderMark?: boolean;
}

/** Decode a source file's bytes, or say in one line why it cannot be a reStructuredText document. */
export function decodeSource(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, problem: `contains a NUL byte at offset ${nul} (binary file?)` };
  }
  // isUtf8 is native; the byte-by-byte scan only runs to name the bad byte.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const byte = bytes[invalid]!.toString(16).padStart(2, '0');
    return { ok: false, problem: `is not valid UTF-8 (byte 0x${byte} at offset ${invalid})` };
  }
  let start = 0;
  if (!options.keepByteOrderMark && bytes.length >= 3 && UTF8_BOM.every((value, index) => bytes[index] === value)) start = 3;
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8') };
}
