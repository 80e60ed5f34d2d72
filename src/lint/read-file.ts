/**
 * Reading a file to lint without ever throwing: a missing file, a
 * directory, a permission problem, bytes that are not UTF-8 or a NUL byte
 * each become one clear result the caller reports.
 */
import { readFileSync } from 'node:fs';

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'not-utf8'; readonly offset: number; readonly byte: number }
  | { readonly kind: 'nul-byte'; readonly offset: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

const NUL = 0x00;

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let min: number;
    if (first >= 0xc2 && first <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (first >= 0xe0 && first <= 0xef) {
      needed = 2;
      min = 0x800;
    } else if (first >= 0xf0 && first <= 0xf4) {
      needed = 3;
      min = 0x10000;
    } else {
      return index;
    }
    let codePoint = first & (0x3f >> needed);
    for (let step = 1; step <= needed; step++) {
      const next = bytes[index + step];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += needed + 1;
  }
  return -1;
}

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

function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function readSpecFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'unreadable', reason: describeErrno(error) };
  }
  return decodeSpecBytes(bytes);
}

export { describeErrno };
