/**
 * Adversarial reStructuredText inputs for the linear-time benchmark, each
 * generated at a requested size in bytes (UTF-8; every generator emits
 * ASCII except `spec`, which repeats a real spec).
 *
 * An input is { text, settings }: `settings` overrides engine settings, e.g.
 * lifting docutils' line_length_limit (10,000 characters) so that a 1 MB
 * line is parsed instead of refused. docutils refuses such lines with an
 * error, and so does specwright by default; the `-unlimited` variants show
 * the parser's own cost on them.
 *
 * Nesting by indentation costs bytes quadratically (level d needs d
 * spaces), so the nested inputs reach about sqrt(2 * size) levels:
 * ~140 at 10 KB, ~450 at 100 KB, ~1,400 at 1 MB. The one-line nested lists
 * (`- - - ... x`) reach size / 2 levels: 10,000 levels need 20 KB.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const WRAP = 72;
const UNLIMITED = { lineLengthLimit: Number.MAX_SAFE_INTEGER };

/** Words joined by spaces into lines of at most WRAP characters, as a paragraph. */
function wrapped(prefix, token, size) {
  const lines = [];
  let line = prefix;
  let total = 0;
  while (total + line.length < size) {
    if (line.length + 1 + token.length > WRAP) {
      lines.push(line);
      total += line.length + 1;
      line = 'x';
    }
    line += ' ' + token;
  }
  lines.push(line);
  return lines.join('\n') + '\n';
}

/** A run of one character filling a paragraph: "x ****...****" lines. */
function run(character) {
  return (size) => {
    const body = character.repeat(WRAP - 2);
    const lines = [];
    let total = 0;
    while (total < size) {
      const line = 'x ' + body;
      lines.push(line);
      total += line.length + 1;
    }
    return { text: lines.join('\n') + '\n' };
  };
}

/** A paragraph of start-strings that never end: "x *y *y *y ...". */
function unclosed(startString) {
  return (size) => ({ text: wrapped('x', `${startString}y`, size) });
}

/** One paragraph line of `size` bytes. */
function singleLine(size) {
  const words = [];
  let length = 0;
  while (length < size) {
    words.push('word');
    length += 5;
  }
  return words.join(' ') + '\n';
}

/** Block quotes nested by one more space per level, as deep as `size` allows. */
function nestedBlockQuotes(size) {
  const parts = [];
  let total = 0;
  for (let depth = 0; total < size; depth++) {
    const line = ' '.repeat(depth) + 'q\n\n';
    parts.push(line);
    total += line.length;
  }
  return { text: parts.join('') };
}

/** Bullet lists nested by indentation, one item per level. */
function nestedListsIndented(size) {
  const parts = [];
  let total = 0;
  for (let depth = 0; total < size; depth++) {
    const line = ' '.repeat(depth * 2) + '- item\n\n';
    parts.push(line);
    total += line.length;
  }
  return { text: parts.join('') };
}

/** Bullet lists nested on one line: "- - - ... - x" (size / 2 levels). */
function nestedListsOneLine(size) {
  const levels = Math.max(1, Math.floor((size - 2) / 2));
  return { text: '- '.repeat(levels) + 'x\n', settings: UNLIMITED };
}

/** Enumerated lists nested on one line: "1. 1. ... x" (size / 3 levels). */
function nestedEnumeratedOneLine(size) {
  const levels = Math.max(1, Math.floor((size - 2) / 3));
  return { text: '1. '.repeat(levels) + 'x\n', settings: UNLIMITED };
}

/** A grid table of four columns and as many rows as `size` allows. */
function gridTable(size) {
  const border = '+------+------+------+------+';
  const lines = [border, '| head | head | head | head |', border.replace(/-/g, '=')];
  let total = lines.join('\n').length;
  for (let row = 0; total < size; row++) {
    const cell = String(row % 1000).padStart(3, '0');
    const line = `| a${cell} | *b*  | c    | d    |`;
    lines.push(line, border);
    total += line.length + border.length + 2;
  }
  return { text: lines.join('\n') + '\n' };
}

/** A grid table one row high and as wide as `size` allows (three lines of size / 3). */
function gridTableWide(size) {
  const columns = Math.max(1, Math.floor(size / 3 / 7));
  const border = '+' + '------+'.repeat(columns);
  const row = '|' + ' cell |'.repeat(columns);
  return { text: [border, row, border].join('\n') + '\n', settings: UNLIMITED };
}

/** A grid table of rows up to 9,996 characters wide (within docutils' line length limit), as many as `size` allows. */
function gridTableWideRows(size) {
  const columns = Math.max(1, Math.min(1428, Math.floor(size / 3 / 7)));
  const border = '+' + '------+'.repeat(columns);
  const row = '|' + ' cell |'.repeat(columns);
  const lines = [border];
  let total = border.length + 1;
  while (total < size) {
    lines.push(row, border);
    total += 2 * (border.length + 1);
  }
  return { text: lines.join('\n') + '\n' };
}

/** A simple table of four columns and as many rows as `size` allows. */
function simpleTable(size) {
  const border = '====== ====== ====== ======';
  const lines = [border, 'head   head   head   head', border];
  let total = lines.join('\n').length;
  for (let row = 0; total < size; row++) {
    const cell = String(row % 10000).padStart(4, '0');
    const line = `a${cell}  *b*    c      d`;
    lines.push(line);
    total += line.length + 1;
  }
  lines.push(border);
  return { text: lines.join('\n') + '\n' };
}

/** A simple table of rows up to 9,999 characters wide, as many as `size` allows. */
function simpleTableWideRows(size) {
  const columns = Math.max(1, Math.min(1428, Math.floor(size / 3 / 7)));
  const border = Array.from({ length: columns }, () => '======').join(' ');
  const row = Array.from({ length: columns }, () => 'cell  ').join(' ');
  const lines = [border];
  let total = border.length + 1;
  while (total < size) {
    lines.push(row);
    total += row.length + 1;
  }
  lines.push(border);
  return { text: lines.join('\n') + '\n' };
}

/** A tall table of section titles: many sections at alternating levels. */
function sections(size) {
  const parts = [];
  let total = 0;
  const adornments = ['=', '-', '~', '^'];
  for (let index = 0; total < size; index++) {
    const title = `Section ${index}`;
    const part = `${title}\n${adornments[index % adornments.length].repeat(title.length)}\n\nText.\n\n`;
    parts.push(part);
    total += part.length;
  }
  return { text: parts.join('') };
}

/** Many references to many targets (reference resolution, ids). */
function references(size) {
  const parts = [];
  let total = 0;
  for (let index = 0; total < size; index++) {
    const part = `See target${index}_ and \`Title ${index}\`_.\n\n.. _target${index}: https://example.org/${index}\n.. _Title ${index}: target${index}_\n\n`;
    parts.push(part);
    total += part.length;
  }
  return { text: parts.join('') };
}

/** A real spec repeated until the size is reached. */
function spec(size) {
  // nova-specs' libvirt-vdpa-support.rst (CC BY 3.0), vendored so the benchmark runs without ../shared.
  const one = readFileSync(join(here, 'fixtures', 'spec.rst'), 'utf8');
  const copies = [];
  let total = 0;
  while (total < size) {
    copies.push(one);
    total += Buffer.byteLength(one);
  }
  return { text: copies.join('\n') };
}

/** name → (size) => { text, settings? }, in the order the benchmark prints them. */
export const INPUTS = {
  'run *': run('*'),
  'run `': run('`'),
  'run _': run('_'),
  'run |': run('|'),
  'unclosed *': unclosed('*'),
  'unclosed **': unclosed('**'),
  'unclosed `': unclosed('`'),
  'unclosed ``': unclosed('``'),
  'unclosed _`': unclosed('_`'),
  'unclosed |': unclosed('|'),
  'references _': (size) => ({ text: wrapped('x', 'y_', size) }),
  'line (line limit)': (size) => ({ text: singleLine(size) }),
  'line (no line limit)': (size) => ({ text: singleLine(size), settings: UNLIMITED }),
  'nested block quotes': nestedBlockQuotes,
  'nested lists (indented)': nestedListsIndented,
  'nested lists (one line)': nestedListsOneLine,
  'nested enumerated (one line)': nestedEnumeratedOneLine,
  'grid table': gridTable,
  'grid table (wide rows)': gridTableWideRows,
  'grid table (one row; no line limit)': gridTableWide,
  'simple table': simpleTable,
  'simple table (wide rows)': simpleTableWideRows,
  sections,
  references,
  'nova spec repeated': spec,
};
