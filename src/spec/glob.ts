/**
 * Path patterns for `exclude` and `per-file-ignores`, matched against
 * paths relative to the repository root with "/" separators:
 *
 *   `*`      any characters except "/"
 *   `**`     any number of whole path segments
 *   `?`      one character except "/"
 *   `[abc]`  one of the characters (`[!abc]` none of them)
 *   `{a,b}`  either alternative
 *
 * A pattern without "/" matches a file or directory name at any depth (as
 * in .gitignore). A pattern that matches a directory also matches
 * everything below it.
 */

function escapeRegExp(char: string): string {
  return /[.+^$()|\\/]/.test(char) ? `\\${char}` : char;
}

function translate(pattern: string): string {
  let out = '';
  let index = 0;
  let braceDepth = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const atSegmentStart = index === 0 || pattern[index - 1] === '/';
        const atSegmentEnd = index + 2 === pattern.length || pattern[index + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          if (index + 2 === pattern.length) {
            out += '.*';
            index += 2;
          } else {
            // "**/" = zero or more whole segments
            out += '(?:[^/]*/)*';
            index += 3;
          }
          continue;
        }
        out += '[^/]*';
        index += 2;
        continue;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        let body = pattern.slice(index + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else if (char === '{') {
      braceDepth++;
      out += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (char === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += escapeRegExp(char);
    }
    index++;
  }
  return out + ')'.repeat(braceDepth);
}

export class PathPattern {
  readonly regexp: RegExp;

  constructor(readonly pattern: string) {
    let body = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = body.includes('/');
    if (body.startsWith('/')) body = body.slice(1);
    this.regexp = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${translate(body)}$`);
  }

  /** Whether a repository-relative path, or one of its parent directories, matches. */
  matches(relativePath: string): boolean {
    const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    if (this.regexp.test(path)) return true;
    let slash = path.lastIndexOf('/');
    while (slash > 0) {
      if (this.regexp.test(path.slice(0, slash))) return true;
      slash = path.lastIndexOf('/', slash - 1);
    }
    return false;
  }
}

export function anyMatches(patterns: readonly PathPattern[], relativePath: string): boolean {
  return patterns.some((pattern) => pattern.matches(relativePath));
}
