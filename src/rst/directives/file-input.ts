/**
 * Reading the files directives insert (include, raw :file:, csv-table
 * :file:) the way docutils.io.FileInput does, with two additions docutils
 * lacks: a file outside `settings.root` is refused as if it did not exist,
 * and nothing is ever fetched from the network.
 *
 * Errors carry the text docutils prints: OSError as
 * "[Errno 2] No such file or directory: 'path'" (with `InputError: ` in
 * front where docutils formats it with io.error_string), decoding errors as
 * Python's UnicodeDecodeError messages.
 */
import { readFileSync, realpathSync } from 'node:fs';
import * as posixPath from 'node:path/posix';
import { pyReprString, splitlines } from '../python-text.js';
import type { Settings } from '../document.js';
import { lookupPythonCodec } from './options.js';

/** The operating-system error docutils would report (errno, strerror, filename). */
export class InputError extends Error {
  constructor(
    readonly errno: number,
    readonly strerror: string,
    readonly filename: string,
  ) {
    super(`[Errno ${errno}] ${strerror}: ${pyReprString(filename)}`);
  }

  /** docutils.io.error_string: "InputError: [Errno 2] ...". */
  errorString(): string {
    return `InputError: ${this.message}`;
  }
}

/** A decoding failure, worded as Python's exception. */
export class InputDecodeError extends Error {
  constructor(
    message: string,
    /** Python's exception class name. */
    readonly pythonType: 'UnicodeDecodeError' | 'UnicodeError' | 'LookupError' = 'UnicodeDecodeError',
  ) {
    super(message);
  }

  errorString(): string {
    return `${this.pythonType}: ${this.message}`;
  }
}

const NODE_ERRNO: Readonly<Record<string, [number, string]>> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  EMFILE: [24, 'Too many open files'],
  EIO: [5, 'Input/output error'],
};

const NO_SUCH_FILE = NODE_ERRNO['ENOENT']!;

function toInputError(error: unknown, filename: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const [errno, strerror] = (code && NODE_ERRNO[code]) || [5, 'Input/output error'];
  return new InputError(errno, strerror, filename);
}

/** os.path.abspath for POSIX paths, relative to the process's working directory. */
export function absolutePath(path: string): string {
  return posixPath.resolve(process.cwd(), path);
}

/** os.path.dirname(os.path.abspath(source)). */
export function sourceDirectory(source: string | null): string {
  return posixPath.dirname(absolutePath(source ?? ''));
}

/** docutils.utils.relative_path(None, target): `target` relative to the working directory. */
export function relativeToWorkingDirectory(target: string): string {
  const sourceParts = absolutePath('dummy_file').split('/');
  const targetParts = absolutePath(target).split('/');
  if (sourceParts[0] !== targetParts[0] || sourceParts[1] !== targetParts[1]) return targetParts.join('/');
  let common = 0;
  while (common < sourceParts.length && common < targetParts.length && sourceParts[common] === targetParts[common]) {
    common++;
  }
  const up: string[] = new Array(Math.max(0, sourceParts.length - common - 1)).fill('..');
  return [...up, ...targetParts.slice(common)].join('/');
}

/**
 * Where an include/raw path points: relative to `baseDirectory`, or under
 * `settings.rootPrefix` when it starts with "/" (docutils' root_prefix
 * setting); returned relative to the working directory, as docutils prints it.
 */
export function resolveInsertionPath(path: string, baseDirectory: string, settings: Settings): string {
  let base = baseDirectory;
  let rest = path;
  if (path.startsWith('/') && settings.rootPrefix && settings.rootPrefix !== '/') {
    base = absolutePath(settings.rootPrefix);
    rest = path.slice(1);
  }
  // os.path.join: an absolute second part replaces the base.
  return relativeToWorkingDirectory(posixPath.resolve(base, rest));
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith('/') ? root : root + '/');
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** True when `path` (relative to the working directory) stays under `settings.root`, links resolved. */
export function isUnderRoot(path: string, settings: Settings): boolean {
  const root = absolutePath(settings.root);
  const target = absolutePath(path);
  if (!isInside(root, target)) return false;
  return isInside(realRoot(root), realOrSelf(target));
}

/** The root's real path, looked up once per root (a run checks many paths against one root). */
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realOrSelf(root);
    if (realRoots.size > 64) realRoots.clear();
    realRoots.set(root, real);
  }
  return real;
}

const realRoots = new Map<string, string>();

/** Reads a file's bytes; a path outside the root reads as a missing file. */
export function readInputBytes(path: string, settings: Settings): Uint8Array {
  if (!isUnderRoot(path, settings)) throw new InputError(NO_SUCH_FILE[0], NO_SUCH_FILE[1], path);
  try {
    return readFileSync(absolutePath(path));
  } catch (error) {
    throw toInputError(error, path);
  }
}

/**
 * FileInput(...).read(): the decoded text with every line break (as Python's
 * splitlines sees them) turned into "\n" and a final "\n" added.
 */
export function readInputFile(path: string, settings: Settings, encodingName: string | null = null): string {
  const bytes = readInputBytes(path, settings);
  return normalizeNewlines(decodeBytes(bytes, encodingName ?? 'utf-8'));
}

/** '\n'.join(data.splitlines() + ['']). */
export function normalizeNewlines(text: string): string {
  return [...splitlines(text), ''].join('\n');
}

// ---- decoding --------------------------------------------------------------

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** WHATWG decoder labels for Python codecs that TextDecoder implements the same way. */
const WHATWG_LABELS: Readonly<Record<string, string>> = {
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1253: 'windows-1253',
  cp1254: 'windows-1254',
  cp1255: 'windows-1255',
  cp1256: 'windows-1256',
  cp1257: 'windows-1257',
  cp1258: 'windows-1258',
  cp866: 'ibm866',
  cp874: 'windows-874',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-u',
  'mac-roman': 'macintosh',
  'mac-cyrillic': 'x-mac-cyrillic',
  'iso8859-2': 'iso-8859-2',
  'iso8859-3': 'iso-8859-3',
  'iso8859-4': 'iso-8859-4',
  'iso8859-5': 'iso-8859-5',
  'iso8859-6': 'iso-8859-6',
  'iso8859-7': 'iso-8859-7',
  'iso8859-8': 'iso-8859-8',
  'iso8859-10': 'iso-8859-10',
  'iso8859-13': 'iso-8859-13',
  'iso8859-14': 'iso-8859-14',
  'iso8859-15': 'iso-8859-15',
  'iso8859-16': 'iso-8859-16',
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  euc_jp: 'euc-jp',
  iso2022_jp: 'iso-2022-jp',
  euc_kr: 'euc-kr',
  cp949: 'euc-kr',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  cp950: 'big5',
};

/** Decodes like Python's `bytes.decode(codec, 'strict')` for the codecs docutils users pick. */
export function decodeBytes(bytes: Uint8Array, encodingName: string): string {
  const codec = lookupPythonCodec(encodingName);
  if (codec === null) throw new InputDecodeError(`unknown encoding: ${encodingName}`, 'LookupError');
  switch (codec) {
    case 'utf-8':
      return decodeUtf8(bytes, 0);
    case 'utf-8-sig':
      return UTF8_BOM.every((byte, index) => bytes[index] === byte) ? decodeUtf8(bytes.subarray(3), 0) : decodeUtf8(bytes, 0);
    case 'ascii':
      return decodeAscii(bytes);
    case 'iso8859-1':
      return decodeLatin1(bytes);
    case 'cp1252':
      return decodeCp1252(bytes);
    case 'utf-16':
    case 'utf-32':
      return decodeWithByteOrderMark(bytes, codec === 'utf-16' ? 2 : 4);
    case 'utf-16-le':
    case 'utf-16-be':
      return decodeUtf16(bytes, 0, codec === 'utf-16-le');
    case 'utf-32-le':
    case 'utf-32-be':
      return decodeUtf32(bytes, 0, codec === 'utf-32-le');
    default: {
      const label = WHATWG_LABELS[codec];
      if (label) return decodeWhatwg(bytes, codec, label);
      throw new InputDecodeError(`${pyReprString(codec)} is not supported by this reader`, 'LookupError');
    }
  }
}

function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 8192) {
    out += String.fromCharCode(...bytes.subarray(index, index + 8192));
  }
  return out;
}

/** Python's cp1252 above 0x7f from 0x80 to 0x9f ('' = undefined); 0xa0 and up equal Latin-1. */
const CP1252_HIGH = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** cp1252 by hand: Node's TextDecoder reads "windows-1252" as Latin-1. */
function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte < 0x80 || byte > 0x9f) {
      out += String.fromCharCode(byte);
      continue;
    }
    if (CP1252_UNDEFINED.has(byte)) {
      throw new InputDecodeError(
        `'charmap' codec can't decode byte 0x${hex2(byte)} in position ${index}: character maps to <undefined>`,
      );
    }
    let offset = byte - 0x80;
    for (const undefinedByte of CP1252_UNDEFINED) if (undefinedByte < byte) offset--;
    out += CP1252_HIGH[offset]!;
  }
  return out;
}

function decodeAscii(bytes: Uint8Array): string {
  const bad = bytes.findIndex((byte) => byte > 0x7f);
  if (bad >= 0) {
    throw new InputDecodeError(
      `'ascii' codec can't decode byte 0x${hex2(bytes[bad]!)} in position ${bad}: ordinal not in range(128)`,
    );
  }
  return decodeLatin1(bytes);
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/**
 * 'utf-16' and 'utf-32' as docutils reads an included file: a text stream
 * read whole, whose incremental decoder takes the byte order from a leading
 * byte order mark. Without one it decodes little-endian (so its errors come
 * first) and then refuses the stream ("UTF-16 stream does not start with
 * BOM") once it has decoded a code unit.
 */
function decodeWithByteOrderMark(bytes: Uint8Array, unit: 2 | 4): string {
  const decode = unit === 2 ? decodeUtf16 : decodeUtf32;
  const littleMark = unit === 2 ? [0xff, 0xfe] : [0xff, 0xfe, 0x00, 0x00];
  const bigMark = unit === 2 ? [0xfe, 0xff] : [0x00, 0x00, 0xfe, 0xff];
  if (bytes.length >= unit && littleMark.every((byte, index) => bytes[index] === byte)) return decode(bytes, unit, true);
  if (bytes.length >= unit && bigMark.every((byte, index) => bytes[index] === byte)) return decode(bytes, unit, false);
  const text = decode(bytes, 0, true);
  if (bytes.length >= unit) throw new InputDecodeError(`UTF-${unit * 8} stream does not start with BOM`, 'UnicodeError');
  return text;
}

/** CPython's "can't decode byte(s) in position ..." error of a fixed-width codec. */
function unitError(codec: string, bytes: Uint8Array, start: number, end: number, reason: string): InputDecodeError {
  const where = end - start === 1 ? `byte 0x${hex2(bytes[start]!)} in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return new InputDecodeError(`'${codec}' codec can't decode ${where}: ${reason}`);
}

/** Strict UTF-16 from byte `from` on, with CPython's error reasons and positions (in the whole input). */
function decodeUtf16(bytes: Uint8Array, from: number, little: boolean): string {
  const codec = little ? 'utf-16-le' : 'utf-16-be';
  const length = bytes.length;
  const unitAt = (index: number): number => (little ? bytes[index]! | (bytes[index + 1]! << 8) : (bytes[index]! << 8) | bytes[index + 1]!);
  // Validate here (TextDecoder's fatal mode names no position), then decode natively.
  let index = from;
  for (; index + 1 < length; index += 2) {
    const unit = unitAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (index + 3 >= length) throw unitError(codec, bytes, index, length, 'unexpected end of data');
      const next = unitAt(index + 2);
      if (next < 0xdc00 || next > 0xdfff) throw unitError(codec, bytes, index, index + 2, 'illegal UTF-16 surrogate');
      index += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw unitError(codec, bytes, index, index + 2, 'illegal encoding');
    }
  }
  if (index < length) throw unitError(codec, bytes, index, length, 'truncated data');
  return new TextDecoder(little ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes.subarray(from));
}

/** Strict UTF-32 from byte `from` on, with CPython's error reasons and positions. */
function decodeUtf32(bytes: Uint8Array, from: number, little: boolean): string {
  const codec = little ? 'utf-32-le' : 'utf-32-be';
  const length = bytes.length;
  const codePoints: number[] = [];
  let out = '';
  let index = from;
  for (; index + 3 < length; index += 4) {
    const codePoint = little
      ? (bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24)) >>> 0
      : ((bytes[index]! << 24) | (bytes[index + 1]! << 16) | (bytes[index + 2]! << 8) | bytes[index + 3]!) >>> 0;
    if (codePoint > 0x10ffff) throw unitError(codec, bytes, index, index + 4, 'code point not in range(0x110000)');
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw unitError(codec, bytes, index, index + 4, 'code point in surrogate code point range(0xd800, 0xe000)');
    }
    codePoints.push(codePoint);
    if (codePoints.length >= 8192) {
      out += String.fromCodePoint(...codePoints);
      codePoints.length = 0;
    }
  }
  if (index < length) throw unitError(codec, bytes, index, length, 'truncated data');
  return out + String.fromCodePoint(...codePoints);
}

function decodeWhatwg(bytes: Uint8Array, codec: string, label: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputDecodeError(`${pyReprString(codec)} codec can't decode the input`);
  }
}

/** Strict UTF-8 with CPython's error positions and reasons. */
function decodeUtf8(bytes: Uint8Array, offset: number): string {
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) need = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f;
    } else {
      throw utf8Error(bytes, index, index + 1, 'invalid start byte', offset);
    }
    for (let step = 1; step <= need; step++) {
      const position = index + step;
      if (position >= length) throw utf8Error(bytes, index, position, 'unexpected end of data', offset);
      const next = bytes[position]!;
      const min = step === 1 ? low : 0x80;
      const max = step === 1 ? high : 0xbf;
      if (next < min || next > max) throw utf8Error(bytes, index, position, 'invalid continuation byte', offset);
    }
    index += need + 1;
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function utf8Error(bytes: Uint8Array, start: number, end: number, reason: string, offset: number): InputDecodeError {
  const where =
    end - start === 1
      ? `byte 0x${hex2(bytes[start]!)} in position ${start + offset}`
      : `bytes in position ${start + offset}-${end - 1 + offset}`;
  return new InputDecodeError(`'utf-8' codec can't decode ${where}: ${reason}`);
}
