/**
 * Block-level patterns of docutils' Body state family, translated from
 * Python `re` (matched at the start of a line, so each begins with ^).
 */
import { NON_WHITESPACE_ESCAPE_BEFORE, SIMPLENAME } from '../inline/patterns.js';

const ENUM_SEQUENCE = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
const ALPHA = '[a-zA-Z]';
const ALPHANUM = '[a-zA-Z0-9]';
const ALPHANUMPLUS = '[a-zA-Z0-9_-]';
/** 7-bit punctuation usable for section adornments and transitions. */
export const NONALPHANUM7BIT = '[!-\\/:-@\\[-`{-~]';
const OPTNAME = `${ALPHANUM}${ALPHANUMPLUS}*`;
const OPTARG = `(${ALPHA}${ALPHANUMPLUS}*|<[^<>]+>)`;
const SHORTOPT = `(-|\\+)${ALPHANUM}( ?${OPTARG})?`;
const LONGOPT = `(--|\\/)${OPTNAME}([ =]${OPTARG})?`;
const OPTION = `(${SHORTOPT}|${LONGOPT})`;

export type EnumFormat = 'parens' | 'rparen' | 'period';

export const ENUM_FORMAT_INFO: Record<EnumFormat, { prefix: string; suffix: string; start: number; end: number }> = {
  parens: { prefix: '(', suffix: ')', start: 1, end: -1 },
  rparen: { prefix: '', suffix: ')', start: 0, end: -1 },
  period: { prefix: '', suffix: '.', start: 0, end: -1 },
};
export const ENUM_FORMATS: readonly EnumFormat[] = ['parens', 'rparen', 'period'];

export type EnumSequence = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman';
export const ENUM_SEQUENCES: readonly EnumSequence[] = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman'];
export const ENUM_SEQUENCE_PATTERNS: Record<EnumSequence, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/,
};

const PARENS = `(?<parens>\\(${ENUM_SEQUENCE}\\))`;
const RPAREN = `(?<rparen>${ENUM_SEQUENCE}\\))`;
const PERIOD = `(?<period>${ENUM_SEQUENCE}\\.)`;

export const BODY_PATTERNS = {
  bullet: /^[-+*\u2022\u2023\u2043]( +|$)/u,
  enumerator: new RegExp(`^(${PARENS}|${RPAREN}|${PERIOD})( +|$)`, 'u'),
  fieldMarker: /^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/u,
  optionMarker: new RegExp(`^${OPTION}(, ${OPTION})*(  +| ?$)`, 'u'),
  doctest: /^>>>( +|$)/u,
  lineBlock: /^\|( +|$)/u,
  gridTableTop: /^\+-[-+]+-\+ *$/u,
  simpleTableTop: /^=+( +=+)+ *$/u,
  explicitMarkup: /^\.\.( +|$)/u,
  anonymous: /^__( +|$)/u,
  line: new RegExp(`^(${NONALPHANUM7BIT})\\1* *$`, 'u'),
  text: /^/u,
} as const;

export const SIMPLE_TABLE_BORDER = /^=+[ =]*$/u;
export const ATTRIBUTION = /^(---?(?!-)|\u2014) *(?=[^ \n])/u;

/** Explicit markup constructs, tried in this order after ".. ". */
export const EXPLICIT_CONSTRUCTS = {
  footnote: new RegExp(`^\\.\\.[ ]+\\[([0-9]+|#|#${SIMPLENAME}|\\*)\\]([ ]+|$)`, 'u'),
  citation: new RegExp(`^\\.\\.[ ]+\\[(${SIMPLENAME})\\]([ ]+|$)`, 'u'),
  hyperlinkTarget: /^\.\.[ ]+_(?![ ]|$)/u,
  substitutionDef: /^\.\.[ ]+\|(?![ ]|$)/u,
  directive: new RegExp(`^\\.\\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, 'u'),
} as const;

export const EXPLICIT_PATTERNS = {
  target: new RegExp(
    `^(_|(?!_)(?<quote>\`?)(?![ \`])(?<name>.+?)${NON_WHITESPACE_ESCAPE_BEFORE}\\k<quote>)(?<!(?<!\\x00):)${NON_WHITESPACE_ESCAPE_BEFORE}[ ]?:([ ]+|$)`,
    'u',
  ),
  reference: new RegExp(
    `^((?<simple>${SIMPLENAME})_|\`(?![ ])(?<phrase>.+?)${NON_WHITESPACE_ESCAPE_BEFORE}\`_)$`,
    'u',
  ),
  substitution: new RegExp(`^((?![ ])(?<name>.+?)${NON_WHITESPACE_ESCAPE_BEFORE}\\|)([ ]+|$)`, 'u'),
} as const;

/** A line starting a directive inside a substitution definition ("image:: ..."). */
export const EMBEDDED_DIRECTIVE = new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u');

/** RFC 2822 field ("Name: value") for PEP-style headers. */
export const RFC2822_FIELD = /^[!-9;-~]+:( +|$)/u;

export const CLASSIFIER_DELIMITER = / +: +/u;
