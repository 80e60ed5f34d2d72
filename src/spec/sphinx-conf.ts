/**
 * The Sphinx extensions a repository loads, read statically from its
 * `doc/source/conf.py` (no Python is run). Recognised at the top level of
 * the module:
 *
 *     extensions = ['a', "b"]      # a list or tuple of string literals
 *     extensions += ['c']
 *     extensions.append('d')
 *     extensions.extend(['e'])
 *
 * Anything else (names built at run time, assignments inside `if` or
 * `try`) is reported in `unresolved` so the caller can say what it could
 * not read; the configuration's `[sphinx] extensions` overrides it all.
 */

export interface SphinxExtensions {
  extensions: string[];
  /** Top-level statements that touch `extensions` in a way that cannot be read statically. */
  unresolved: string[];
}

interface Scanner {
  text: string;
  index: number;
}

function skipSpaceAndComments(scanner: Scanner): void {
  const { text } = scanner;
  while (scanner.index < text.length) {
    const char = text[scanner.index]!;
    if (char === '#') {
      while (scanner.index < text.length && text[scanner.index] !== '\n') scanner.index++;
    } else if (char === '\\' && text[scanner.index + 1] === '\n') {
      scanner.index += 2;
    } else if (/\s/.test(char)) {
      scanner.index++;
    } else {
      return;
    }
  }
}

const STRING_START = /^([rRuUbBfF]{0,2})('''|"""|'|")/;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '\n': '' };

/** Reads one Python string literal (implicit concatenation included); null if none starts here. */
function readString(scanner: Scanner): string | null {
  let result: string | null = null;
  for (;;) {
    skipSpaceAndComments(scanner);
    const match = STRING_START.exec(scanner.text.slice(scanner.index, scanner.index + 5));
    if (!match) return result;
    const prefix = match[1]!.toLowerCase();
    if (prefix.includes('f') || prefix.includes('b')) return null;
    const raw = prefix.includes('r');
    const quote = match[2]!;
    let index = scanner.index + match[0].length;
    let value = '';
    const { text } = scanner;
    for (;;) {
      if (index >= text.length) return null;
      if (text.startsWith(quote, index)) {
        index += quote.length;
        break;
      }
      const char = text[index]!;
      if (char === '\n' && quote.length === 1) return null;
      if (char === '\\' && !raw) {
        const next = text[index + 1] ?? '';
        value += ESCAPES[next] ?? `\\${next}`;
        index += 2;
        continue;
      }
      value += char;
      index++;
    }
    scanner.index = index;
    result = (result ?? '') + value;
  }
}

/** Reads `[ 'a', 'b', ]` or `( 'a', )`; null when an element is not a string literal. */
function readStringSequence(scanner: Scanner): string[] | null {
  skipSpaceAndComments(scanner);
  const open = scanner.text[scanner.index];
  const close = open === '[' ? ']' : open === '(' ? ')' : null;
  if (!close) return null;
  scanner.index++;
  const items: string[] = [];
  for (;;) {
    skipSpaceAndComments(scanner);
    if (scanner.text[scanner.index] === close) {
      scanner.index++;
      return items;
    }
    const item = readString(scanner);
    if (item === null) return null;
    items.push(item);
    skipSpaceAndComments(scanner);
    if (scanner.text[scanner.index] === ',') scanner.index++;
    else if (scanner.text[scanner.index] !== close) return null;
  }
}

const TOP_LEVEL_STATEMENT = /^extensions\s*(\+?=|\.append\s*\(|\.extend\s*\()/gm;

export function readSphinxExtensions(confText: string): SphinxExtensions {
  const text = confText.replace(/\r\n?/g, '\n');
  let extensions: string[] = [];
  const unresolved: string[] = [];
  for (const match of text.matchAll(TOP_LEVEL_STATEMENT)) {
    const scanner: Scanner = { text, index: match.index + match[0].length };
    const operator = match[1]!.replace(/\s+/g, '');
    const lineEnd = text.indexOf('\n', match.index);
    const statement = text.slice(match.index, lineEnd === -1 ? undefined : lineEnd).trim();
    if (operator === '.append(') {
      const item = readString(scanner);
      if (item === null) unresolved.push(statement);
      else extensions.push(item);
      continue;
    }
    const items = readStringSequence(scanner);
    if (items === null) {
      unresolved.push(statement);
      continue;
    }
    if (operator === '=') {
      extensions = items;
    } else {
      extensions.push(...items);
    }
  }
  // Indented statements are conditional (inside if/try/for): not evaluated.
  for (const match of text.matchAll(/^[ \t]+extensions\s*(?:\+?=|\.append|\.extend)[^\n]*/gm)) {
    unresolved.push(match[0].trim());
  }
  return { extensions: [...new Set(extensions)], unresolved };
}
