/**
 * Inline markup recognition (docutils.parsers.rst.states.Inliner).
 *
 *     see *this* `ref`_ and ``code``
 *         ^ start-string found by the `initial` pattern; the construct's
 *           end pattern is then searched in the rest of the text.
 *
 * Text is scanned for the earliest start-string; plain text between
 * constructs is scanned for standalone URIs (and PEP/RFC references when
 * enabled) by `implicitInline`.
 */
import type { Document, Reporter } from '../document.js';
import {
  Element,
  type Node,
  type Position,
  Text,
  element,
  fullyNormalizeName,
  unescape,
  whitespaceNormalizeName,
} from '../nodes.js';
import { isPythonSpace, rstrip, splitWhitespace } from '../python-text.js';
import type { Language } from '../languages/language.js';
import type { Memo } from '../parser/rst-state.js';
import { type InlinePatterns, inlinePatterns } from './patterns.js';
import { URI_SCHEMES } from './uri-schemes.js';
import { escape2null, splitEscapedWhitespace } from './escapes.js';
import type { SourceMap } from '../positions.js';
import { matchChars } from './punctuation.js';

const MARKUP_CHARACTERS_GLOBAL = /[*`_|\]]/g;

/**
 * Search `text` for the leftmost match of a pattern whose matches all
 * contain one of the `required` characters with no whitespace between the
 * match's start and that character: only positions from the last
 * whitespace before each such character up to the character are tried,
 * with the pattern's sticky form, windows in text order. `startsAfter`
 * rules out positions the pattern's start-string prefix would reject.
 */
function windowSearch(
  text: string,
  required: RegExp,
  sticky: RegExp,
  startsAfter: ((codeUnit: number) => boolean) | null,
): RegExpExecArray | null {
  let from = 0;
  for (;;) {
    required.lastIndex = from;
    const found = required.exec(text);
    if (!found) return null;
    const index = found.index;
    for (let position = Math.max(from, searchStart(text, index)); position <= index; position++) {
      if (position > 0 && startsAfter && !startsAfter(text.charCodeAt(position - 1))) continue;
      sticky.lastIndex = position;
      const match = sticky.exec(text);
      if (match) return match;
    }
    from = index + 1;
  }
}

/** Every standalone URI has a ":" after its scheme or an "@" in its address. */
const URI_CHARACTERS_GLOBAL = /[:@]/g;

/** Index just after the last (Python) whitespace before `index`, or 0. */
function searchStart(text: string, index: number): number {
  for (let at = index - 1; at >= 0; at--) {
    if (isPythonSpace(text.charCodeAt(at))) return at + 1;
  }
  return 0;
}

/** Raised by an implicit-markup handler that declines its match (control flow: no stack trace). */
export class MarkupMismatch {}

/** Returned by each construct: [text before, new nodes, text after, system messages]. */
type ConstructResult = [string, Node[], string, Element[]];

type Dispatch = (match: RegExpExecArray, lineno: number) => ConstructResult;

/*
 * Group positions are derived from the match, so the patterns need no `d`
 * flag (which allocates index arrays for every group): in the initial
 * pattern the construct starts where the match does (the prefix is a
 * zero-width lookbehind), and in the end patterns group 1 starts where the
 * match does (the suffix is a lookahead).
 */

/** Start of the `start`, `whole` or `role` group of an initial match (all begin the match). */
function constructStart(match: RegExpExecArray): number {
  return match.index;
}

/** [start, end) of the backquote of an initial match: after the optional role prefix. */
function backquoteSpan(match: RegExpExecArray): [number, number] {
  const start = match.index + (match.groups?.['role']?.length ?? 0);
  return [start, start + 1];
}

function group(match: RegExpExecArray, name: string): string | undefined {
  return match.groups?.[name];
}

/** Maps an offset in the parsed text to its point in the source. */
export interface Locator {
  map: SourceMap;
  /** The source offset of an offset in the parsed text, when known. */
  offset(textOffset: number): number | undefined;
}

/**
 * How far back the end-string patterns look (NON_UNESCAPED_WHITESPACE_ESCAPE_BEFORE
 * looks at two characters, the others at one; patterns.ts).
 */
const END_STRING_LOOKBEHIND = 2;

const stickyForms = new WeakMap<RegExp, RegExp>();

function stickyForm(pattern: RegExp): RegExp {
  let sticky = stickyForms.get(pattern);
  if (!sticky) stickyForms.set(pattern, (sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')));
  return sticky;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

export class Inliner {
  /** Set during parse(): where offsets of the text being parsed are in the source. */
  locate: Locator | undefined = undefined;
  document!: Document;
  reporter!: Reporter;
  language!: Language;
  parent!: Element;
  memo!: Memo;
  patterns!: InlinePatterns;
  /** Implicit constructs: how to find the next one in a text, and what to make of it. */
  implicitDispatch: [(text: string) => RegExpExecArray | null, (match: RegExpExecArray, lineno: number) => Node[]][] = [];
  private readonly dispatch: Record<string, Dispatch>;
  /** Length of the text parse() is working on: constructs see suffixes of it. */
  private parsedLength = 0;
  /** Per end pattern, where its search last found nothing (made on the first miss of a parse). */
  private endStringMisses: Map<RegExp, number> | null = null;

  constructor() {
    this.dispatch = {
      '*': (match, lineno) => this.emphasis(match, lineno),
      '**': (match, lineno) => this.strong(match, lineno),
      '`': (match, lineno) => this.interpretedOrPhraseRef(match, lineno),
      '``': (match, lineno) => this.literal(match, lineno),
      '_`': (match, lineno) => this.inlineInternalTarget(match, lineno),
      ']_': (match, lineno) => this.footnoteReference(match, lineno),
      '|': (match, lineno) => this.substitutionReference(match, lineno),
      _: (match, lineno) => this.reference(match, lineno),
      __: (match, lineno) => this.anonymousReference(match, lineno),
    };
  }

  /** docutils' init_customizations: choose patterns and implicit constructs from the settings. */
  initCustomizations(settings: Document['settings']): void {
    this.patterns = inlinePatterns(settings.characterLevelInlineMarkup);
    const patterns = this.patterns;
    const search = (pattern: RegExp) => (text: string) => {
      pattern.lastIndex = 0;
      return pattern.exec(text);
    };
    this.implicitDispatch = [
      [
        (text) => windowSearch(text, URI_CHARACTERS_GLOBAL, patterns.uriSticky, patterns.startsAfter),
        (match, lineno) => this.standaloneUri(match, lineno),
      ],
    ];
    if (settings.pepReferences) {
      this.implicitDispatch.push([search(patterns.pep), (match, lineno) => this.pepReference(match, lineno)]);
    }
    if (settings.rfcReferences) {
      this.implicitDispatch.push([search(patterns.rfc), (match, lineno) => this.rfcReference(match, lineno)]);
    }
  }

  /**
   * Parse `text` (at line `lineno`) into inline nodes; returns [nodes,
   * system messages]. `locate` maps an offset in `text` to its source
   * point, so inline nodes get positions.
   */
  parse(text: string, lineno: number, memo: Memo, parent: Element, locate?: Locator): [Node[], Element[]] {
    this.memo = memo;
    this.reporter = memo.reporter;
    this.document = memo.document;
    this.language = memo.language;
    this.parent = parent;
    this.locate = locate;
    let remaining = escape2null(text);
    const total = remaining.length;
    // A role may parse inline text of its own: keep the caller's end-string misses.
    const outerLength = this.parsedLength;
    const outerMisses = this.endStringMisses;
    this.parsedLength = total;
    this.endStringMisses = null;
    const processed: Node[] = [];
    let unprocessed: string[] = [];
    let unprocessedStart = 0;
    const messages: Element[] = [];
    while (remaining) {
      const match = this.findConstruct(remaining);
      if (!match) break;
      const base = total - remaining.length;
      const key = group(match, 'start') || group(match, 'backquote') || group(match, 'refend') || group(match, 'fnend')!;
      const [before, inlines, rest, sysmessages] = this.dispatch[key]!(match, lineno);
      remaining = rest;
      unprocessed.push(before);
      messages.push(...sysmessages);
      if (inlines.length > 0) {
        if (locate) this.place(inlines, base + before.length, total - rest.length);
        processed.push(...this.implicitInline(unprocessed.join(''), lineno, unprocessedStart));
        processed.push(...inlines);
        unprocessed = [];
        unprocessedStart = total - rest.length;
      }
    }
    remaining = unprocessed.join('') + remaining;
    if (remaining) processed.push(...this.implicitInline(remaining, lineno, unprocessedStart));
    this.locate = undefined;
    this.parsedLength = outerLength;
    this.endStringMisses = outerMisses;
    return [processed, messages];
  }

  /**
   * `endPattern.exec(rest)`, where `rest` is the parsed text from offset
   * `restStart` on, as docutils searches `string[matchend:]` for a
   * construct's end-string. When such a search found nothing, a later one
   * starting further on can only match within its first
   * END_STRING_LOOKBEHIND characters (only there do the end patterns'
   * lookbehinds see the start of the searched string instead of the text
   * before it), so only those positions are tried: each unclosed
   * start-string no longer rescans the rest of the text, which made runs of
   * them quadratic (in docutils too). The result is the same match or null.
   */
  private searchEndString(endPattern: RegExp, rest: string, restStart: number): RegExpExecArray | null {
    const missFrom = this.endStringMisses?.get(endPattern);
    if (missFrom !== undefined && restStart >= missFrom) {
      const sticky = stickyForm(endPattern);
      for (let position = 0; position < END_STRING_LOOKBEHIND && position < rest.length; position++) {
        // A unicode pattern's search never starts inside a surrogate pair.
        if (position > 0 && isSurrogatePair(rest, position - 1)) break;
        sticky.lastIndex = position;
        const match = sticky.exec(rest);
        if (match) return match;
      }
      return null;
    }
    endPattern.lastIndex = 0;
    const match = endPattern.exec(rest);
    if (!match) (this.endStringMisses ??= new Map()).set(endPattern, restStart);
    return match;
  }

  /**
   * The leftmost inline construct in `text` (the initial pattern's search).
   *
   * Every construct contains a markup character (* ` _ | ]) with no
   * whitespace between the construct's start and that character, so the
   * leftmost match starts in the window between the last whitespace before
   * a markup character and the character itself. Only those positions are
   * tried (with the sticky pattern); windows are taken in order, so the
   * first match found is the leftmost.
   */
  private findConstruct(text: string): RegExpExecArray | null {
    return windowSearch(text, MARKUP_CHARACTERS_GLOBAL, this.patterns.initialSticky, this.patterns.startsAfter);
  }

  /** Give nodes (and their descendants without one) the span [start, end) of the parsed text. */
  private place(nodes: readonly Node[], start: number, end: number): void {
    const span = this.spanOf(start, end);
    if (span) for (let index = 0; index < nodes.length; index++) giveSpan(nodes[index]!, span);
  }

  /** The source span of [start, end) of the parsed text, when it is known. */
  private spanOf(start: number, end: number): Position | undefined {
    const locate = this.locate;
    if (!locate) return undefined;
    const from = locate.offset(start);
    const to = locate.offset(end);
    if (from === undefined || to === undefined) return undefined;
    return locate.map.span(from, to);
  }

  /** True when the start-string is quoted by matching open/close punctuation ("*" in ('*')). */
  private quotedStart(match: RegExpExecArray): boolean {
    const string = match.input;
    const start = match.index;
    if (start === 0) return false;
    const end = start + match[0].length;
    const prestart = charBefore(string, start);
    if (end >= string.length) return true;
    const poststart = charAt(string, end);
    return matchChars(prestart, poststart);
  }

  private inlineObj(
    match: RegExpExecArray,
    lineno: number,
    endPattern: RegExp,
    tagname: string,
    restoreBackslashes = false,
  ): [...ConstructResult, string] {
    const string = match.input;
    const matchStart = constructStart(match);
    const matchEnd = matchStart + group(match, 'start')!.length;
    if (this.quotedStart(match)) return [string.slice(0, matchEnd), [], string.slice(matchEnd), [], ''];
    const rest = string.slice(matchEnd);
    const endMatch = this.searchEndString(endPattern, rest, this.parsedLength - string.length + matchEnd);
    if (endMatch && endMatch.index) {
      let text = rest.slice(0, endMatch.index);
      if (restoreBackslashes) text = unescape(text, true);
      const textEnd = matchEnd + endMatch.index + endMatch[1]!.length;
      const rawsource = unescape(string.slice(matchStart, textEnd), true);
      const node = element(tagname, rawsource, text);
      return [string.slice(0, matchStart), [node], string.slice(textEnd), [], endMatch[1]!];
    }
    const message = this.reporter.warning(`Inline ${tagname} start-string without end-string.`, [], { line: lineno });
    const text = unescape(string.slice(matchStart, matchEnd), true);
    const problematic = this.problematic(text, text, message);
    return [string.slice(0, matchStart), [problematic], string.slice(matchEnd), [message], ''];
  }

  /** A `problematic` node linked both ways with its system message. */
  problematic(text: string, rawsource: string, message: Element): Element {
    const messageId = this.document.setId(message, this.parent);
    const problematic = element('problematic', rawsource, text, [], { refid: messageId });
    const problematicId = this.document.setId(problematic);
    message.backrefs.push(problematicId);
    return problematic;
  }

  private emphasis(match: RegExpExecArray, lineno: number): ConstructResult {
    const [before, inlines, remaining, messages] = this.inlineObj(match, lineno, this.patterns.emphasis, 'emphasis');
    return [before, inlines, remaining, messages];
  }

  private strong(match: RegExpExecArray, lineno: number): ConstructResult {
    const [before, inlines, remaining, messages] = this.inlineObj(match, lineno, this.patterns.strong, 'strong');
    return [before, inlines, remaining, messages];
  }

  private interpretedOrPhraseRef(match: RegExpExecArray, lineno: number): ConstructResult {
    const endPattern = this.patterns.interpretedOrPhraseRef;
    const string = match.input;
    const [matchStart, matchEnd] = backquoteSpan(match);
    const roleStart = constructStart(match);
    let role = group(match, 'role') ?? '';
    let position = '';
    if (role) {
      role = role.slice(1, -1);
      position = 'prefix';
    } else if (this.quotedStart(match)) {
      return [string.slice(0, matchEnd), [], string.slice(matchEnd), []];
    }
    const rest = string.slice(matchEnd);
    const endMatch = this.searchEndString(endPattern, rest, this.parsedLength - string.length + matchEnd);
    if (endMatch && endMatch.index) {
      const textEnd = matchEnd + endMatch.index + endMatch[0].length;
      if (group(endMatch, 'role')) {
        if (role) {
          const message = this.reporter.warning(
            'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
            [],
            { line: lineno },
          );
          const text = unescape(string.slice(roleStart, textEnd), true);
          const problematic = this.problematic(text, text, message);
          return [string.slice(0, roleStart), [problematic], string.slice(textEnd), [message]];
        }
        role = group(endMatch, 'suffix')!.slice(1, -1);
        position = 'suffix';
      }
      const escaped = rest.slice(0, endMatch.index);
      let rawsource = unescape(string.slice(matchStart, textEnd), true);
      if (rawsource.endsWith('_')) {
        if (role) {
          const message = this.reporter.warning(
            `Mismatch: both interpreted text role ${position} and reference suffix.`,
            [],
            { line: lineno },
          );
          const text = unescape(string.slice(roleStart, textEnd), true);
          const problematic = this.problematic(text, text, message);
          return [string.slice(0, roleStart), [problematic], string.slice(textEnd), [message]];
        }
        return this.phraseRef(string.slice(0, matchStart), string.slice(textEnd), rawsource, escaped);
      }
      rawsource = unescape(string.slice(roleStart, textEnd), true);
      const [nodes, messages] = this.interpreted(rawsource, escaped, role, lineno);
      return [string.slice(0, roleStart), nodes, string.slice(textEnd), messages];
    }
    const message = this.reporter.warning(
      'Inline interpreted text or phrase reference start-string without end-string.',
      [],
      { line: lineno },
    );
    const text = unescape(string.slice(matchStart, matchEnd), true);
    const problematic = this.problematic(text, text, message);
    return [string.slice(0, matchStart), [problematic], string.slice(matchEnd), [message]];
  }

  private phraseRef(before: string, after: string, rawsource: string, escaped: string): ConstructResult {
    const embedded = this.patterns.embeddedLink;
    embedded.lastIndex = 0;
    const match = embedded.exec(escaped);
    let text: string;
    let unescaped: string;
    let rawtext: string;
    let target: Element | null = null;
    let aliasType: 'name' | 'uri' | '' = '';
    let alias = '';
    if (match) {
      text = escaped.slice(0, match.index);
      unescaped = unescape(text);
      rawtext = unescape(text, true);
      const aliasText = match[2]!;
      const rawAliasText = unescape(aliasText, true);
      const underscoreEscaped = rawAliasText.endsWith('\\_');
      this.patterns.uriMatch.lastIndex = 0;
      if (aliasText.endsWith('_') && !(underscoreEscaped || this.patterns.uriMatch.test(aliasText))) {
        aliasType = 'name';
        alias = fullyNormalizeName(unescape(aliasText.slice(0, -1)));
        target = element('target', match[1]!, '', [], { refname: alias });
        target.indirectReferenceName = whitespaceNormalizeName(unescape(aliasText.slice(0, -1)));
      } else {
        aliasType = 'uri';
        const aliasParts = splitEscapedWhitespace(match[2]!);
        alias = aliasParts.map((part) => splitWhitespace(part).join('')).join(' ');
        alias = this.adjustUri(unescape(alias));
        if (alias.endsWith('\\_')) alias = alias.slice(0, -2) + '_';
        target = element('target', match[1]!, '', [], { refuri: alias });
        target.referenced = true;
      }
      if (!aliasText) throw new Error(`problem with embedded link: '${aliasText}'`);
      if (!text) {
        text = alias;
        unescaped = unescape(text);
        rawtext = rawAliasText;
      }
    } else {
      text = escaped;
      unescaped = unescape(text);
      rawtext = unescape(escaped, true);
    }
    void rawtext;
    const refname = fullyNormalizeName(unescaped);
    const reference = element('reference', rawsource, text, [], { name: whitespaceNormalizeName(unescaped) });
    const nodeList: Node[] = [reference];
    if (rawsource.endsWith('__')) {
      if (target && aliasType === 'name') {
        reference.set('refname', alias);
        this.document.noteRefname(reference);
      } else if (target && aliasType === 'uri') {
        reference.set('refuri', alias);
      } else {
        reference.set('anonymous', 1);
      }
    } else if (target) {
      target.names.push(refname);
      if (aliasType === 'name') {
        reference.set('refname', alias);
        this.document.noteIndirectTarget(target);
        this.document.noteRefname(reference);
      } else {
        reference.set('refuri', alias);
        this.document.noteExplicitTarget(target, this.parent);
      }
      nodeList.push(target);
    } else {
      reference.set('refname', refname);
      this.document.noteRefname(reference);
    }
    return [before, nodeList, after, []];
  }

  /** "mailto:" for bare e-mail addresses, otherwise the URI unchanged. */
  adjustUri(uri: string): string {
    this.patterns.emailMatch.lastIndex = 0;
    return this.patterns.emailMatch.test(uri) ? 'mailto:' + uri : uri;
  }

  private interpreted(rawsource: string, text: string, role: string, lineno: number): [Node[], Element[]] {
    const [roleFunction, messages] = this.memo.registry.role(role, this.language, lineno, this.reporter);
    if (roleFunction) {
      const [nodes, moreMessages] = roleFunction(role, rawsource, text, lineno, this);
      return [nodes, [...messages, ...moreMessages]];
    }
    const message = this.reporter.error(`Unknown interpreted text role "${role}".`, [], { line: lineno });
    return [[this.problematic(rawsource, rawsource, message)], [...messages, message]];
  }

  private literal(match: RegExpExecArray, lineno: number): ConstructResult {
    const [before, inlines, remaining, messages] = this.inlineObj(match, lineno, this.patterns.literal, 'literal', true);
    return [before, inlines, remaining, messages];
  }

  private inlineInternalTarget(match: RegExpExecArray, lineno: number): ConstructResult {
    const [before, inlines, remaining, messages] = this.inlineObj(match, lineno, this.patterns.target, 'target');
    const first = inlines[0];
    if (first instanceof Element && first.tagname === 'target') {
      const name = fullyNormalizeName(first.astext());
      first.names.push(name);
      this.document.noteExplicitTarget(first, this.parent);
    }
    return [before, inlines, remaining, messages];
  }

  private substitutionReference(match: RegExpExecArray, lineno: number): ConstructResult {
    const [before, found, remaining, messages, endString] = this.inlineObj(
      match,
      lineno,
      this.patterns.substitutionRef,
      'substitution_reference',
    );
    let inlines = found;
    if (inlines.length === 1) {
      const subref = inlines[0]!;
      if (subref instanceof Element && subref.tagname === 'substitution_reference') {
        const subrefText = subref.astext();
        this.document.noteSubstitutionRef(subref, subrefText);
        if (endString.endsWith('_')) {
          const reference = element('reference', `|${subrefText}${endString}`, '');
          if (endString.endsWith('__')) {
            reference.set('anonymous', 1);
          } else {
            reference.set('refname', fullyNormalizeName(subrefText));
            this.document.noteRefname(reference);
          }
          reference.append(subref);
          inlines = [reference];
        }
      }
    }
    return [before, inlines, remaining, messages];
  }

  private footnoteReference(match: RegExpExecArray, lineno: number): ConstructResult {
    void lineno;
    const label = group(match, 'footnotelabel')!;
    let refname = fullyNormalizeName(label);
    const string = match.input;
    let before = string.slice(0, constructStart(match));
    const remaining = string.slice(constructStart(match) + group(match, 'whole')!.length);
    let refnode: Element;
    if (group(match, 'citationlabel')) {
      refnode = element('citation_reference', `[${label}]_`, '', [], { refname });
      refnode.append(new Text(label));
      this.document.noteCitationRef(refnode);
    } else {
      refnode = element('footnote_reference', `[${label}]_`);
      if (refname.startsWith('#')) {
        refname = refname.slice(1);
        refnode.set('auto', 1);
        this.document.noteAutofootnoteRef(refnode);
      } else if (refname === '*') {
        refname = '';
        refnode.set('auto', '*');
        this.document.noteSymbolFootnoteRef(refnode);
      } else {
        refnode.append(new Text(label));
      }
      if (refname) {
        refnode.set('refname', refname);
        this.document.noteFootnoteRef(refnode);
      }
      if (this.document.settings.trimFootnoteReferenceSpace) before = rstrip(before);
    }
    return [before, [refnode], remaining, []];
  }

  private reference(match: RegExpExecArray, lineno: number, anonymous = false): ConstructResult {
    void lineno;
    const referenceName = group(match, 'refname')!;
    const refname = fullyNormalizeName(referenceName);
    const referenceNode = element('reference', referenceName + group(match, 'refend')!, referenceName, [], {
      name: whitespaceNormalizeName(referenceName),
    });
    if (anonymous) {
      referenceNode.set('anonymous', 1);
    } else {
      referenceNode.set('refname', refname);
      this.document.noteRefname(referenceNode);
    }
    const string = match.input;
    return [
      string.slice(0, constructStart(match)),
      [referenceNode],
      string.slice(constructStart(match) + group(match, 'whole')!.length),
      [],
    ];
  }

  private anonymousReference(match: RegExpExecArray, lineno: number): ConstructResult {
    return this.reference(match, lineno, true);
  }

  private standaloneUri(match: RegExpExecArray, _lineno: number): Node[] {
    const scheme = group(match, 'scheme');
    if (!scheme || URI_SCHEMES.has(scheme.toLowerCase())) {
      const addScheme = group(match, 'email') ? 'mailto:' : '';
      const text = group(match, 'whole')!;
      const refuri = addScheme + unescape(text);
      return [element('reference', unescape(text, true), text, [], { refuri })];
    }
    throw new MarkupMismatch();
  }

  private pepReference(match: RegExpExecArray, _lineno: number): Node[] {
    const text = match[0];
    let pepNumber: number;
    if (text.startsWith('pep-')) pepNumber = parseInt(unescape(group(match, 'pepnum1')!), 10);
    else if (text.startsWith('PEP')) pepNumber = parseInt(unescape(group(match, 'pepnum2')!), 10);
    else throw new MarkupMismatch();
    const settings = this.document.settings;
    const ref = settings.pepBaseUrl + formatPercentD(settings.pepFileUrlTemplate, pepNumber);
    return [element('reference', unescape(text, true), text, [], { refuri: ref })];
  }

  private rfcReference(match: RegExpExecArray, _lineno: number): Node[] {
    const text = match[0];
    if (!text.startsWith('RFC')) throw new MarkupMismatch();
    const rfcNumber = parseInt(unescape(group(match, 'rfcnum')!), 10);
    const ref = this.document.settings.rfcBaseUrl + `rfc${rfcNumber}.html`;
    return [element('reference', unescape(text, true), text, [], { refuri: ref })];
  }

  /**
   * Scan plain text for standalone URIs (and PEP/RFC references when
   * enabled); `base` is the text's offset in the parsed string.
   */
  implicitInline(text: string, lineno: number, base = 0): Node[] {
    if (!text) return [];
    for (const [find, method] of this.implicitDispatch) {
      const match = find(text);
      if (match) {
        try {
          const found = method(match, lineno);
          const end = match.index + match[0].length;
          this.place(found, base + match.index, base + end);
          return [
            ...this.implicitInline(text.slice(0, match.index), lineno, base),
            ...found,
            ...this.implicitInline(text.slice(end), lineno, base + end),
          ];
        } catch (error) {
          if (!(error instanceof MarkupMismatch)) throw error;
        }
      }
    }
    const node = new Text(text);
    if (this.locate) node.position = this.spanOf(base, base + text.length);
    return [node];
  }
}

/** Gives `node` and its descendants without a position the span. */
function giveSpan(node: Node, span: Position): void {
  if (!node.position) node.position = span;
  if (node instanceof Element) {
    const children = node.children;
    for (let index = 0; index < children.length; index++) giveSpan(children[index]!, span);
  }
}

/** Python's "%d"/"%04d" formatting of one integer into a template. */
function formatPercentD(template: string, value: number): string {
  return template.replace(/%(0?)(\d*)d/, (_all, zero: string, width: string) => {
    const digits = String(value);
    return width ? digits.padStart(Number(width), zero ? '0' : ' ') : digits;
  });
}

function charBefore(text: string, index: number): string {
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1]!;
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}
