/**
 * Backslash escapes: docutils replaces "\x" by NUL + "x" before inline
 * parsing, so escaped characters can be told apart from markup.
 */

/** docutils.utils.escape2null. */
export function escape2null(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let start = 0;
  for (;;) {
    const found = text.indexOf('\\', start);
    if (found === -1) return out + text.slice(start);
    out += text.slice(start, found) + '\x00' + text.slice(found + 1, found + 2);
    start = found + 2;
  }
}

/** docutils.utils.split_escaped_whitespace: split on NUL+space and NUL+newline. */
export function splitEscapedWhitespace(text: string): string[] {
  return text.split('\x00 ').flatMap((part) => part.split('\x00\n'));
}
