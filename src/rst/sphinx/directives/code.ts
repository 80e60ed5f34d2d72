/**
 * Code directives (sphinx.directives.code and the "code" directive of
 * sphinx.directives.patches): highlight, code-block/sourcecode, code and
 * literalinclude. They make literal_block nodes with Sphinx's attributes
 * (language, force, linenos, highlight_args), which Sphinx highlights later.
 *
 *     .. code-block:: python
 *        :emphasize-lines: 2
 *
 *        first line
 *        second line   → literal_block(language="python", force=False,
 *                                      highlight_args={'hl_lines': [2]})
 */
import { Element, type Node, element } from '../../nodes.js';
import { OptionValueError, type OptionSpec } from '../../directives/directive.js';
import { classOption, encoding, flag, int, positiveInt, pythonInt, unchanged, unchangedRequired } from '../../directives/options.js';
import { InputDecodeError, InputError, decodeBytes, readInputBytes } from '../../directives/file-input.js';
import { StringList } from '../../string-list.js';
import { pyReprString, splitlines, strip } from '../../python-text.js';
import { setClasses } from '../../roles/standard.js';
import { type PyDict, asAttribute, sphinxElement } from '../nodes.js';
import { SphinxDirective } from './base.js';

/** sys.maxsize, the default line number threshold (kept as text: beyond JavaScript's exact integers). */
const SYS_MAXSIZE = '9223372036854775807';

/** sphinx.directives.optional_int. */
export const optionalInt = (argument: string | null): number | null => {
  if (argument === null) return null;
  const value = pythonInt(argument);
  if (value < 0) throw new OptionValueError('negative value; must be positive or zero');
  return value;
};

/** A ValueError raised by Sphinx code, shown as its message in a warning. */
export class SphinxValueError extends Error {}

/** sphinx.util.parselinenos: "1,3-5" → zero-based line indexes. */
export function parseLinenos(spec: string, total: number): number[] {
  const items: number[] = [];
  for (const part of spec.split(',')) {
    try {
      const bounds = strip(part).split('-');
      if (bounds.length === 2 && bounds[0] === '' && bounds[1] === '') throw new SphinxValueError('');
      if (bounds.length === 1) {
        items.push(pythonInt(bounds[0]!) - 1);
      } else if (bounds.length === 2) {
        const start = bounds[0] ? pythonInt(bounds[0]) : 1;
        const end = bounds[1] ? pythonInt(bounds[1]) : Math.max(start, total);
        if (start > end) throw new SphinxValueError('');
        for (let index = start - 1; index < end; index++) items.push(index);
      } else {
        throw new SphinxValueError('');
      }
    } catch (error) {
      if (error instanceof SphinxValueError || error instanceof OptionValueError) {
        throw new SphinxValueError(`invalid line number spec: ${pyReprString(spec)}`);
      }
      throw error;
    }
  }
  return items;
}

/** Python's textwrap.dedent. */
export function textwrapDedent(text: string): string {
  const normalized = text.replace(/^[ \t]+$/gm, '');
  let margin: string | null = null;
  for (const match of normalized.matchAll(/^([ \t]*)[^ \t\n]/gm)) {
    const indent = match[1]!;
    if (margin === null) margin = indent;
    else if (indent.startsWith(margin)) continue;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let common = 0;
      while (common < margin.length && common < indent.length && margin[common] === indent[common]) common++;
      margin = margin.slice(0, common);
    }
  }
  if (!margin) return normalized;
  const prefix = margin;
  return normalized
    .split('\n')
    .map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line))
    .join('\n');
}

/** sphinx.directives.code.dedent_lines (lines keep their line ends). */
export function dedentLines(lines: string[], dedent: number | null, warn: (message: string) => void): string[] {
  if (dedent === null) return splitlines(textwrapDedent(lines.join('')), true);
  if (lines.some((line) => strip(Array.from(line).slice(0, dedent).join('')) !== '')) {
    warn('non-whitespace stripped by dedent');
  }
  return lines.map((line) => {
    let newLine = Array.from(line).slice(dedent).join('');
    if (line.endsWith('\n') && !newLine) newLine = '\n';
    return newLine;
  });
}

/** sphinx.directives.code.container_wrapper: a captioned literal block. */
export function containerWrapper(directive: SphinxDirective, literal: Element, caption: string): Element {
  const container = element('container', '', '', [], { literal_block: true, classes: ['literal-block-wrapper'] });
  const parsed = new Element('Element');
  directive.state.nestedParse(new StringList([caption], ''), directive.contentOffset, parsed);
  const first = parsed.children[0];
  if (first instanceof Element && first.tagname === 'system_message') {
    throw new SphinxValueError(`Invalid caption: ${first.astext()}`);
  }
  if (!(first instanceof Element)) throw new Error('container_wrapper: the caption parsed to nothing');
  const captionNode = new Element('caption', first.rawsource, [...first.children]);
  captionNode.source = literal.source;
  captionNode.line = literal.line;
  container.append(captionNode);
  container.append(literal);
  return container;
}

/** The highlight language a block without one gets: the highlight directive's, else the configuration's. */
function currentLanguage(directive: SphinxDirective): string {
  const language = directive.env.tempData.get('highlight_language');
  return typeof language === 'string' ? language : directive.env.config.highlight_language;
}

export class Highlight extends SphinxDirective {
  static override requiredArguments = 1;
  static override optionSpec: OptionSpec = { force: flag, linenothreshold: positiveInt };

  run(): Node[] {
    const language = strip(this.args[0]!);
    const threshold = this.options['linenothreshold'];
    this.env.tempData.set('highlight_language', language);
    return [
      element('highlightlang', '', '', [], {
        lang: language,
        force: 'force' in this.options,
        linenothreshold: typeof threshold === 'number' ? threshold : SYS_MAXSIZE,
      }),
    ];
  }
}

export class CodeBlock extends SphinxDirective {
  static override optionalArguments = 1;
  static override hasContent = true;
  static override optionSpec: OptionSpec = {
    force: flag,
    linenos: flag,
    dedent: optionalInt,
    'lineno-start': int,
    'emphasize-lines': unchangedRequired,
    caption: unchangedRequired,
    class: classOption,
    name: unchanged,
  };

  run(): Node[] {
    const document = this.state.document;
    let code = this.content.data.join('\n');
    const linespec = this.options['emphasize-lines'] as string | undefined;
    let highlightLines: number[] | null = null;
    if (linespec) {
      const lineCount = this.content.length;
      try {
        const indexes = parseLinenos(linespec, lineCount);
        if (indexes.some((index) => index >= lineCount)) {
          this.sphinxWarning(`line number spec is out of range(1-${lineCount}): ${pyReprString(linespec)}`);
        }
        highlightLines = indexes.filter((index) => index < lineCount).map((index) => index + 1);
      } catch (error) {
        if (!(error instanceof SphinxValueError)) throw error;
        return [document.reporter.warning(error.message, [], { line: this.lineno })];
      }
    }
    if ('dedent' in this.options) {
      const lines = splitlines(code, true);
      code = dedentLines(lines, this.options['dedent'] as number | null, (message) => this.sphinxWarning(message)).join('');
    }
    let literal: Element = sphinxElement('literal_block', code, code);
    if ('linenos' in this.options || 'lineno-start' in this.options) literal.set('linenos', true);
    literal.classes.push(...((this.options['class'] as string[] | undefined) ?? []));
    literal.set('force', 'force' in this.options);
    literal.set('language', this.args.length > 0 ? this.args[0]! : currentLanguage(this));
    const highlightArgs: PyDict = {};
    if (highlightLines !== null) highlightArgs['hl_lines'] = highlightLines;
    if ('lineno-start' in this.options) highlightArgs['linenostart'] = this.options['lineno-start'] as number;
    literal.set('highlight_args', asAttribute(highlightArgs));
    this.setSourceInfo(literal);
    const caption = this.options['caption'] as string | undefined;
    if (caption) {
      try {
        literal = containerWrapper(this, literal, caption);
      } catch (error) {
        if (!(error instanceof SphinxValueError)) throw error;
        return [document.reporter.warning(error.message, [], { line: this.lineno })];
      }
    }
    this.addName(literal);
    return [literal];
  }
}

/** The "code" directive as Sphinx replaces it (sphinx.directives.patches.Code). */
export class Code extends SphinxDirective {
  static override optionalArguments = 1;
  static override hasContent = true;
  static override optionSpec: OptionSpec = { class: classOption, force: flag, name: unchanged, 'number-lines': optionalInt };

  run(): Node[] {
    this.assertHasContent();
    setClasses(this.options);
    const code = this.content.data.join('\n');
    const highlightArgs: PyDict = {};
    const node = sphinxElement('literal_block', code, code, [], {
      classes: (this.options['classes'] as string[] | undefined) ?? [],
      force: 'force' in this.options,
      highlight_args: highlightArgs,
    });
    this.addName(node);
    this.setSourceInfo(node);
    node.set('language', this.args.length > 0 ? this.args[0]! : currentLanguage(this));
    if ('number-lines' in this.options) {
      node.set('linenos', true);
      const start = this.options['number-lines'] as number | null;
      if (start) highlightArgs['linenostart'] = start;
    }
    return [node];
  }
}

/** Option pairs literalinclude refuses together. */
const INVALID_OPTION_PAIRS: readonly [string, string][] = [
  ['lineno-match', 'lineno-start'],
  ['lineno-match', 'append'],
  ['lineno-match', 'prepend'],
  ['start-after', 'start-at'],
  ['end-before', 'end-at'],
  ['diff', 'pyobject'],
  ['diff', 'lineno-start'],
  ['diff', 'lineno-match'],
  ['diff', 'lines'],
  ['diff', 'start-after'],
  ['diff', 'end-before'],
  ['diff', 'start-at'],
  ['diff', 'end-at'],
];

/** A failure literalinclude turns into a warning with the message (Python's str(exc)). */
class IncludeFailure extends Error {}

/** Python's str.expandtabs. */
function expandTabs(text: string, tabSize: number): string {
  let out = '';
  let column = 0;
  for (const char of text) {
    if (char === '\t') {
      const spaces = tabSize > 0 ? tabSize - (column % tabSize) : 0;
      out += ' '.repeat(spaces);
      column += spaces;
    } else if (char === '\n' || char === '\r') {
      out += char;
      column = 0;
    } else {
      out += char;
      column++;
    }
  }
  return out;
}

/** sphinx.directives.code.LiteralIncludeReader. */
class LiteralIncludeReader {
  linenoStart: number;
  private readonly encodingName: string;

  constructor(
    private readonly directive: LiteralInclude,
    private readonly filename: string,
    private readonly options: Record<string, unknown>,
  ) {
    this.encodingName = (options['encoding'] as string | undefined) ?? directive.env.config.source_encoding;
    this.linenoStart = (options['lineno-start'] as number | undefined) ?? 1;
    for (const [first, second] of INVALID_OPTION_PAIRS) {
      if (first in options && second in options) {
        throw new IncludeFailure(`Cannot use both "${first}" and "${second}" options`);
      }
    }
  }

  readFile(filename: string): string[] {
    const settings = this.directive.state.document.settings;
    let text: string;
    try {
      text = decodeBytes(readInputBytes(filename, settings), this.encodingName);
    } catch (error) {
      if (error instanceof InputError) {
        throw new IncludeFailure(`Include file ${pyReprString(filename)} not found or reading it failed`);
      }
      if (error instanceof InputDecodeError) {
        throw new IncludeFailure(
          `Encoding ${pyReprString(this.encodingName)} used for reading included file ${pyReprString(filename)} seems to be wrong, try giving an :encoding: option`,
        );
      }
      throw error;
    }
    if ('tab-width' in this.options) text = expandTabs(text, this.options['tab-width'] as number);
    return splitlines(text, true);
  }

  read(): [string, number] {
    if ('diff' in this.options) {
      throw new IncludeFailure('the :diff: option of literalinclude is not supported by specwright');
    }
    let lines = this.readFile(this.filename);
    lines = this.pyobjectFilter(lines);
    lines = this.startFilter(lines);
    lines = this.endFilter(lines);
    lines = this.linesFilter(lines);
    if ('dedent' in this.options) {
      lines = dedentLines(lines, (this.options['dedent'] as number | null) ?? null, (message) => this.directive.sphinxWarning(message));
    }
    const prepend = this.options['prepend'] as string | undefined;
    if (prepend) lines.unshift(prepend + '\n');
    const append = this.options['append'] as string | undefined;
    if (append) lines.push(append + '\n');
    return [lines.join(''), lines.length];
  }

  private pyobjectFilter(lines: string[]): string[] {
    if (this.options['pyobject']) {
      throw new IncludeFailure('the :pyobject: option of literalinclude is not supported by specwright');
    }
    return lines;
  }

  private startFilter(lines: string[]): string[] {
    let start: string | undefined;
    let inclusive = false;
    if ('start-at' in this.options) {
      start = this.options['start-at'] as string;
    } else if ('start-after' in this.options) {
      start = this.options['start-after'] as string;
      inclusive = true;
    }
    if (!start) return lines;
    for (let lineno = 0; lineno < lines.length; lineno++) {
      if (lines[lineno]!.includes(start)) {
        if (inclusive) {
          if ('lineno-match' in this.options) this.linenoStart += lineno + 1;
          return lines.slice(lineno + 1);
        }
        if ('lineno-match' in this.options) this.linenoStart += lineno;
        return lines.slice(lineno);
      }
    }
    throw new IncludeFailure(inclusive ? `start-after pattern not found: ${start}` : `start-at pattern not found: ${start}`);
  }

  private endFilter(lines: string[]): string[] {
    let end: string | undefined;
    let inclusive = false;
    if ('end-at' in this.options) {
      end = this.options['end-at'] as string;
      inclusive = true;
    } else if ('end-before' in this.options) {
      end = this.options['end-before'] as string;
    }
    if (!end) return lines;
    for (let lineno = 0; lineno < lines.length; lineno++) {
      if (lines[lineno]!.includes(end)) {
        if (inclusive) return lines.slice(0, lineno + 1);
        // end-before ignores the first line
        if (lineno !== 0) return lines.slice(0, lineno);
      }
    }
    throw new IncludeFailure(inclusive ? `end-at pattern not found: ${end}` : `end-before pattern not found: ${end}`);
  }

  private linesFilter(lines: string[]): string[] {
    const linespec = this.options['lines'] as string | undefined;
    if (!linespec) return lines;
    let indexes: number[];
    try {
      indexes = parseLinenos(linespec, lines.length);
    } catch (error) {
      if (error instanceof SphinxValueError) throw new IncludeFailure(error.message);
      throw error;
    }
    if (indexes.some((index) => index >= lines.length)) {
      this.directive.sphinxWarning(`line number spec is out of range(1-${lines.length}): ${pyReprString(linespec)}`);
    }
    if ('lineno-match' in this.options) {
      const first = indexes[0]!;
      if (indexes.every((value, position) => first + position === value)) this.linenoStart += first;
      else throw new IncludeFailure('Cannot use "lineno-match" with a disjoint set of "lines"');
    }
    const selected = indexes.filter((index) => index < lines.length && index >= 0).map((index) => lines[index]!);
    if (selected.length === 0) {
      throw new IncludeFailure(`Line spec ${pyReprString(linespec)}: no lines pulled from include file ${pyReprString(this.filename)}`);
    }
    return selected;
  }
}

export class LiteralInclude extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {
    dedent: optionalInt,
    linenos: flag,
    'lineno-start': int,
    'lineno-match': flag,
    'tab-width': int,
    language: unchangedRequired,
    force: flag,
    encoding,
    pyobject: unchangedRequired,
    lines: unchangedRequired,
    'start-after': unchangedRequired,
    'end-before': unchangedRequired,
    'start-at': unchangedRequired,
    'end-at': unchangedRequired,
    prepend: unchangedRequired,
    append: unchangedRequired,
    'emphasize-lines': unchangedRequired,
    caption: unchanged,
    class: classOption,
    name: unchanged,
    diff: unchangedRequired,
  };

  run(): Node[] {
    const document = this.state.document;
    if (!document.settings.fileInsertionEnabled) {
      return [document.reporter.warning('File insertion disabled', [], { line: this.lineno })];
    }
    if ('diff' in this.options) this.options['diff'] = this.env.relfn2path(this.options['diff'] as string)[1];
    try {
      const filename = this.env.relfn2path(this.args[0]!)[1];
      const reader = new LiteralIncludeReader(this, filename, this.options);
      const [text, lineCount] = reader.read();
      let node: Element = sphinxElement('literal_block', text, text, [], { source: filename });
      node.set('force', 'force' in this.options);
      this.setSourceInfo(node);
      if (this.options['diff']) node.set('language', 'udiff');
      else if ('language' in this.options) node.set('language', this.options['language'] as string);
      if ('linenos' in this.options || 'lineno-start' in this.options || 'lineno-match' in this.options) {
        node.set('linenos', true);
      }
      node.classes.push(...((this.options['class'] as string[] | undefined) ?? []));
      const highlightArgs: PyDict = {};
      node.set('highlight_args', asAttribute(highlightArgs));
      if ('emphasize-lines' in this.options) {
        const spec = this.options['emphasize-lines'] as string;
        let indexes: number[];
        try {
          indexes = parseLinenos(spec, lineCount);
        } catch (error) {
          if (error instanceof SphinxValueError) throw new IncludeFailure(error.message);
          throw error;
        }
        if (indexes.some((index) => index >= lineCount)) {
          this.sphinxWarning(`line number spec is out of range(1-${lineCount}): ${pyReprString(spec)}`);
        }
        highlightArgs['hl_lines'] = indexes.filter((index) => index < lineCount).map((index) => index + 1);
      }
      highlightArgs['linenostart'] = reader.linenoStart;
      if ('caption' in this.options) {
        const caption = (this.options['caption'] as string) || this.args[0]!;
        node = containerWrapper(this, node, caption);
      }
      this.addName(node);
      return [node];
    } catch (error) {
      if (error instanceof IncludeFailure || error instanceof SphinxValueError) {
        return [document.reporter.warning(error.message, [], { line: this.lineno })];
      }
      throw error;
    }
  }
}
