/**
 * Inline markup recognition patterns (docutils.parsers.rst.states.Inliner),
 * translated from Python's `re` to JavaScript: `\s`, `\w` and `\d` become
 * Python's Unicode classes, named groups keep docutils' names, and `$`
 * keeps Python's meaning (end, or before a final newline).
 */
import { PY_DIGIT, PY_SPACE, PY_WORD } from '../python-text.js';
import {
  PUNCTUATION_CLOSERS,
  PUNCTUATION_CLOSING_DELIMITERS,
  PUNCTUATION_DELIMITERS,
  PUNCTUATION_OPENERS,
} from '../unicode-data.js';

/** Python's `$` without MULTILINE. */
export const PY_END = '(?=\\n?$)';
const S = `[${PY_SPACE}]`;
const W = `[${PY_WORD}]`;
const D = `[${PY_DIGIT}]`;

export const NON_WHITESPACE_BEFORE = `(?<!${S})`;
export const NON_WHITESPACE_ESCAPE_BEFORE = `(?<![${PY_SPACE}\\x00])`;
export const NON_UNESCAPED_WHITESPACE_ESCAPE_BEFORE = `(?<!(?<!\\x00)[${PY_SPACE}\\x00])`;
export const NON_WHITESPACE_AFTER = `(?!${S})`;
/** A reference name without spaces: words joined by single `-._+:`. */
export const SIMPLENAME = `(?:(?!_)${W})+(?:[-._+:](?:(?!_)${W})+)*`;
const URIC = "[-_.!~*'()\\[\\];/:@&=+$,%a-zA-Z0-9\\x00]";
const URI_END_DELIM = '[>]';
const URILAST = '[_~*/=+a-zA-Z0-9]';
const URI_END = `(?:${URILAST}|${URIC}(?=${URI_END_DELIM}))`;
const EMAILC = "[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9\\x00]";
export const EMAIL_PATTERN = `${EMAILC}+(?:\\.${EMAILC}+)*(?<!\\x00)@${EMAILC}+(?:\\.${EMAILC}*)*${URI_END}`;

export interface InlinePatterns {
  startStringPrefix: string;
  endStringSuffix: string;
  initial: RegExp;
  /** The initial pattern, matched only where lastIndex points (sticky). */
  initialSticky: RegExp;
  /**
   * Whether a construct may start right after this character (the start
   * string prefix); null when any character is fine except a NUL escape.
   */
  startsAfter: ((codeUnit: number) => boolean) | null;
  emphasis: RegExp;
  strong: RegExp;
  interpretedOrPhraseRef: RegExp;
  embeddedLink: RegExp;
  literal: RegExp;
  target: RegExp;
  substitutionRef: RegExp;
  /** Anchored at the start (Python's pattern.match). */
  emailMatch: RegExp;
  uri: RegExp;
  /** The uri pattern, matched only where lastIndex points (sticky). */
  uriSticky: RegExp;
  /** The uri pattern anchored at the start. */
  uriMatch: RegExp;
  pep: RegExp;
  rfc: RegExp;
}

function compile(source: string, flags = 'u'): RegExp {
  return new RegExp(source, flags);
}

/**
 * A test on one UTF-16 code unit for a one-character pattern (lone
 * surrogates are let through: the regular expression decides for them).
 */
function precedingCharacterTest(pattern: string): (codeUnit: number) => boolean {
  const table = new Uint8Array(0x10000);
  table.fill(1, 0xd800, 0xe000);
  // One global search over every other code unit (made at each start: one
  // search is much quicker than 63,488 single-character tests).
  const units: string[] = [];
  for (let unit = 0; unit < 0x10000; unit += 0x800) {
    if (unit >= 0xd800 && unit < 0xe000) continue;
    const chunk: number[] = [];
    for (let offset = 0; offset < 0x800; offset++) chunk.push(unit + offset);
    units.push(String.fromCharCode(...chunk));
  }
  for (const match of units.join('').matchAll(new RegExp(`(?:${pattern})`, 'gu'))) table[match[0].charCodeAt(0)] = 1;
  return (codeUnit) => table[codeUnit] === 1;
}

const cache = new Map<boolean, InlinePatterns>();

/** The pattern set for word-level (default) or character-level inline markup. */
export function inlinePatterns(characterLevel: boolean): InlinePatterns {
  const cached = cache.get(characterLevel);
  if (cached) return cached;
  let startStringPrefix: string;
  let endStringSuffix: string;
  if (characterLevel) {
    startStringPrefix = '(^|(?<!\\x00))';
    endStringSuffix = '';
  } else {
    startStringPrefix = `(^|(?<=${S}|[${PUNCTUATION_OPENERS}${PUNCTUATION_DELIMITERS}]))`;
    endStringSuffix = `(${PY_END}|(?=${S}|[\\x00${PUNCTUATION_CLOSING_DELIMITERS}${PUNCTUATION_DELIMITERS}${PUNCTUATION_CLOSERS}]))`;
  }
  const start = `(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))${NON_WHITESPACE_AFTER}`;
  const footnoteLabel = `\\[(?<footnotelabel>[0-9]+|#(${SIMPLENAME})?|\\*|(?<citationlabel>${SIMPLENAME}))(?<fnend>\\]_)`;
  const whole = `(?<whole>(?<refname>${SIMPLENAME})(?<refend>__?)|${footnoteLabel})${endStringSuffix}`;
  const backquote = `(?<role>(:${SIMPLENAME}:)?)(?<backquote>\`(?!\`))${NON_WHITESPACE_AFTER}`;
  const initial = `${startStringPrefix}(?<initial_inline>${start}|${whole}|${backquote})`;
  const uri =
    `${startStringPrefix}(?<whole>(?<absolute>(?<scheme>[a-zA-Z][a-zA-Z0-9.+-]*):(((//?)?${URIC}*${URI_END})(\\?${URIC}*${URI_END})?(#${URIC}*${URI_END})?))` +
    `|(?<email>${EMAIL_PATTERN}))${endStringSuffix}`;
  const patterns: InlinePatterns = {
    startStringPrefix,
    endStringSuffix,
    initial: compile(initial, 'ug'),
    initialSticky: compile(initial, 'uy'),
    startsAfter: characterLevel ? null : precedingCharacterTest(`${S}|[${PUNCTUATION_OPENERS}${PUNCTUATION_DELIMITERS}]`),
    emphasis: compile(`${NON_WHITESPACE_ESCAPE_BEFORE}(\\*)${endStringSuffix}`),
    strong: compile(`${NON_WHITESPACE_ESCAPE_BEFORE}(\\*\\*)${endStringSuffix}`),
    interpretedOrPhraseRef: compile(
      `${NON_UNESCAPED_WHITESPACE_ESCAPE_BEFORE}(\`(?<suffix>(?<role>:${SIMPLENAME}:)?(?<refend>__?)?))${endStringSuffix}`,
    ),
    embeddedLink: compile(
      `((?:[ \\n]+|^)<${NON_WHITESPACE_AFTER}(([^<>]|\\x00[<>])+)${NON_WHITESPACE_ESCAPE_BEFORE}>)${PY_END}`,
    ),
    literal: compile(`${NON_WHITESPACE_BEFORE}(\`\`)${endStringSuffix}`),
    target: compile(`${NON_WHITESPACE_ESCAPE_BEFORE}(\`)${endStringSuffix}`),
    substitutionRef: compile(`${NON_WHITESPACE_ESCAPE_BEFORE}(\\|_{0,2})${endStringSuffix}`),
    emailMatch: compile(`^${EMAIL_PATTERN}${PY_END}`),
    uri: compile(uri),
    uriSticky: compile(uri, 'uy'),
    uriMatch: compile(`^(?:${uri})`),
    pep: compile(
      `${startStringPrefix}((pep-(?<pepnum1>${D}+)(.txt)?)|(PEP${S}+(?<pepnum2>${D}+)))${endStringSuffix}`,
    ),
    rfc: compile(`${startStringPrefix}(RFC(-|${S}+)?(?<rfcnum>${D}+))${endStringSuffix}`),
  };
  cache.set(characterLevel, patterns);
  return patterns;
}
