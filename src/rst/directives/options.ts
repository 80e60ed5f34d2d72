/**
 * Directive option converters (docutils.parsers.rst.directives): each turns
 * an option's raw text (null when the option is given without a value) into
 * its value, or throws OptionValueError with the text Python would put in
 * its ValueError/TypeError, built-in messages included.
 */
import { makeId, unescape } from '../nodes.js';
import { isPythonSpace, pyReprString, rstrip, splitWhitespace, splitlines, strip } from '../python-text.js';
import { OptionValueError, type OptionConverter } from './directive.js';
import { escape2null, splitEscapedWhitespace } from '../inline/escapes.js';

export { escape2null, splitEscapedWhitespace };
import { PYTHON_CODECS } from './python-codecs.js';

/** Python's `type(None).__name__` as it appears in TypeError messages. */
const NONE_TYPE = 'NoneType';

/** Python 3.11's default `sys.get_int_max_str_digits()`. */
const INT_MAX_STR_DIGITS = 4300;

/** Code points above this make `chr()` fail. */
const MAX_CODE_POINT = 0x10ffff;

/** Values `chr()` cannot even convert to a C int. */
const C_INT_MAX = 2 ** 31 - 1;

const DECIMAL_DIGIT = /\p{Nd}/u;

function decimalDigitValue(char: string): number | null {
  if (char >= '0' && char <= '9') return char.charCodeAt(0) - 0x30;
  if (!DECIMAL_DIGIT.test(char)) return null;
  // Unicode keeps every decimal digit run contiguous and starting at zero.
  let codePoint = char.codePointAt(0)!;
  let steps = 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - 1))) {
    codePoint--;
    steps++;
  }
  return steps % 10;
}

/**
 * Python's `int(value)` for a str or None: surrounding whitespace, a sign,
 * any Unicode decimal digits and single underscores between digits.
 */
export function pythonInt(value: string | null): number {
  if (value === null) {
    throw new OptionValueError(
      `int() argument must be a string, a bytes-like object or a real number, not '${NONE_TYPE}'`,
      'TypeError',
    );
  }
  const invalid = (): OptionValueError =>
    new OptionValueError(`invalid literal for int() with base 10: ${pyReprString(value)}`);
  const text = strip(value);
  let index = 0;
  let negative = false;
  if (text[0] === '+' || text[0] === '-') {
    negative = text[0] === '-';
    index = 1;
  }
  const chars = Array.from(text.slice(index));
  if (chars.length === 0) throw invalid();
  let digits = '';
  let previousUnderscore = true;
  for (const char of chars) {
    if (char === '_') {
      if (previousUnderscore) throw invalid();
      previousUnderscore = true;
      continue;
    }
    const digit = decimalDigitValue(char);
    if (digit === null) throw invalid();
    digits += String(digit);
    previousUnderscore = false;
  }
  if (previousUnderscore) throw invalid();
  if (digits.length > INT_MAX_STR_DIGITS) {
    throw new OptionValueError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  const magnitude = Number(digits);
  return negative ? -magnitude : magnitude;
}

/** Python's `chr(value)` with the errors docutils' unicode_code turns into messages. */
function pythonChr(value: number): string {
  if (value > C_INT_MAX || value < -C_INT_MAX - 1) {
    throw new OptionValueError('code too large (Python int too large to convert to C int)');
  }
  if (value < 0 || value > MAX_CODE_POINT) throw new OptionValueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(value);
}

/** `flag`: no value allowed; returns null (Python's None). */
export const flag: OptionConverter = (argument) => {
  if (argument && strip(argument)) {
    throw new OptionValueError(`no argument is allowed; "${argument}" supplied`);
  }
  return null;
};

/** `unchanged_required`: the text as given; a value is required. */
export const unchangedRequired: OptionConverter = (argument) => {
  if (argument === null) throw new OptionValueError('argument required but none supplied');
  return argument;
};

/** `unchanged`: the text as given; no value means "". */
export const unchanged: OptionConverter = (argument) => (argument === null ? '' : argument);

/** `path`: the lines stripped and joined without separators. */
export const path = (argument: string | null): string => {
  if (argument === null) throw new OptionValueError('argument required but none supplied');
  return splitlines(argument)
    .map((line) => strip(line))
    .join('');
};

/** `uri`: unescaped whitespace removed, escaped whitespace kept as spaces. */
export const uri = (argument: string | null): string => {
  if (argument === null) throw new OptionValueError('argument required but none supplied');
  return splitEscapedWhitespace(escape2null(argument))
    .map((part) => splitWhitespace(unescape(part)).join(''))
    .join(' ');
};

/** `nonnegative_int`. */
export const nonnegativeInt = (argument: string | null): number => {
  const value = pythonInt(argument);
  if (value < 0) throw new OptionValueError('negative value; must be positive or zero');
  return value;
};

/** `percentage`: an integer with an optional trailing percent sign. */
export const percentage = (argument: string | null): number =>
  nonnegativeInt(argument === null ? null : rstrip(argument, ' %'));

/** CSS length units docutils accepts. */
export const LENGTH_UNITS: readonly string[] = ['em', 'ex', 'px', 'in', 'cm', 'mm', 'pt', 'pc'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A positive float as Python's float() reads the `[0-9.]+` part of a measure. */
const FLOAT_DIGITS = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/;

/** `get_measure`: "<number><unit>" with the spaces between them removed. */
export function getMeasure(argument: string | null, units: readonly string[]): string {
  if (argument === null) {
    throw new OptionValueError(`expected string or bytes-like object, got '${NONE_TYPE}'`, 'TypeError');
  }
  // Python's `$` also matches before a final newline.
  const pattern = new RegExp(`^([0-9.]+) *(${units.map(escapeRegExp).join('|')})\\n?$`);
  const match = pattern.exec(argument);
  if (!match || !FLOAT_DIGITS.test(match[1]!)) {
    throw new OptionValueError(
      `not a positive measure of one of the following units:\n${units.map((unit) => `"${unit}"`).join(' ')}`,
    );
  }
  return match[1]! + match[2]!;
}

/** `length_or_unitless`. */
export const lengthOrUnitless = (argument: string | null): string => getMeasure(argument, [...LENGTH_UNITS, '']);

/** `length_or_percentage_or_unitless`: a unitless number gets `defaultUnit`. */
export function lengthOrPercentageOrUnitless(argument: string | null, defaultUnit = ''): string {
  try {
    return getMeasure(argument, [...LENGTH_UNITS, '%']);
  } catch (error) {
    if (!(error instanceof OptionValueError) || error.pythonType !== 'ValueError') throw error;
    try {
      return getMeasure(argument, ['']) + defaultUnit;
    } catch (inner) {
      if (!(inner instanceof OptionValueError) || inner.pythonType !== 'ValueError') throw inner;
      return getMeasure(argument, [...LENGTH_UNITS, '%']);
    }
  }
}

/** `class_option`: whitespace-separated names made into identifiers. */
export const classOption = (argument: string | null): string[] => {
  if (argument === null) throw new OptionValueError('argument required but none supplied');
  return splitWhitespace(argument).map((name) => {
    const className = makeId(name);
    if (!className) throw new OptionValueError(`cannot make "${name}" into a class name`);
    return className;
  });
};

const UNICODE_PATTERN = /^(?:(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)|&#x([0-9a-f]+);)$/i;

/**
 * `unicode_code`: a decimal or hexadecimal character code (0x, x, \x, U+,
 * U, \u prefixes or &#x...;) becomes its character; other text is returned
 * as it is.
 */
export function unicodeCode(code: string | null): string {
  if (code === null) {
    // docutils calls code.isdigit() and fails with an AttributeError it does not catch.
    throw new OptionValueError(`'${NONE_TYPE}' object has no attribute 'isdigit'`, 'TypeError');
  }
  if (isPythonDigits(code)) return pythonChr(pythonInt(code));
  // Python's `$` also matches before a final newline.
  const match = UNICODE_PATTERN.exec(code.endsWith('\n') ? code.slice(0, -1) : code);
  if (!match) return code;
  const hex = (match[1] ?? match[2]!).replace(/^0+(?=.)/, '');
  const value = hex.length > 8 ? Infinity : parseInt(hex, 16);
  return pythonChr(value);
}

/** Digits that are not decimal (superscripts, circled digits...): str.isdigit() accepts them, int() does not. */
const NON_DECIMAL_DIGIT_RANGES: readonly (readonly [number, number])[] = [
  [0xb2, 0xb3], [0xb9, 0xb9], [0x1369, 0x1371], [0x19da, 0x19da], [0x2070, 0x2070], [0x2074, 0x2079],
  [0x2080, 0x2089], [0x2460, 0x2468], [0x2474, 0x247c], [0x2488, 0x2490], [0x24ea, 0x24ea],
  [0x24f5, 0x24fd], [0x24ff, 0x24ff], [0x2776, 0x277e], [0x2780, 0x2788], [0x278a, 0x2792],
  [0x10a40, 0x10a43], [0x10e60, 0x10e68], [0x11052, 0x1105a], [0x1f100, 0x1f10a],
];

/** Python's `str.isdigit()`. */
function isPythonDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (const char of text) {
    if (decimalDigitValue(char) !== null) continue;
    const codePoint = char.codePointAt(0)!;
    if (!NON_DECIMAL_DIGIT_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last)) return false;
  }
  return true;
}

/** `single_char_or_unicode`. */
export const singleCharOrUnicode = (argument: string | null): string => {
  const char = unicodeCode(argument);
  if (Array.from(char).length > 1) {
    throw new OptionValueError(`${pyReprString(char)} invalid; must be a single character or a Unicode code`);
  }
  return char;
};

/** `single_char_or_whitespace_or_unicode`: also "tab" and "space". */
export const singleCharOrWhitespaceOrUnicode = (argument: string | null): string => {
  if (argument === 'tab') return '\t';
  if (argument === 'space') return ' ';
  return singleCharOrUnicode(argument);
};

/** `positive_int`. */
export const positiveInt = (argument: string | null): number => {
  const value = pythonInt(argument);
  if (value < 1) throw new OptionValueError('negative or zero value; must be positive');
  return value;
};

/** `positive_int_list`: comma- or whitespace-separated positive integers. */
export const positiveIntList = (argument: string | null): number[] => {
  if (argument === null) {
    throw new OptionValueError(`argument of type '${NONE_TYPE}' is not iterable`, 'TypeError');
  }
  const entries = argument.includes(',') ? argument.split(',') : splitWhitespace(argument);
  return entries.map((entry) => positiveInt(entry));
};

/** CPython's encodings.normalize_encoding after codecs' own lower-casing. */
function normalizeEncodingName(name: string): string {
  let lowered = '';
  for (const char of name) lowered += char === ' ' ? '-' : char >= 'A' && char <= 'Z' ? char.toLowerCase() : char;
  let out = '';
  let punctuation = false;
  for (const char of lowered) {
    if (/^[\p{L}\p{N}]$/u.test(char) || char === '.') {
      if (punctuation && out) out += '_';
      if (char.charCodeAt(0) < 0x80) out += char;
      punctuation = false;
    } else {
      punctuation = true;
    }
  }
  return out;
}

/** The canonical Python codec name for an encoding name, or null when codecs.lookup fails. */
export function lookupPythonCodec(name: string): string | null {
  const normalized = normalizeEncodingName(name);
  if (!normalized) return null;
  return PYTHON_CODECS[normalized] ?? PYTHON_CODECS[normalized.replace(/\./g, '_')] ?? null;
}

/** `encoding`: a name Python's codecs know; returned unchanged. */
export const encoding = (argument: string | null): string => {
  if (argument === null) {
    throw new OptionValueError(`lookup() argument must be str, not None`, 'TypeError');
  }
  if (lookupPythonCodec(argument) === null) throw new OptionValueError(`unknown encoding: "${argument}"`);
  return argument;
};

/** `format_values`: "a", "b", or "c". */
export function formatValues(values: readonly string[]): string {
  const head = values
    .slice(0, -1)
    .map((value) => `"${value}"`)
    .join(', ');
  return `${head}, or "${values[values.length - 1]}"`;
}

/** `choice`: the lower-cased, stripped value when it is one of `values`. */
export function choice(argument: string | null, values: readonly string[]): string {
  if (argument === null) throw new OptionValueError(`must supply an argument; choose from ${formatValues(values)}`);
  const value = strip(argument.toLowerCase());
  if (values.includes(value)) return value;
  throw new OptionValueError(`"${argument}" unknown; choose from ${formatValues(values)}`);
}

/** `value_or`: one of `values` as it is, otherwise `other(argument)`. */
export function valueOr(values: readonly (string | null)[], other: OptionConverter): OptionConverter {
  return (argument) => (values.includes(argument) ? argument : other(argument));
}

/** Parsers the "parser" option can name (docutils.parsers._parser_aliases and module names). */
export type ParserName = 'rst' | 'null';

const PARSER_ALIASES: Readonly<Record<string, string>> = {
  null: 'docutils.parsers.null',
  rst: 'docutils.parsers.rst',
  restructuredtext: 'docutils.parsers.rst',
  rest: 'docutils.parsers.rst',
  restx: 'docutils.parsers.rst',
  rtxt: 'docutils.parsers.rst',
  recommonmark: 'docutils.parsers.recommonmark_wrapper',
  myst: 'myst_parser.docutils_',
  commonmark: 'docutils.parsers.commonmark_wrapper',
  markdown: 'docutils.parsers.commonmark_wrapper',
};

const AVAILABLE_PARSERS: Readonly<Record<string, ParserName>> = {
  'docutils.parsers.rst': 'rst',
  'docutils.parsers.null': 'null',
};

/** Why importing a parser module fails where none of the optional Markdown packages exist. */
function parserImportError(module: string): string {
  if (module === 'docutils.parsers.commonmark_wrapper') {
    return `Parsing "CommonMark" requires one of the packages\n('pycmark', 'myst', 'recommonmark') available at https://pypi.org`;
  }
  if (module === 'docutils.parsers.recommonmark_wrapper') {
    return (
      "No module named 'recommonmark'.\n" +
      'Parsing "recommonmark" Markdown flavour requires the package https://pypi.org/project/recommonmark which in turn depends on https://pypi.org/project/sphinx.'
    );
  }
  const parts = module.split('.');
  // Python names the first package in the dotted path that cannot be imported.
  const known = ['docutils', 'docutils.parsers'];
  let missing = parts[0]!;
  for (let count = 1; count <= parts.length; count++) {
    missing = parts.slice(0, count).join('.');
    if (!known.includes(missing)) break;
  }
  return `No module named ${pyReprString(missing)}`;
}

/**
 * `parser_name`: the parser the name selects, or null for an empty value;
 * ValueError when docutils could not import it.
 */
export const parserName = (argument: string | null): ParserName | null => {
  if (!argument) return null;
  const name = argument.toLowerCase();
  const module = PARSER_ALIASES[name] ?? name;
  if (module.startsWith('.')) {
    // importlib refuses a relative name without a package (a TypeError docutils does not catch).
    throw new OptionValueError(
      `the 'package' argument is required to perform a relative import for ${pyReprString(module)}`,
      'TypeError',
    );
  }
  const parser = AVAILABLE_PARSERS[module];
  if (parser) return parser;
  throw new OptionValueError(`Parser "${argument}" not found. ${parserImportError(module)}`);
};

/** Python's `int` used directly as an option converter (sectnum, include). */
export const int = (argument: string | null): number => pythonInt(argument);

/** True when `text` holds only Python whitespace (used by callers mirroring `not text.strip()`). */
export function isBlank(text: string): boolean {
  for (const char of text) if (!isPythonSpace(char.codePointAt(0)!)) return false;
  return true;
}
