/**
 * Lines of input with their origin (docutils.statemachine.ViewList and
 * StringList): every line remembers its source and its offset in that
 * source, and a slice stays linked to its parent so that inserting lines in
 * a nested block (the include directive) is seen by the enclosing parsers.
 */
import { codePointLength, isCombining, isWide, lstrip, rstrip, strip } from './python-text.js';

export type LineSource = string | null;

/** Python list indexing: negative indexes count from the end; undefined when out of range. */
function pyIndex(length: number, index: number): number | undefined {
  const at = index < 0 ? length + index : index;
  return at >= 0 && at < length ? at : undefined;
}

/** Python slice bounds for start/stop that may be negative or omitted. */
function sliceBound(length: number, index: number | undefined, fallback: number): number {
  if (index === undefined) return fallback;
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}

/** A line's code points and the indexes of those that are not combining characters (docutils' column_indices). */
interface LineColumns {
  chars: string[];
  columnIndexes: number[];
}

/**
 * Column indices of recently seen lines: a grid table asks for them once
 * per cell, and working them out from the whole line each time made wide
 * tables quadratic in their width (docutils too). null: a line without
 * combining characters or surrogates, whose code units are its columns.
 */
const lineColumnsCache = new Map<string, LineColumns | null>();
let lineColumnsCachedLength = 0;
const LINE_COLUMNS_CACHE_LIMIT = 1 << 20;

function lineColumns(line: string): LineColumns | null {
  const known = lineColumnsCache.get(line);
  if (known !== undefined) return known;
  let columns: LineColumns | null = null;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code >= 0x300 && ((code >= 0xd800 && code <= 0xdfff) || isCombining(code))) {
      const chars = Array.from(line);
      const columnIndexes: number[] = [];
      chars.forEach((char, at) => {
        if (!isCombining(char.codePointAt(0)!)) columnIndexes.push(at);
      });
      columns = { chars, columnIndexes };
      break;
    }
  }
  if (lineColumnsCachedLength + line.length > LINE_COLUMNS_CACHE_LIMIT) {
    lineColumnsCache.clear();
    lineColumnsCachedLength = 0;
  }
  lineColumnsCache.set(line, columns);
  lineColumnsCachedLength += line.length;
  return columns;
}

export class UnexpectedIndentationError extends Error {
  constructor(
    readonly block: StringList,
    readonly sourceName: LineSource,
    readonly lineNumber: number | null,
  ) {
    super('unexpected indentation');
  }
}

const NO_LINES: readonly string[] = [];

/** The arrays a StringList reads its lines from; several lists may share one. */
interface Store {
  data: string[];
  sources: LineSource[];
  offsets: (number | null)[];
  columns: number[];
  /** Set once a view shares these arrays: whoever changes them first copies them. */
  shared: boolean;
}

/**
 * Lines with their origin. A slice is a window on its parent's arrays until
 * either side changes its lines (copy on write): docutils copies on every
 * slice, and the parser slices the rest of the document for every nested
 * block, which made copying the main cost of parsing.
 */
export class StringList {
  private store: Store;
  /** The window [start, end) of `store` this list is. */
  private start: number;
  private end: number;
  parent: StringList | null;
  parentOffset: number;

  constructor(
    lines: readonly string[] = [],
    source: LineSource = null,
    items?: { sources: LineSource[]; offsets: (number | null)[]; columns?: number[] },
    parent: StringList | null = null,
    parentOffset = 0,
    /** Internal (slice): the window [start, end) of a store to share instead of new arrays. */
    view?: { store: Store; start: number; end: number },
  ) {
    // Views are made here too (not with Object.create): every list has the
    // same hidden class, so the parser's calls on lists stay monomorphic.
    if (view) {
      this.store = view.store;
      this.start = view.start;
      this.end = view.end;
    } else {
      this.store = {
        data: [...lines],
        sources: items ? items.sources : lines.map(() => source),
        offsets: items ? items.offsets : lines.map((_, index) => index),
        columns: items?.columns ?? lines.map(() => 0),
        shared: false,
      };
      this.start = 0;
      this.end = lines.length;
    }
    this.parent = parent;
    this.parentOffset = parentOffset;
  }

  /** Make this list the only user of whole arrays of its own, before changing them. */
  private own(): Store {
    const store = this.store;
    if (store.shared || this.start !== 0 || this.end !== store.data.length) {
      this.store = {
        data: store.data.slice(this.start, this.end),
        sources: store.sources.slice(this.start, this.end),
        offsets: store.offsets.slice(this.start, this.end),
        columns: store.columns.slice(this.start, this.end),
        shared: false,
      };
      this.start = 0;
      this.end = this.store.data.length;
    }
    return this.store;
  }

  /** The lines, for reading and changing (a shared window is copied first). */
  get data(): string[] {
    return this.own().data;
  }

  set data(lines: string[]) {
    const store = this.own();
    store.data = lines;
  }

  /** Each line's source, for reading and changing. */
  get sources(): LineSource[] {
    return this.own().sources;
  }

  /** Each line's offset in its source, for reading and changing. */
  get offsets(): (number | null)[] {
    return this.own().offsets;
  }

  /**
   * Column (in tab-expanded characters) of each line's first character in
   * its source line: indentation removed by nested blocks, so positions can
   * be mapped back to the source. Not part of docutils.
   */
  get columns(): number[] {
    return this.own().columns;
  }

  set columns(columns: number[]) {
    this.own().columns = columns;
  }

  get length(): number {
    return this.end - this.start;
  }

  /** Line `index` (0 ≤ index < length), without copying a shared window. */
  lineAt(index: number): string {
    return this.store.data[this.start + index]!;
  }

  /** Source of line `index` (0 ≤ index < length). */
  sourceAt(index: number): LineSource {
    return this.store.sources[this.start + index]!;
  }

  /** Source offset of line `index` (0 ≤ index < length). */
  offsetAt(index: number): number | null {
    return this.store.offsets[this.start + index]!;
  }

  /** Column of line `index` (0 ≤ index < length). */
  columnAt(index: number): number {
    return this.store.columns[this.start + index]!;
  }

  /** The lines as a new array (not linked to this list). */
  lines(): string[] {
    return this.store.data.slice(this.start, this.end);
  }

  /** The lines joined with newlines. */
  join(separator = '\n'): string {
    if (this.start === 0 && this.end === this.store.data.length) return this.store.data.join(separator);
    return this.lines().join(separator);
  }

  /** The line at index (Python indexing, so -1 is the last line). */
  get(index: number): string {
    const at = pyIndex(this.length, index);
    if (at === undefined) throw new RangeError('list index out of range');
    return this.lineAt(at);
  }

  /** Line at index or undefined when out of range (no negative wrap). */
  at(index: number): string | undefined {
    return index >= 0 && index < this.length ? this.lineAt(index) : undefined;
  }

  /** self[start:end]: a linked view (changes through insert/pop/set reach the parent). */
  slice(start?: number, end?: number): StringList {
    const length = this.length;
    const from = sliceBound(length, start, 0);
    const to = Math.max(from, sliceBound(length, end, length));
    this.store.shared = true;
    return new StringList(NO_LINES, null, undefined, this, start ?? 0, {
      store: this.store,
      start: this.start + from,
      end: this.start + to,
    });
  }

  /** A detached copy. */
  copy(): StringList {
    return new StringList(this.lines(), null, {
      sources: this.store.sources.slice(this.start, this.end),
      offsets: this.store.offsets.slice(this.start, this.end),
      columns: this.store.columns.slice(this.start, this.end),
    });
  }

  set(index: number, line: string): void {
    const at = pyIndex(this.length, index);
    if (at === undefined) throw new RangeError('list assignment index out of range');
    this.own().data[at] = line;
    if (this.parent) this.parent.set(at + this.parentOffset, line);
  }

  /** Python `self[start:end] = other`. */
  setSlice(start: number | undefined, end: number | undefined, other: StringList): void {
    const length = this.length;
    const from = sliceBound(length, start, 0);
    const to = Math.max(from, sliceBound(length, end, length));
    const store = this.own();
    store.data.splice(from, to - from, ...other.lines());
    store.sources.splice(from, to - from, ...other.sources);
    store.offsets.splice(from, to - from, ...other.offsets);
    store.columns.splice(from, to - from, ...other.columns);
    this.end = store.data.length;
    if (this.parent) {
      const k = (start ?? 0) + this.parentOffset;
      const n = (end ?? this.length) + this.parentOffset;
      this.parent.setSlice(k, n, other);
    }
  }

  deleteAt(index: number): void {
    const at = pyIndex(this.length, index);
    if (at === undefined) throw new RangeError('list assignment index out of range');
    const store = this.own();
    store.data.splice(at, 1);
    store.sources.splice(at, 1);
    store.offsets.splice(at, 1);
    store.columns.splice(at, 1);
    this.end = store.data.length;
    if (this.parent) this.parent.deleteAt(index + this.parentOffset);
  }

  /** Python `del self[start:end]`. */
  deleteRange(start: number, end?: number): void {
    const length = this.length;
    const from = sliceBound(length, start, 0);
    const to = Math.max(from, sliceBound(length, end, length));
    const store = this.own();
    store.data.splice(from, to - from);
    store.sources.splice(from, to - from);
    store.offsets.splice(from, to - from);
    store.columns.splice(from, to - from);
    this.end = store.data.length;
    if (this.parent) {
      const k = start + this.parentOffset;
      const n = (end ?? length) + this.parentOffset;
      this.parent.deleteRange(k, n);
    }
  }

  extend(other: StringList): void {
    if (this.parent) this.parent.insertList(this.length + this.parentOffset, other);
    const store = this.own();
    store.data.push(...other.lines());
    store.sources.push(...other.sources);
    store.offsets.push(...other.offsets);
    store.columns.push(...other.columns);
    this.end = store.data.length;
  }

  append(line: string, source: LineSource, offset: number | null = 0): void {
    if (this.parent) this.parent.insertLine(this.length + this.parentOffset, line, source, offset);
    const store = this.own();
    store.data.push(line);
    store.sources.push(source);
    store.offsets.push(offset);
    store.columns.push(0);
    this.end = store.data.length;
  }

  insertList(index: number, other: StringList): void {
    const at = sliceBound(this.length, index, 0);
    const store = this.own();
    store.data.splice(at, 0, ...other.lines());
    store.sources.splice(at, 0, ...other.sources);
    store.offsets.splice(at, 0, ...other.offsets);
    store.columns.splice(at, 0, ...other.columns);
    this.end = store.data.length;
    if (this.parent) {
      const wrapped = (this.length + index) % this.length;
      this.parent.insertList(wrapped + this.parentOffset, other);
    }
  }

  insertLine(index: number, line: string, source: LineSource, offset: number | null): void {
    const at = sliceBound(this.length, index, 0);
    const store = this.own();
    store.data.splice(at, 0, line);
    store.sources.splice(at, 0, source);
    store.offsets.splice(at, 0, offset);
    store.columns.splice(at, 0, 0);
    this.end = store.data.length;
    if (this.parent) {
      const wrapped = (this.length + index) % this.length;
      this.parent.insertLine(wrapped + this.parentOffset, line, source, offset);
    }
  }

  pop(index = -1): string {
    if (this.parent) {
      const wrapped = (this.length + index) % this.length;
      this.parent.pop(wrapped + this.parentOffset);
    }
    const at = pyIndex(this.length, index);
    if (at === undefined) throw new RangeError('pop index out of range');
    const store = this.own();
    store.sources.splice(at, 1);
    store.offsets.splice(at, 1);
    store.columns.splice(at, 1);
    const [line] = store.data.splice(at, 1);
    this.end = store.data.length;
    return line!;
  }

  trimStart(count = 1): void {
    if (count > this.length) {
      throw new RangeError(`Size of trim too large; can't trim ${count} items from a list of size ${this.length}.`);
    }
    // Only the window moves: the lines themselves do not change.
    this.start += count;
    if (this.parent) this.parentOffset += count;
  }

  trimEnd(count = 1): void {
    if (count > this.length) {
      throw new RangeError(`Size of trim too large; can't trim ${count} items from a list of size ${this.length}.`);
    }
    // Python's del data[-0:] deletes everything.
    this.end = count === 0 ? this.start : this.end - count;
  }

  disconnect(): void {
    this.parent = null;
  }

  /** Like info(), but undefined instead of an exception when out of range. */
  infoOrUndefined(index: number): [LineSource, number | null] | undefined {
    const length = this.length;
    const at = index < 0 ? length + index : index;
    if (at >= 0 && at < length) return [this.sourceAt(at), this.offsetAt(at)];
    if (index === length && index > 0) return [this.sourceAt(index - 1), null];
    return undefined;
  }

  /** (source, offset) of line `index`; one past the end gives (last source, null). */
  info(index: number): [LineSource, number | null] {
    const found = this.infoOrUndefined(index);
    if (!found) throw new RangeError('list index out of range');
    return found;
  }

  source(index: number): LineSource {
    return this.info(index)[0];
  }

  offset(index: number): number | null {
    return this.info(index)[1];
  }

  // ---- StringList ---------------------------------------------------------

  /** Remove `length` characters (indentation, so code units equal code points) from lines [start, end). */
  trimLeft(length: number, start = 0, end = Infinity): void {
    const store = this.own();
    const stop = Math.min(end, store.data.length);
    for (let index = start; index < stop; index++) {
      const line = store.data[index]!;
      store.data[index] = line.slice(length);
      store.columns[index] = store.columns[index]! + Math.min(length, line.length);
    }
  }

  /** docutils StringList.get_text_block. */
  getTextBlock(start: number, flushLeft = false): StringList {
    let end = start;
    const last = this.length;
    while (end < last) {
      const line = this.lineAt(end);
      if (!strip(line)) break;
      if (flushLeft && line[0] === ' ') {
        const [source, offset] = this.info(end);
        throw new UnexpectedIndentationError(this.slice(start, end), source, offset === null ? null : offset + 1);
      }
      end++;
    }
    return this.slice(start, end);
  }

  /** docutils StringList.get_indented: [block, indent, blankFinish]. */
  getIndented(
    start = 0,
    untilBlank = false,
    stripIndent = true,
    blockIndent: number | null = null,
    firstIndentIn: number | null = null,
  ): [StringList, number, boolean] {
    let indent = blockIndent;
    let end = start;
    let firstIndent = firstIndentIn;
    if (blockIndent !== null && firstIndent === null) firstIndent = blockIndent;
    if (firstIndent !== null) end++;
    const last = this.length;
    let blankFinish = true;
    while (end < last) {
      const line = this.lineAt(end);
      if (line && (line[0] !== ' ' || (blockIndent !== null && strip(line.slice(0, blockIndent))))) {
        blankFinish = end > start && !strip(this.lineAt(end - 1));
        break;
      }
      const stripped = lstrip(line);
      if (!stripped) {
        if (untilBlank) {
          blankFinish = true;
          break;
        }
      } else if (blockIndent === null) {
        const lineIndent = line.length - stripped.length;
        indent = indent === null ? lineIndent : Math.min(indent, lineIndent);
      }
      end++;
    }
    const block = this.slice(start, end);
    if (firstIndent !== null && block.length > 0) {
      const store = block.own();
      const first = store.data[0]!;
      store.data[0] = first.slice(firstIndent);
      store.columns[0] = store.columns[0]! + Math.min(firstIndent, first.length);
    }
    if (indent && stripIndent) block.trimLeft(indent, firstIndent !== null ? 1 : 0);
    return [block, indent ?? 0, blankFinish];
  }

  /** docutils StringList.get_2D_block (used by the grid table parser). */
  get2DBlock(top: number, leftIn: number, bottom: number, rightIn: number, stripIndent = true): StringList {
    const block = this.slice(top, bottom);
    let left = leftIn;
    let right = rightIn;
    let indent = rightIn;
    for (let index = 0; index < block.data.length; index++) {
      const text = block.data[index]!;
      const columns = lineColumns(text);
      let line: string;
      if (columns === null) {
        // Every code unit is a column: the mapping below is the identity.
        line = rstrip(text.slice(left, right));
      } else {
        const { chars, columnIndexes } = columns;
        const combiningCount = chars.length - columnIndexes.length;
        left = left < columnIndexes.length ? columnIndexes[left]! : left + combiningCount;
        right = right < columnIndexes.length ? columnIndexes[right]! : right + combiningCount;
        line = rstrip(chars.slice(left, right).join(''));
      }
      block.data[index] = line;
      block.columns[index] = block.columns[index]! + left;
      if (line) indent = Math.min(indent, codePointLength(line) - codePointLength(lstrip(line)));
    }
    if (stripIndent && indent > 0 && indent < right) {
      block.data = block.data.map((line) => sliceCodePoints(line, indent));
      block.columns = block.columns.map((column) => column + indent);
    }
    return block;
  }

  /** docutils StringList.pad_double_width: follow every wide character with `padChar`. */
  padDoubleWidth(padChar: string): void {
    const data = this.data;
    for (let index = 0; index < data.length; index++) {
      const line = data[index]!;
      let out = '';
      let changed = false;
      for (const char of line) {
        out += char;
        if (isWide(char.codePointAt(0)!)) {
          out += padChar;
          changed = true;
        }
      }
      if (changed) data[index] = out;
    }
  }

  replaceAll(old: string, replacement: string): void {
    const data = this.data;
    for (let index = 0; index < data.length; index++) data[index] = data[index]!.split(old).join(replacement);
  }
}

/** text[count:] counting code points (Python slicing). */
export function sliceCodePoints(text: string, count: number): string {
  if (count <= 0) return text;
  let index = 0;
  let remaining = count;
  while (remaining > 0 && index < text.length) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    remaining--;
  }
  return text.slice(index);
}
