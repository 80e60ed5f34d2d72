#!/usr/bin/env node
/**
 * A yardstick for the benchmark's ratios: markdown-it, a widely used and
 * much optimised JavaScript markup parser, over the same files in the same
 * run. It parses CommonMark (a simpler language, with no transforms and no
 * messages) and renders HTML; it does not read reStructuredText correctly,
 * and is timed only to show what the same machine, Node and file system
 * allow a fast JavaScript parser doing less work than docutils.
 *
 *   node bench/markup-baseline.mjs [--out DIR] FILE...
 *
 * With --out, it writes DIR/<path minus .rst>.html and an empty .messages
 * file per input, as many files as `specwright doctree --out` writes.
 * Prints the number of files and bytes rendered.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : null;
const files = outIndex >= 0 ? args.filter((_, index) => index !== outIndex && index !== outIndex + 1) : args;
const markdown = new MarkdownIt();
let bytes = 0;
for (const file of files) {
  const html = markdown.render(readFileSync(file, 'utf8'));
  bytes += html.length;
  if (out) {
    const base = join(out, file.endsWith('.rst') ? file.slice(0, -4) : file);
    mkdirSync(dirname(base), { recursive: true });
    writeFileSync(`${base}.html`, html);
    writeFileSync(`${base}.messages`, '');
  }
}
console.log(`${files.length} files, ${bytes} characters of HTML`);
