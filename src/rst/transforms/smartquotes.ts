/**
 * Typographic quotes and dashes (docutils.transforms.universal.SmartQuotes
 * with docutils.utils.smartquotes), run only when the `smartQuotes` setting
 * is on (true, or a string starting with "alt" for the alternative quotes).
 */
import { normalizeLanguageTag } from '../languages/language.js';
import type { Document } from '../document.js';
import { Element, Node, Text } from '../nodes.js';
import { PY_DIGIT, PY_SPACE, PY_WORD } from '../python-text.js';
import { findallLive, transformSettings, type TransformDefinition } from './transform.js';

/** Opening and closing primary quotes, opening and closing secondary quotes, per language tag. */
export type QuoteTable = Readonly<Record<string, readonly string[]>>;

export const SMART_QUOTES: QuoteTable = {
  "af": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "af-x-altquot": ["\u201e", "\u201d", "\u201a", "\u2019"],
  "bg": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "ca": ["\u00ab", "\u00bb", "\u201c", "\u201d"],
  "ca-x-altquot": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "cs": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "cs-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "da": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "da-x-altquot": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "de": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "de-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "de-ch": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "el": ["\u00ab", "\u00bb", "\u201c", "\u201d"],
  "en": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "en-uk-x-altquot": ["\u2018", "\u2019", "\u201c", "\u201d"],
  "eo": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "es": ["\u00ab", "\u00bb", "\u201c", "\u201d"],
  "es-x-altquot": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "et": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "et-x-altquot": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "eu": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "fi": ["\u201d", "\u201d", "\u2019", "\u2019"],
  "fi-x-altquot": ["\u00bb", "\u00bb", "\u203a", "\u203a"],
  "fr": ["\u00ab\u00a0", "\u00a0\u00bb", "\u201c", "\u201d"],
  "fr-x-altquot": ["\u00ab\u202f", "\u202f\u00bb", "\u201c", "\u201d"],
  "fr-ch": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "fr-ch-x-altquot": ["\u00ab\u202f", "\u202f\u00bb", "\u2039\u202f", "\u202f\u203a"],
  "gl": ["\u00ab", "\u00bb", "\u201c", "\u201d"],
  "he": ["\u201d", "\u201c", "\u00bb", "\u00ab"],
  "he-x-altquot": ["\u201e", "\u201d", "\u201a", "\u2019"],
  "hr": ["\u201e", "\u201d", "\u2018", "\u2019"],
  "hr-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "hsb": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "hsb-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "hu": ["\u201e", "\u201d", "\u00ab", "\u00bb"],
  "is": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "it": ["\u00ab", "\u00bb", "\u201c", "\u201d"],
  "it-ch": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "it-x-altquot": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "ja": ["\u300c", "\u300d", "\u300e", "\u300f"],
  "ko": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "lt": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "lv": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "mk": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "nl": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "nl-x-altquot": ["\u201e", "\u201d", "\u201a", "\u2019"],
  "nb": ["\u00ab", "\u00bb", "\u2019", "\u2019"],
  "nn": ["\u00ab", "\u00bb", "\u2019", "\u2019"],
  "nn-x-altquot": ["\u00ab", "\u00bb", "\u2018", "\u2019"],
  "no": ["\u00ab", "\u00bb", "\u2019", "\u2019"],
  "no-x-altquot": ["\u00ab", "\u00bb", "\u2018", "\u2019"],
  "pl": ["\u201e", "\u201d", "\u00ab", "\u00bb"],
  "pl-x-altquot": ["\u00ab", "\u00bb", "\u201a", "\u2019"],
  "pt": ["\u00ab", "\u00bb", "\u201c", "\u201d"],
  "pt-br": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "ro": ["\u201e", "\u201d", "\u00ab", "\u00bb"],
  "ru": ["\u00ab", "\u00bb", "\u201e", "\u201c"],
  "sh": ["\u201e", "\u201d", "\u201a", "\u2019"],
  "sh-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "sk": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "sk-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "sl": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "sl-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "sq": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "sq-x-altquot": ["\u201c", "\u201e", "\u2018", "\u201a"],
  "sr": ["\u201e", "\u201d", "\u2019", "\u2019"],
  "sr-x-altquot": ["\u00bb", "\u00ab", "\u203a", "\u2039"],
  "sv": ["\u201d", "\u201d", "\u2019", "\u2019"],
  "sv-x-altquot": ["\u00bb", "\u00bb", "\u203a", "\u203a"],
  "tr": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "tr-x-altquot": ["\u00ab", "\u00bb", "\u2039", "\u203a"],
  "uk": ["\u00ab", "\u00bb", "\u201e", "\u201c"],
  "uk-x-altquot": ["\u201e", "\u201c", "\u201a", "\u2018"],
  "zh-cn": ["\u201c", "\u201d", "\u2018", "\u2019"],
  "zh-tw": ["\u300c", "\u300d", "\u300e", "\u300f"],
};

const EN_DASH = '\u2013';
const EM_DASH = '\u2014';
const ELLIPSIS = '\u2026';
const APOSTROPHE = '\u2019';

/** The quote characters for a language (ASCII quotes when it has none). */
class SmartChars {
  readonly openPrimary: string;
  readonly closePrimary: string;
  readonly openSecondary: string;
  readonly closeSecondary: string;

  constructor(language: string, quotes: QuoteTable) {
    const chars = quotes[language.toLowerCase()] ?? ['"', '"', "'", "'"];
    [this.openPrimary, this.closePrimary, this.openSecondary, this.closeSecondary] = chars as [
      string,
      string,
      string,
      string,
    ];
  }
}

// Character classes of smartquotes.educateQuotes, in Python's Unicode sense.
const OPEN = '[([{]';
const CLOSE_PUNCT_CHARS = `\\-!" #$%'()*+,./:;<=>?@\\[\\\\\\]^_\`{|}~`;
const PUNCT = `[${CLOSE_PUNCT_CHARS}]`;
const DASH = '[-\u2013\u2014]|&[mn]dash;|&#8211;|&#8212;|&#x201[34];';
const SEP = `[${PY_SPACE}\u200b\u200c]|&nbsp;`;
const WORD = `[${PY_WORD}]`;
/**
 * Python's `PUNCT\B` (one punctuation character not followed by a word
 * boundary): "_" is a word character and needs a word character after it;
 * the others need a non-word character or the end.
 */
const PUNCT_NO_BOUNDARY = `(?:_(?=${WORD})|[${CLOSE_PUNCT_CHARS.replace('_', '')}](?!${WORD}))`;

const FIRST_SINGLE_CLOSING = new RegExp(`^'(?=${PUNCT_NO_BOUNDARY})`, 'u');
const FIRST_DOUBLE_CLOSING = new RegExp(`^"(?=${PUNCT_NO_BOUNDARY})`, 'u');
const DOUBLE_SINGLE = new RegExp(`"'(?=${WORD})`, 'gu');
const SINGLE_DOUBLE = new RegExp(`'"(?=${WORD})`, 'gu');
const OPENER_SINGLE = new RegExp(`(${OPEN}|${DASH})'(?=${PUNCT}? )`, 'gu');
const OPENER_DOUBLE = new RegExp(`(${OPEN}|${DASH})"(?=${PUNCT}? )`, 'gu');
const DECADE = new RegExp(`'(?=[${PY_DIGIT}]{2}s)`, 'gu');
const OPENING_SECONDARY = new RegExp(`(${SEP}|${OPEN}|${DASH})'(?=${WORD}|${PUNCT})`, 'gu');
const APOSTROPHE_PATTERN = new RegExp(`(?<=(${WORD}|[${PY_DIGIT}]))'(?=${WORD})`, 'gu');
const CLOSING_SECONDARY = new RegExp(`(?<![${PY_SPACE}])'`, 'gu');
const OPENING_PRIMARY = new RegExp(`(${SEP}|${OPEN}|${DASH})"(?=${WORD}|${PUNCT})`, 'gu');
const CLOSING_PRIMARY = new RegExp(`(?<![${PY_SPACE}])"|"(?=[${PY_SPACE}])`, 'gu');

/** smartquotes.educateQuotes. */
export function educateQuotes(
  text: string,
  language = 'en',
  quotes: QuoteTable = SMART_QUOTES,
): string {
  const smart = new SmartChars(language, quotes);
  text = text.replace(FIRST_SINGLE_CLOSING, () => smart.closeSecondary);
  text = text.replace(FIRST_DOUBLE_CLOSING, () => smart.closePrimary);
  text = text.replace(DOUBLE_SINGLE, () => smart.openPrimary + smart.openSecondary);
  text = text.replace(SINGLE_DOUBLE, () => smart.openSecondary + smart.openPrimary);
  text = text.replace(OPENER_SINGLE, (_match, opener: string) => opener + smart.closeSecondary);
  text = text.replace(OPENER_DOUBLE, (_match, opener: string) => opener + smart.closePrimary);
  if (language.startsWith('en')) text = text.replace(DECADE, () => APOSTROPHE);
  text = text.replace(OPENING_SECONDARY, (_match, opener: string) => opener + smart.openSecondary);
  if (smart.closeSecondary !== APOSTROPHE) text = text.replace(APOSTROPHE_PATTERN, () => APOSTROPHE);
  text = text.replace(CLOSING_SECONDARY, () => smart.closeSecondary);
  text = text.split("'").join(smart.openSecondary);
  text = text.replace(OPENING_PRIMARY, (_match, opener: string) => opener + smart.openPrimary);
  text = text.replace(CLOSING_PRIMARY, () => smart.closePrimary);
  text = text.split('"').join(smart.openPrimary);
  return text;
}

function replaceAll(text: string, search: string, replacement: string): string {
  return text.split(search).join(replacement);
}

/** smartquotes.educateBackticks: ``double'' quotes. */
export function educateBackticks(text: string, language = 'en', quotes = SMART_QUOTES): string {
  const smart = new SmartChars(language, quotes);
  return replaceAll(replaceAll(text, '``', smart.openPrimary), "''", smart.closePrimary);
}

/** smartquotes.educateSingleBackticks: `single' quotes. */
export function educateSingleBackticks(text: string, language = 'en', quotes = SMART_QUOTES): string {
  const smart = new SmartChars(language, quotes);
  return replaceAll(replaceAll(text, '`', smart.openSecondary), "'", smart.closeSecondary);
}

/** "---" → en dash and "--" → em dash (docutils' "yes, backwards"). */
export function educateDashes(text: string): string {
  return replaceAll(replaceAll(text, '---', EN_DASH), '--', EM_DASH);
}

/** "---" → em dash, "--" → en dash. */
export function educateDashesOldSchool(text: string): string {
  return replaceAll(replaceAll(text, '---', EM_DASH), '--', EN_DASH);
}

/** Same replacements as educateDashes (docutils keeps both names). */
export function educateDashesOldSchoolInverted(text: string): string {
  return replaceAll(replaceAll(text, '---', EN_DASH), '--', EM_DASH);
}

export function educateEllipses(text: string): string {
  return replaceAll(replaceAll(text, '...', ELLIPSIS), '. . .', ELLIPSIS);
}

/** smartquotes.stupefyEntities: back to ASCII. */
export function stupefyEntities(text: string, language = 'en', quotes = SMART_QUOTES): string {
  const smart = new SmartChars(language, quotes);
  text = replaceAll(text, EN_DASH, '-');
  text = replaceAll(text, EM_DASH, '--');
  text = replaceAll(text, smart.openSecondary, "'");
  text = replaceAll(text, smart.closeSecondary, "'");
  text = replaceAll(text, smart.openPrimary, '"');
  text = replaceAll(text, smart.closePrimary, '"');
  return replaceAll(text, ELLIPSIS, '...');
}

const ESCAPES: readonly [string, string][] = [
  ['\\\\', '&#92;'],
  ['\\"', '&#34;'],
  ["\\'", '&#39;'],
  ['\\.', '&#46;'],
  ['\\-', '&#45;'],
  ['\\`', '&#96;'],
];

/** smartquotes.processEscapes: protect backslash-escaped characters (and restore them). */
export function processEscapes(text: string, restore = false): string {
  for (const [escaped, entity] of ESCAPES) {
    text = restore ? replaceAll(text, entity, escaped[1]!) : replaceAll(text, escaped, entity);
  }
  return text;
}

export type TokenType = 'tag' | 'literal' | 'plain';

function lastCodePoint(text: string): string {
  if (text.length === 0) return '';
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1]!;
}

/** smartquotes.educate_tokens: educate each plain token, using the previous token's last character as context. */
export function* educateTokens(
  tokens: Iterable<[TokenType, string]>,
  attr = '1',
  language = 'en',
  quotes: QuoteTable = SMART_QUOTES,
): Generator<string> {
  let convertQuot = false;
  let doDashes = 0;
  let doBackticks = 0;
  let doQuotes = false;
  let doEllipses = false;
  let doStupefy = false;
  if (attr === '1' || attr === '2' || attr === '3') {
    doQuotes = true;
    doBackticks = 1;
    doDashes = Number(attr);
    doEllipses = true;
  } else if (attr === '-1') {
    doStupefy = true;
  } else {
    if (attr.includes('q')) doQuotes = true;
    if (attr.includes('b')) doBackticks = 1;
    if (attr.includes('B')) doBackticks = 2;
    if (attr.includes('d')) doDashes = 1;
    if (attr.includes('D')) doDashes = 2;
    if (attr.includes('i')) doDashes = 3;
    if (attr.includes('e')) doEllipses = true;
    if (attr.includes('w')) convertQuot = true;
  }
  let previousLastChar = ' ';
  for (const [type, original] of tokens) {
    if (type === 'tag' || !original) {
      yield original;
      continue;
    }
    if (type === 'literal') {
      previousLastChar = lastCodePoint(original);
      yield original;
      continue;
    }
    const lastChar = lastCodePoint(original);
    let text = processEscapes(original);
    if (convertQuot) text = replaceAll(text, '&quot;', '"');
    if (doDashes === 1) text = educateDashes(text);
    else if (doDashes === 2) text = educateDashesOldSchool(text);
    else if (doDashes === 3) text = educateDashesOldSchoolInverted(text);
    if (doEllipses) text = educateEllipses(text);
    // Backticks before quotes.
    if (doBackticks) text = educateBackticks(text, language, quotes);
    if (doBackticks === 2) text = educateSingleBackticks(text, language, quotes);
    if (doQuotes) {
      // A plain quote as context would itself be educated (to two characters in French).
      const context = previousLastChar.replace(/["']/g, ';');
      text = educateQuotes(context + text, language, quotes).slice(context.length);
    }
    if (doStupefy) text = stupefyEntities(text, language, quotes);
    previousLastChar = lastChar;
    yield processEscapes(text, true);
  }
}

/** docutils.utils.normalize_language_tag (one implementation, in the languages module). */
export const normalizeLanguageTagForQuotes = normalizeLanguageTag;

/** Block-level elements whose text is not educated. */
function isSkipped(node: Node): boolean {
  return node.is('FixedTextElement') || node.is('Special');
}

/** Inline elements whose text is passed through as literal. */
function isLiteral(node: Node | null): boolean {
  if (!node) return false;
  return (
    node.is('FixedTextElement') ||
    node.is('Special') ||
    node.is('image') ||
    node.is('literal') ||
    node.is('math') ||
    node.is('raw') ||
    node.is('problematic')
  );
}

const ACTIVE_AFTER_ESCAPE = /(?<=\x00)([-\\'".`])/g;

function* tokensOf(textNodes: readonly Text[]): Generator<[TokenType, string]> {
  for (const node of textNodes) {
    if (isLiteral(node.parent) || isLiteral(node.parent?.parent ?? null)) {
      yield ['literal', node.data];
    } else {
      // smartquotes uses backslash escapes where docutils keeps NUL markers.
      yield ['plain', node.data.replace(ACTIVE_AFTER_ESCAPE, '\\$1')];
    }
  }
}

/** docutils' Element.get_language_code as 0.19 behaves: only the element's own classes count. */
function languageCodeOf(node: Element, fallback: string): string {
  for (const value of node.classes) if (value.startsWith('language-')) return value.slice('language-'.length);
  return fallback;
}

/** Python's `list.index`: the first child that is the node or a Text node with equal text. */
function pythonIndex(parent: Element, node: Text): number {
  return parent.children.findIndex((child) => child === node || (child instanceof Text && child.data === node.data));
}

/** "qDe": quotes, old-school dashes ("--" en, "---" em) and ellipses. */
const SMARTQUOTES_ACTION = 'qDe';

export const SmartQuotes: TransformDefinition = {
  name: 'docutils.transforms.universal.SmartQuotes',
  defaultPriority: 855,
  apply({ document }) {
    const setting = document.settings.smartQuotes as unknown;
    if (!setting) return;
    const alternative = typeof setting === 'string' && setting.startsWith('alt');
    const documentLanguage = document.settings.languageCode;
    const locales = transformSettings(document).smartquotesLocales;
    const quotes: Record<string, readonly string[]> = { ...SMART_QUOTES };
    for (const [language, chars] of locales ?? []) {
      quotes[language] = typeof chars === 'string' ? (chars.includes(':') ? chars.split(':') : Array.from(chars)) : chars;
    }
    const unsupported = new Set<string>();
    for (const found of findallLive(document, 'TextElement')) {
      const node = found as Element;
      if (isSkipped(node)) continue;
      if (node.parent?.isTextElement) continue;
      const textNodes = [...node.findall('Text')].filter((text) => !text.parent?.is('option_string')) as Text[];
      let language = languageCodeOf(node, documentLanguage);
      if (alternative) {
        language = language.includes('-x-altquot') ? language.replace('-x-altquot', '') : language + '-x-altquot';
      }
      const supported = normalizeLanguageTagForQuotes(language).find((tag) => tag in quotes);
      if (supported !== undefined) {
        language = supported;
      } else {
        if (!unsupported.has(language)) {
          document.reporter.warning(`No smart quotes defined for language "${language}".`, [], { baseNode: node });
        }
        unsupported.add(language);
        language = '';
      }
      const educated = educateTokens(tokensOf(textNodes), SMARTQUOTES_ACTION, language, quotes);
      for (const textNode of textNodes) {
        const next = educated.next();
        if (next.done) break;
        const parent = textNode.parent!;
        const index = pythonIndex(parent, textNode);
        parent.setChild(index, new Text(next.value));
      }
    }
  },
};

export type { Document };
