/**
 * Warnings Sphinx gives while building a document beyond those of reading
 * it: its read transforms' checks (SphinxTransform subclasses) and the
 * HTML writer's. `sphinx-build -W` fails on them as on any warning.
 *
 * `specwright doctree --profile sphinx` stays docutils' publish with
 * Sphinx's roles and directives (what scripts/sphinx-oracle.py prints);
 * the linter adds these warnings to rst-syntax.
 */
import { getSourceLine, type Document } from '../document.js';
import type { Element, Node } from '../nodes.js';
import { docnameJoin, sphinxEnvironmentOf, type SphinxWarning } from './environment.js';
import { PYGMENTS_LEXER_NAMES } from './pygments-lexers.js';
import { pyReprString } from '../python-text.js';

/**
 * sphinx.transforms.UnreferencedFootnotesDetector (Sphinx 5.3): a manually
 * numbered footnote whose label no reference names, and an auto-numbered
 * footnote when the document has no auto-numbered reference at all (Sphinx
 * compares their `auto` attributes, which are 1 for every numbered one).
 * A footnote that lost its name as a duplicate is left to the parser's
 * own message.
 */
function unreferencedFootnotes(document: Document): SphinxWarning[] {
  const warnings: SphinxWarning[] = [];
  const warn = (message: string, node: Parameters<typeof getSourceLine>[0]) => {
    const [source, line] = getSourceLine(node);
    warnings.push({ message, source, line, type: 'ref', subtype: 'footnote' });
  };
  for (const footnote of document.footnotes) {
    const names = footnote.attributes.names;
    const first = Array.isArray(names) ? names[0] : undefined;
    if (first === undefined) continue;
    if (!document.footnoteRefs.has(String(first))) warn(`Footnote [${String(first)}] is not referenced.`, footnote);
  }
  for (const footnote of document.autofootnotes) {
    const auto = footnote.attributes.auto;
    if (!document.autofootnoteRefs.some((reference) => reference.attributes.auto === auto)) warn('Footnote [#] is not referenced.', footnote);
  }
  return warnings;
}

/* ---- highlighting (sphinx.highlighting.PygmentsBridge.highlight_block) ---- */

/** Names Pygments 2.14 gives its JSON lexer (JsonLexer, JsonLdLexer). */
const JSON_LANGUAGES = new Set(['json', 'json-object', 'jsonld', 'json-ld']);
const JSON_CONSTANTS = new Set('truefalsenull');
const JSON_INTEGERS = new Set('-0123456789');
const JSON_FLOATS = new Set('.eE+');
const JSON_HEX = new Set('0123456789abcdefABCDEF');
const JSON_PUNCTUATION = new Set('{}[],');
const JSON_WHITESPACE = new Set(' \n\r\t');

/**
 * Whether Pygments 2.14's JsonLexer yields an Error token for the text,
 * which Sphinx's raise-on-error filter turns into "Could not lex". The
 * lexer validates nothing but its characters: an Error is a character no
 * JSON token starts with (a quote other than ", a letter other than the
 * f, n, t of false, null, true), a "/" not opening a comment, or a string
 * or block comment the text ends inside.
 */
export function jsonLexError(text: string): boolean {
  let inString = false;
  let inEscape = false;
  let unicodeEscape = 0;
  let mode: 'none' | 'whitespace' | 'constant' | 'number' | 'punctuation' | 'commentSingle' | 'commentMultiline' | 'commentOpener' = 'none';
  let closerExpected = false;
  for (const character of text) {
    if (inString) {
      if (unicodeEscape) {
        if (JSON_HEX.has(character)) {
          unicodeEscape--;
          if (!unicodeEscape) inEscape = false;
        } else {
          unicodeEscape = 0;
          inEscape = false;
        }
      } else if (inEscape) {
        if (character === 'u') unicodeEscape = 4;
        else inEscape = false;
      } else if (character === '\\') inEscape = true;
      else if (character === '"') {
        inString = false;
        inEscape = false;
        unicodeEscape = 0;
      }
      continue;
    }
    switch (mode) {
      case 'whitespace':
        if (JSON_WHITESPACE.has(character)) continue;
        break;
      case 'constant':
        if (JSON_CONSTANTS.has(character)) continue;
        break;
      case 'number':
        if (JSON_INTEGERS.has(character) || JSON_FLOATS.has(character)) continue;
        break;
      case 'punctuation':
        if (JSON_PUNCTUATION.has(character)) continue;
        break;
      case 'commentSingle':
        if (character !== '\n') continue;
        break;
      case 'commentMultiline':
        if (character === '*') closerExpected = true;
        else if (closerExpected) {
          closerExpected = false;
          if (character === '/') mode = 'none';
        }
        continue;
      case 'commentOpener':
        if (character === '/') {
          mode = 'commentSingle';
          continue;
        }
        if (character === '*') {
          mode = 'commentMultiline';
          continue;
        }
        return true;
      case 'none':
        break;
    }
    mode = 'none';
    if (character === '"') inString = true;
    else if (JSON_WHITESPACE.has(character)) mode = 'whitespace';
    else if (character === 'f' || character === 'n' || character === 't') mode = 'constant';
    else if (JSON_INTEGERS.has(character)) mode = 'number';
    else if (character === ':' || JSON_PUNCTUATION.has(character)) mode = 'punctuation';
    else if (character === '/') mode = 'commentOpener';
    else return true;
  }
  return inString || mode === 'commentMultiline' || mode === 'commentOpener';
}

/** Languages Sphinx's PygmentsBridge.get_lexer handles itself, before asking Pygments. */
const SPHINX_LANGUAGES = new Set(['py', 'python', 'py3', 'python3', 'default', 'pycon', 'pycon3', 'none', 'rest', 'c', 'guess']);

/** Whether Sphinx finds a lexer for the language (else it warns 'Pygments lexer name ... is not known'). */
function isKnownLanguage(language: string): boolean {
  return SPHINX_LANGUAGES.has(language) || PYGMENTS_LEXER_NAMES.has(language.toLowerCase());
}

/**
 * The HTML writer highlights each literal block in its language (the
 * `highlight` directive's for a block that has none, Sphinx's
 * HighlightLanguageVisitor): where the lexer meets a character it has no
 * token for, Sphinx warns 'Could not lex literal_block as "LANG".' Checked
 * for the JSON lexer, whose Error rule is its characters alone; a block
 * with :force:, or a parsed literal (text other than its source), is not.
 * A language Pygments has no lexer for is 'Pygments lexer name ... is not
 * known'.
 */
function highlightingFailures(document: Document): SphinxWarning[] {
  const warnings: SphinxWarning[] = [];
  let language = 'default';
  let force = false;
  const visit = (node: Node) => {
    if (!node.isElement()) return;
    if (node.tagname === 'highlightlang') {
      language = String(node.attributes.lang ?? 'default');
      force = node.attributes.force === true;
    } else if (node.tagname === 'literal_block') {
      const own = node.attributes.language;
      const blockLanguage = typeof own === 'string' ? own : language;
      const blockForce = typeof own === 'string' ? node.attributes.force === true : force;
      // A parsed literal (its text is not its source) is not highlighted.
      if (node.rawsource === node.astext()) {
        const [source, line] = getSourceLine(node);
        if (!isKnownLanguage(blockLanguage)) {
          warnings.push({ message: `Pygments lexer name ${pyReprString(blockLanguage)} is not known`, source, line });
        } else if (!blockForce && JSON_LANGUAGES.has(blockLanguage.toLowerCase()) && jsonLexError(node.rawsource)) {
          warnings.push({
            message: `Could not lex literal_block as "${blockLanguage}". Highlighting skipped.`,
            source,
            line,
            type: 'misc',
            subtype: 'highlighting_failure',
          });
        }
      }
    }
    for (const child of (node as Element).children) visit(child);
  };
  visit(document);
  return warnings;
}

/* ---- references (sphinx.transforms.post_transforms.ReferencesResolver) ---- */

/**
 * A :doc: reference to a document the project does not have: the std
 * domain resolves it to nothing, and Sphinx warns with the domain's
 * dangling-reference text, 'unknown document: TARGET'. (Other references
 * need every document's labels, so they are not checked.)
 */
function unknownDocuments(document: Document): SphinxWarning[] {
  const env = sphinxEnvironmentOf(document);
  if (!env) return [];
  const warnings: SphinxWarning[] = [];
  for (const node of document.findall('pending_xref')) {
    if (!node.isElement()) continue;
    const { refdomain, reftype, reftarget, refdoc, refwarn } = node.attributes;
    if (refdomain !== 'std' || reftype !== 'doc' || refwarn !== true || typeof reftarget !== 'string') continue;
    const docname = docnameJoin(typeof refdoc === 'string' ? refdoc : env.docname, reftarget);
    if (env.documentExists(docname)) continue;
    const [source, line] = getSourceLine(node);
    warnings.push({ message: `unknown document: ${pyReprString(reftarget)}`, source, line, type: 'ref', subtype: 'doc' });
  }
  return warnings;
}

/** The warnings Sphinx's read transforms, reference resolution and HTML writer would add for this published document, in Sphinx's order. */
export function sphinxBuildWarnings(document: Document): SphinxWarning[] {
  return [...unreferencedFootnotes(document), ...unknownDocuments(document), ...highlightingFailures(document)];
}
