/**
 * Reading a file to lint without ever throwing: a missing file, a
 * directory, a permission problem, bytes that are not UTF-8 or a NUL byte
 * each become one clear result the caller reports.
 */
import { readFileSync } from 'node:fs';
import { firstInvalidUtf8 } from '../rst/source.js';
import { describeFsError } from '../util/fs-errors.js';

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'not-utf8'; readonly offset: number; readonly byte: number }
  | { readonly kind: 'nul-byte'; readonly offset: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

const NUL = 0x00;

const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as the linter sees them; a byte order mark is kept as U+FEFF, as Python keeps it. */
export function decodeSpecBytes(bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(NUL);
  if (nul !== -1) return { kind: 'nul-byte', offset: nul };
  try {
    return { kind: 'text', text: DECODER.decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    return { kind: 'not-utf8', offset, byte: bytes[offset] ?? 0 };
  }
}

export function readSpecFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  }
  return decodeSpecBytes(bytes);
}

