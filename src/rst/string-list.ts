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

export class UnexpectedIndentationError extends Error {
  constructor(
    readonly block: StringList,
    readonly sourceName: LineSource,
    readonly lineNumber: number | null,
  ) {
    super('unexpected indentation');
  }
}

export class StringList {
  data: string[];
  sources: LineSource[];
  offsets: (number | null)[];
  /**
   * Column (in tab-expanded characters) of each line's first character in
   * its source line: indentation removed by nested blocks, so positions can
   * be mapped back to the source. Not part of docutils.
   */
  columns: number[];
  parent: StringList | null;
  parentOffset: number;

  constructor(
    lines: readonly string[] = [],
    source: LineSource = null,
    items?: { sources: LineSource[]; offsets: (number | null)[]; columns?: number[] },
    parent: StringList | null = null,
    parentOffset = 0,
  ) {
    this.data = [...lines];
    if (items) {
      this.sources = items.sources;
      this.offsets = items.offsets;
      this.columns = items.columns ?? lines.map(() => 0);
    } else {
      this.sources = lines.map(() => source);
      this.offsets = lines.map((_, index) => index);
      this.columns = lines.map(() => 0);
    }
    this.parent = parent;
    this.parentOffset = parentOffset;
  }

  get length(): number {
    return this.data.length;
  }

  /** The line at index (Python indexing, so -1 is the last line). */
  get(index: number): string {
    const at = pyIndex(this.data.length, index);
    if (at === undefined) throw new RangeError('list index out of range');
    return this.data[at]!;
  }

  /** Line at index or undefined when out of range (no negative wrap). */
  at(index: number): string | undefined {
    return index >= 0 ? this.data[index] : undefined;
  }

  /** self[start:end]: a linked view (changes through insert/pop/set reach the parent). */
  slice(start?: number, end?: number): StringList {
    const length = this.data.length;
    const from = sliceBound(length, start, 0);
    const to = Math.max(from, sliceBound(length, end, length));
    return new StringList(
      this.data.slice(from, to),
      null,
      { sources: this.sources.slice(from, to), offsets: this.offsets.slice(from, to), columns: this.columns.slice(from, to) },
      this,
      start ?? 0,
    );
  }

  /** A detached copy. */
  copy(): StringList {
    return new StringList(this.data, null, {
      sources: [...this.sources],
      offsets: [...this.offsets],
      columns: [...this.columns],
    });
  }

  set(index: number, line: string): void {
    const at = pyIndex(this.data.length, index);
    if (at === undefined) throw new RangeError('list assignment index out of range');
    this.data[at] = line;
    if (this.parent) this.parent.set(at + this.parentOffset, line);
  }

  /** Python `self[start:end] = other`. */
  setSlice(start: number | undefined, end: number | undefined, other: StringList): void {
    const length = this.data.length;
    const from = sliceBound(length, start, 0);
    const to = Math.max(from, sliceBound(length, end, length));
    this.data.splice(from, to - from, ...other.data);
    this.sources.splice(from, to - from, ...other.sources);
    this.offsets.splice(from, to - from, ...other.offsets);
    this.columns.splice(from, to - from, ...other.columns);
    if (this.parent) {
      const k = (start ?? 0) + this.parentOffset;
      const n = (end ?? this.data.length) + this.parentOffset;
      this.parent.setSlice(k, n, other);
    }
  }

  deleteAt(index: number): void {
    const at = pyIndex(this.data.length, index);
    if (at === undefined) throw new RangeError('list assignment index out of range');
    this.data.splice(at, 1);
    this.sources.splice(at, 1);
    this.offsets.splice(at, 1);
    this.columns.splice(at, 1);
    if (this.parent) this.parent.deleteAt(index + this.parentOffset);
  }

  /** Python `del self[start:end]`. */
  deleteRange(start: number, end?: number): void {
    const length = this.data.length;
    const from = sliceBound(length, start, 0);
    const to = Math.max(from, sliceBound(length, end, length));
    this.data.splice(from, to - from);
    this.sources.splice(from, to - from);
    this.offsets.splice(from, to - from);
    this.columns.splice(from, to - from);
    if (this.parent) {
      const k = start + this.parentOffset;
      const n = (end ?? length) + this.parentOffset;
      this.parent.deleteRange(k, n);
    }
  }

  extend(other: StringList): void {
    if (this.parent) this.parent.insertList(this.data.length + this.parentOffset, other);
    this.data.push(...other.data);
    this.sources.push(...other.sources);
    this.offsets.push(...other.offsets);
    this.columns.push(...other.columns);
  }

  append(line: string, source: LineSource, offset: number | null = 0): void {
    if (this.parent) this.parent.insertLine(this.data.length + this.parentOffset, line, source, offset);
    this.data.push(line);
    this.sources.push(source);
    this.offsets.push(offset);
    this.columns.push(0);
  }

  insertList(index: number, other: StringList): void {
    const at = sliceBound(this.data.length, index, 0);
    this.data.splice(at, 0, ...other.data);
    this.sources.splice(at, 0, ...other.sources);
    this.offsets.splice(at, 0, ...other.offsets);
    this.columns.splice(at, 0, ...other.columns);
    if (this.parent) {
      const wrapped = (this.data.length + index) % this.data.length;
      this.parent.insertList(wrapped + this.parentOffset, other);
    }
  }

  insertLine(index: number, line: string, source: LineSource, offset: number | null): void {
    const at = sliceBound(this.data.length, index, 0);
    this.data.splice(at, 0, line);
    this.sources.splice(at, 0, source);
    this.offsets.splice(at, 0, offset);
    this.columns.splice(at, 0, 0);
    if (this.parent) {
      const wrapped = (this.data.length + index) % this.data.length;
      this.parent.insertLine(wrapped + this.parentOffset, line, source, offset);
    }
  }

  pop(index = -1): string {
    if (this.parent) {
      const wrapped = (this.data.length + index) % this.data.length;
      this.parent.pop(wrapped + this.parentOffset);
    }
    const at = pyIndex(this.data.length, index);
    if (at === undefined) throw new RangeError('pop index out of range');
    this.sources.splice(at, 1);
    this.offsets.splice(at, 1);
    this.columns.splice(at, 1);
    return this.data.splice(at, 1)[0]!;
  }

  trimStart(count = 1): void {
    if (count > this.data.length) {
      throw new RangeError(`Size of trim too large; can't trim ${count} items from a list of size ${this.data.length}.`);
    }
    this.data.splice(0, count);
    this.sources.splice(0, count);
    this.offsets.splice(0, count);
    this.columns.splice(0, count);
    if (this.parent) this.parentOffset += count;
  }

  trimEnd(count = 1): void {
    if (count > this.data.length) {
      throw new RangeError(`Size of trim too large; can't trim ${count} items from a list of size ${this.data.length}.`);
    }
    if (count === 0) {
      // Python's del data[-0:] deletes everything.
      this.data = [];
      this.sources = [];
      this.offsets = [];
      this.columns = [];
      return;
    }
    this.data.splice(this.data.length - count, count);
    this.sources.splice(this.sources.length - count, count);
    this.offsets.splice(this.offsets.length - count, count);
    this.columns.splice(this.columns.length - count, count);
  }

  disconnect(): void {
    this.parent = null;
  }

  /** Like info(), but undefined instead of an exception when out of range. */
  infoOrUndefined(index: number): [LineSource, number | null] | undefined {
    const length = this.data.length;
    const at = index < 0 ? length + index : index;
    if (at >= 0 && at < length) return [this.sources[at]!, this.offsets[at]!];
    if (index === length && index > 0) return [this.sources[index - 1]!, null];
    return undefined;
  }

  /** (source, offset) of line `index`; one past the end gives (last source, null). */
  info(index: number): [LineSource, number | null] {
    const at = pyIndex(this.data.length, index);
    if (at !== undefined) return [this.sources[at]!, this.offsets[at]!];
    if (index === this.data.length && index > 0) return [this.sources[index - 1]!, null];
    throw new RangeError('list index out of range');
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
    const stop = Math.min(end, this.data.length);
    for (let index = start; index < stop; index++) {
      const line = this.data[index]!;
      this.data[index] = line.slice(length);
      this.columns[index] = this.columns[index]! + Math.min(length, line.length);
    }
  }

  /** docutils StringList.get_text_block. */
  getTextBlock(start: number, flushLeft = false): StringList {
    let end = start;
    const last = this.data.length;
    while (end < last) {
      const line = this.data[end]!;
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
    const last = this.data.length;
    let blankFinish = true;
    while (end < last) {
      const line = this.data[end]!;
      if (line && (line[0] !== ' ' || (blockIndent !== null && strip(line.slice(0, blockIndent))))) {
        blankFinish = end > start && !strip(this.data[end - 1]!);
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
      const first = block.data[0]!;
      block.data[0] = first.slice(firstIndent);
      block.columns[0] = block.columns[0]! + Math.min(firstIndent, first.length);
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
      const chars = Array.from(block.data[index]!);
      const columnIndexes: number[] = [];
      chars.forEach((char, at) => {
        if (!isCombining(char.codePointAt(0)!)) columnIndexes.push(at);
      });
      const combiningCount = chars.length - columnIndexes.length;
      left = left < columnIndexes.length ? columnIndexes[left]! : left + combiningCount;
      right = right < columnIndexes.length ? columnIndexes[right]! : right + combiningCount;
      const line = rstrip(chars.slice(left, right).join(''));
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
    for (let index = 0; index < this.data.length; index++) {
      const line = this.data[index]!;
      let out = '';
      let changed = false;
      for (const char of line) {
        out += char;
        if (isWide(char.codePointAt(0)!)) {
          out += padChar;
          changed = true;
        }
      }
      if (changed) this.data[index] = out;
    }
  }

  replaceAll(old: string, replacement: string): void {
    for (let index = 0; index < this.data.length; index++) this.data[index] = this.data[index]!.split(old).join(replacement);
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
