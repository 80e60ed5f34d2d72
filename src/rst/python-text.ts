/**
 * String operations with CPython's semantics.
 *
 * docutils runs on CPython, whose strings are sequences of code points and
 * whose notion of whitespace, word characters and line breaks differs from
 * JavaScript's. Wherever docutils' output depends on one of those notions,
 * the engine calls the function here, never the JavaScript built-in.
 */
import {
  COMBINING_RANGES,
  PYTHON_DIGIT_RANGES,
  PYTHON_SPACE_RANGES,
  PYTHON_WORD_RANGES,
  WIDE_RANGES,
} from './unicode-data.js';

function inRanges(ranges: readonly number[], codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const first = ranges[middle * 2]!;
    const last = ranges[middle * 2 + 1]!;
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

function classFromRanges(ranges: readonly number[]): string {
  const parts: string[] = [];
  for (let index = 0; index < ranges.length; index += 2) {
    const first = ranges[index]!;
    const last = ranges[index + 1]!;
    parts.push(
      first === last
        ? `\\u{${first.toString(16)}}`
        : `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`,
    );
  }
  return parts.join('');
}

/** Body of a regular-expression character class (use inside `[...]` with the `u` flag) matching Python's `\s`. */
export const PY_SPACE = classFromRanges(PYTHON_SPACE_RANGES);
/** Body of a character class matching Python's `\w` on str patterns. */
export const PY_WORD = classFromRanges(PYTHON_WORD_RANGES);
/** Body of a character class matching Python's `\d` on str patterns. */
export const PY_DIGIT = classFromRanges(PYTHON_DIGIT_RANGES);

/** Python's `str.isspace()` for one code point. */
export function isPythonSpace(codePoint: number): boolean {
  if (codePoint === 0x20) return true;
  if (codePoint < 0x09) return false;
  if (codePoint <= 0x0d) return true;
  if (codePoint < 0x1c) return false;
  return inRanges(PYTHON_SPACE_RANGES, codePoint);
}

/** `unicodedata.combining(ch) != 0`. */
export function isCombining(codePoint: number): boolean {
  return codePoint >= 0x300 && inRanges(COMBINING_RANGES, codePoint);
}

/** East Asian width W or F. */
export function isWide(codePoint: number): boolean {
  return codePoint >= 0x1100 && inRanges(WIDE_RANGES, codePoint);
}

/** True when every character of `text` is whitespace and there is at least one (Python's `isspace`). */
export function isSpaceString(text: string): boolean {
  if (text.length === 0) return false;
  for (const char of text) if (!isPythonSpace(char.codePointAt(0)!)) return false;
  return true;
}

function stripSet(chars: string | undefined): (codePoint: number) => boolean {
  if (chars === undefined) return isPythonSpace;
  const set = new Set<number>();
  for (const char of chars) set.add(char.codePointAt(0)!);
  return (codePoint) => set.has(codePoint);
}

/** Python's `str.lstrip([chars])`. */
export function lstrip(text: string, chars?: string): string {
  const test = stripSet(chars);
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index)!;
    if (!test(codePoint)) break;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return index === 0 ? text : text.slice(index);
}

/** Python's `str.rstrip([chars])`. */
export function rstrip(text: string, chars?: string): string {
  const test = stripSet(chars);
  let end = text.length;
  while (end > 0) {
    let codePoint = text.charCodeAt(end - 1);
    let width = 1;
    if (codePoint >= 0xdc00 && codePoint <= 0xdfff && end >= 2) {
      const high = text.charCodeAt(end - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        codePoint = (high - 0xd800) * 0x400 + (codePoint - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (!test(codePoint)) break;
    end -= width;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Python's `str.strip([chars])`. */
export function strip(text: string, chars?: string): string {
  return lstrip(rstrip(text, chars), chars);
}

/** Python's `str.split()` without arguments: split on runs of whitespace, no empty strings. */
export function splitWhitespace(text: string, maxsplit = -1): string[] {
  const result: string[] = [];
  let index = 0;
  const length = text.length;
  while (index < length) {
    while (index < length && isPythonSpace(text.codePointAt(index)!)) index++;
    if (index >= length) break;
    if (maxsplit >= 0 && result.length === maxsplit) {
      // Python keeps the remainder as is, trailing whitespace included.
      result.push(text.slice(index));
      return result;
    }
    const start = index;
    while (index < length && !isPythonSpace(text.codePointAt(index)!)) index++;
    result.push(text.slice(start, index));
  }
  return result;
}

const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);

/** True for characters Python's `str.splitlines()` breaks on. */
export function isLineBreak(codeUnit: number): boolean {
  return LINE_BREAKS.has(codeUnit);
}

const LINE_BREAK_PATTERN = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/;

/** Python's `str.splitlines(keepends)`. */
export function splitlines(text: string, keepends = false): string[] {
  if (!keepends) {
    if (text === '') return [];
    const lines = text.split(LINE_BREAK_PATTERN);
    // A final line break does not start another line.
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  const lines: string[] = [];
  let start = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (LINE_BREAKS.has(code)) {
      let end = index + 1;
      if (code === 0x0d && text.charCodeAt(end) === 0x0a) end++;
      lines.push(text.slice(start, keepends ? end : index));
      start = end;
      index = end;
    } else {
      index++;
    }
  }
  if (start < length) lines.push(text.slice(start));
  return lines;
}

/** Python's `str.expandtabs(tabsize)`: columns count code points and restart after `\n` and `\r`. */
export function expandTabs(text: string, tabsize = 8): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const char of text) {
    if (char === '\t') {
      if (tabsize > 0) {
        const spaces = tabsize - (column % tabsize);
        out += ' '.repeat(spaces);
        column += spaces;
      }
    } else {
      out += char;
      column = char === '\n' || char === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

/** Number of code points (Python's `len()`). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff || index === 0) {
      count++;
    } else {
      const previous = text.charCodeAt(index - 1);
      if (previous < 0xd800 || previous > 0xdbff) count++;
    }
  }
  return count;
}

/** docutils.utils.column_width: East Asian wide characters count 2, combining characters 0. */
export function columnWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    width += isWide(codePoint) ? 2 : 1;
    if (isCombining(codePoint)) width -= 1;
  }
  return width;
}

/** Python's `str.isalnum()` style word test for one code point (regex `\w`). */
export function isWordChar(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x30 && codePoint <= 0x39) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      codePoint === 0x5f
    );
  }
  return inRanges(PYTHON_WORD_RANGES, codePoint);
}

/** Python's `str.isdigit()`-like test used by docutils (`str.isdigit`). */
export function isAsciiDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

/** Python's `repr()` of a str. */
export function pyReprString(text: string): string {
  return quotedRepr(text, '', (codePoint) => codePoint >= 0x80 && !isPrintable(codePoint));
}

/** Python's `repr()` of a bytes value, given as a string of code points below 256. */
export function pyReprBytes(bytes: string): string {
  return quotedRepr(bytes, 'b', (codePoint) => codePoint >= 0x80);
}

/** repr()'s quoting and escapes; `escaped` tells which code points from 0x80 up are written as escapes. */
function quotedRepr(text: string, prefix: string, escaped: (codePoint: number) => boolean): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = prefix + quote;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (char === quote || char === '\\') out += '\\' + char;
    else if (char === '\t') out += '\\t';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (codePoint < 0x20 || codePoint === 0x7f) out += '\\x' + codePoint.toString(16).padStart(2, '0');
    else if (escaped(codePoint)) {
      if (codePoint <= 0xff) out += '\\x' + codePoint.toString(16).padStart(2, '0');
      else if (codePoint <= 0xffff) out += '\\u' + codePoint.toString(16).padStart(4, '0');
      else out += '\\U' + codePoint.toString(16).padStart(8, '0');
    } else out += char;
  }
  return out + quote;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function isPrintable(codePoint: number): boolean {
  if (codePoint === 0x20) return true;
  return !NON_PRINTABLE.test(String.fromCodePoint(codePoint));
}

/** A value Python would print with `repr()`: strings, numbers, booleans, None, lists and dicts. */
export type PyValue = string | number | boolean | null | undefined | PyValue[] | { [key: string]: PyValue };

/** Python's `repr()` for the plain data values docutils prints in pending nodes. */
export function pyRepr(value: PyValue): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pyReprString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
  const entries = Object.entries(value);
  return '{' + entries.map(([key, item]) => `${pyReprString(key)}: ${pyRepr(item)}`).join(', ') + '}';
}

function pyFloat(value: number): string {
  const text = String(value);
  return text.includes('.') || text.includes('e') ? text : text + '.0';
}
