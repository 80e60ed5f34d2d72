/**
 * fast-check generators of reStructuredText-like documents: blocks of every
 * construct (sections, lists, tables, explicit markup, directives, ...),
 * built from words full of inline markup, at random indentation, and then
 * sometimes damaged (a character inserted, deleted or replaced), so the
 * parser sees both well-formed and almost-well-formed input.
 */
import fc from 'fast-check';

const ADORNMENT_CHARACTERS = ['=', '-', '~', '^', '*', '#', '+', '`', ':', '.', "'", '"', '_', '<', '>', '!'];

/** Characters with a meaning somewhere in reStructuredText, and some that merely look odd. */
export const markupCharacter = fc.constantFrom(
  '*', '**', '`', '``', '_', '__', '|', '||', ':', '::', '.. ', '..', '[', ']', '<', '>', '\\', '\\\\', '-', '--', '=',
  '+', '#', '~', '^', '"', "'", '(', ')', '{', '}', '/', '@', '.', ',', ';', '!', '?', '\t', ' ', '  ', '\n', '\n\n',
  '\r', '\r\n', '\f', '\v', '\u00a0', '\u3000', '\u2028', '\u0085', '\x00', '\ufeff', '\u200b', 'é', '中', '＊', '😀',
  '\ud800', '«', '»', '‘', '’', '“', '”', '(', ')', '×',
);

/** Words carrying inline markup, complete or not. */
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'word', 'Title', 'x', 'nova', 'API', '1', 'é', '中文', 'foo-bar', 'a.b') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '*em*', '**strong**', '``literal``', '`interpreted`', '`title`_', '`anon`__', 'ref_', 'ref__', '[1]_', '[#]_',
      '[#label]_', '[*]_', '[CIT2002]_', '|sub|', '|sub|_', '|sub|__', '_`target`', ':emphasis:`x`', ':strong:`x`',
      ':literal:`x`', ':code:`x`', ':math:`x^2`', ':sub:`x`', ':sup:`x`', ':PEP:`8`', ':RFC:`2822`', ':pep-reference:`287`',
      ':rfc-reference:`2822#section`', ':title-reference:`x`', ':abbreviation:`x`', ':raw-html:`<b>`', ':unknown:`x`',
      '`x`:emphasis:', ':a:`x`:b:', '`a <http://example.org/>`_', '`a <b_>`_', '`a <b_>`__', '`<http://x.y>`_',
      '`a\n<b>`_', 'http://example.org/path?q=1#f', 'https://x.y/', 'mailto:a@b.c', 'user@example.com', '<http://x>',
      'ftp://x', 'news:comp', '*', '**', '`', '``', '_', '|', '*a', 'a*', '**a', '``a', '`a', '_`a', '|a', 'a|', '\\*',
      '\\`', '\\_', '\\|', '\\ ', '*\\*', '(*)', '"*"', "'*'", '*a*b', 'a*b*', '**a*', '*a**', '``a`', '`a``', '`a`_`b`_',
      ':', ':a:', ':a', 'a:', '::', 'term:', '--', '---', '-a', '--long', '--opt=val', '/V', '1.', '#.', '(a)', 'i)',
      'IV.', 'A.', '>>>', '...', '[1]', '[#]', '[*]', '.. _', '.. |s|', '|s| replace::', 'ǅ', 'A\u0301', '\u200d',
    ),
  },
  { weight: 1, arbitrary: markupCharacter },
);

const inlineText = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(' '));
const paragraph = fc.array(inlineText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const indentation = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t');

function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

const section = fc
  .record({
    title: inlineText,
    character: fc.constantFrom(...ADORNMENT_CHARACTERS),
    overline: fc.boolean(),
    lengthChange: fc.integer({ min: -3, max: 3 }),
    inset: fc.boolean(),
  })
  .map(({ title, character, overline, lengthChange, inset }) => {
    const shown = inset ? ` ${title}` : title;
    const adornment = character.repeat(Math.max(1, [...shown].length + lengthChange));
    return overline ? `${adornment}\n${shown}\n${adornment}` : `${shown}\n${adornment}`;
  });

const bulletList = fc
  .record({
    marker: fc.constantFrom('-', '*', '+', '•', '‣', '⁃'),
    items: fc.array(fc.tuple(paragraph, fc.option(paragraph)), { minLength: 1, maxLength: 4 }),
    blank: fc.boolean(),
  })
  .map(({ marker, items, blank }) =>
    items
      .map(([first, more]) => `${marker} ${indentLines(first, '  ').trimStart()}${more ? `\n\n${indentLines(more, '  ')}` : ''}`)
      .join(blank ? '\n\n' : '\n'),
  );

const enumeratedList = fc
  .record({
    format: fc.constantFrom('%.', '%)', '(%)'),
    sequence: fc.constantFrom(['1', '2', '3'], ['#', '#', '#'], ['a', 'b', 'c'], ['A', 'B', 'C'], ['i', 'ii', 'iii'], ['IV', 'V', 'VI'], ['1', '3', '2'], ['z', 'aa', 'ab'], ['0', '1', '2']),
    items: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
    blank: fc.boolean(),
  })
  .map(({ format, sequence, items, blank }) =>
    items
      .map((item, index) => {
        const marker = format.replace('%', sequence[index % sequence.length]!);
        return `${marker} ${indentLines(item, ' '.repeat(marker.length + 1)).trimStart()}`;
      })
      .join(blank ? '\n\n' : '\n'),
  );

const definitionList = fc
  .array(fc.tuple(inlineText, fc.option(fc.constantFrom(' : classifier', ' : a : b', ' :')), paragraph), { minLength: 1, maxLength: 3 })
  .map((items) => items.map(([term, classifier, definition]) => `${term}${classifier ?? ''}\n${indentLines(definition, '   ')}`).join('\n'));

const fieldList = fc
  .array(fc.tuple(fc.constantFrom('name', 'Author', 'Version', 'field name', 'a\\: b', '*em*', 'Date', 'Authors', 'Dedication', 'Abstract', 'Copyright', 'Status', 'Revision', 'Contact', 'Organization', 'Address'), fc.option(paragraph)), { minLength: 1, maxLength: 4 })
  .map((fields) => fields.map(([name, body]) => `:${name}:${body ? ' ' + indentLines(body, '   ').trimStart() : ''}`).join('\n'));

const optionList = fc
  .array(fc.tuple(fc.constantFrom('-a', '-b file', '--long', '--long=arg', '--long arg', '/V', '-a, --all', '-f FILE, --file=FILE', '--x=<y>', '-1'), inlineText), { minLength: 1, maxLength: 3 })
  .map((options) => options.map(([option, description]) => `${option}  ${description}`).join('\n'));

const literalBlock = fc
  .record({ intro: fc.constantFrom('Text::', '::', 'Text: ::', 'Text ::', 'Expanded form::'), body: paragraph, quoted: fc.boolean() })
  .map(({ intro, body, quoted }) => (quoted ? `${intro}\n\n${indentLines(body, '> ')}` : `${intro}\n\n${indentLines(body, '    ')}`));

const lineBlock = fc
  .array(fc.tuple(fc.constantFrom('', ' ', '  ', '    '), fc.option(inlineText)), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.map(([indent, text]) => `|${indent}${text ? ' ' + text : ''}`).join('\n'));

const doctest = fc.array(fc.constantFrom('>>> print(1)', '1', '... x', '>>> ', 'text'), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

const blockQuote = fc
  .record({ body: paragraph, attribution: fc.option(fc.constantFrom('-- Someone', '--- Someone', '\u2014 Someone', '-- ', '--')) })
  .map(({ body, attribution }) => `Intro.\n\n${indentLines(body, '   ')}${attribution ? `\n\n   ${attribution}` : ''}`);

const transition = fc.constantFrom('----', '=====', '****', '....', '----\n\n----', '~~~~~~~~');

/** A grid table with random cell contents, spans and damage. */
const gridTable = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    rows: fc.integer({ min: 1, max: 4 }),
    width: fc.integer({ min: 1, max: 6 }),
    header: fc.boolean(),
    cells: fc.array(fc.oneof(fc.constant(''), word, fc.constant('- item'), fc.constant('* a'), fc.constant('::')), { minLength: 16, maxLength: 16 }),
    spans: fc.array(fc.nat(), { maxLength: 3 }),
    damage: fc.array(fc.tuple(fc.nat(), fc.constantFrom('+', '|', '-', '=', ' ', 'x', '')), { maxLength: 2 }),
  })
  .map(({ columns, rows, width, header, cells, spans, damage }) => {
    const border = (character: string) => '+' + Array.from({ length: columns }, () => character.repeat(width + 2)).join('+') + '+';
    const lines = [border('-')];
    for (let row = 0; row < rows; row++) {
      const content = Array.from({ length: columns }, (_, column) => {
        const text = [...cells[(row * columns + column) % cells.length]!].slice(0, width).join('');
        return ` ${text}${' '.repeat(Math.max(0, width - [...text].length))} `;
      });
      let line = '|' + content.join('|') + '|';
      // Row spans and column spans: blank out part of a border.
      for (const span of spans) {
        if (span % rows === row && columns > 1) {
          const at = 1 + (width + 3) * (span % (columns - 1)) + width + 2;
          line = line.slice(0, at) + ' ' + line.slice(at + 1);
        }
      }
      lines.push(line, border(header && row === 0 ? '=' : '-'));
    }
    let text = lines.join('\n');
    for (const [position, replacement] of damage) {
      const at = position % text.length;
      text = text.slice(0, at) + replacement + text.slice(at + 1);
    }
    return text;
  });

/** A simple table with random cells and damage. */
const simpleTable = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.array(fc.oneof(word, fc.constant(''), fc.constant('\\')), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    header: fc.boolean(),
    width: fc.integer({ min: 1, max: 6 }),
    damage: fc.array(fc.tuple(fc.nat(), fc.constantFrom('=', '-', ' ', 'x', '')), { maxLength: 2 }),
  })
  .map(({ columns, rows, header, width, damage }) => {
    const border = Array.from({ length: columns }, () => '='.repeat(width)).join('  ');
    const row = (cells: string[]) => cells.slice(0, columns).map((cell) => [...cell].slice(0, width + 3).join('').padEnd(width)).join('  ');
    const lines = [border];
    if (header) lines.push(row(rows[0]!), border.replace(/=/g, '-'));
    for (const cells of rows) lines.push(row(cells));
    lines.push(border);
    let text = lines.join('\n');
    for (const [position, replacement] of damage) {
      const at = position % text.length;
      text = text.slice(0, at) + replacement + text.slice(at + 1);
    }
    return text;
  });

const explicitMarkup = fc.oneof(
  fc.constantFrom('.. [1] Footnote.', '.. [#] Auto.', '.. [#note] Labelled.', '.. [*] Symbol.', '.. [CIT2002] Citation.', '.. [1]', '.. [#]'),
  fc.constantFrom('.. _target: http://example.org/', '.. _target:', '.. _target: other_', '.. _`a b`: other_', '.. __: http://x', '__ http://x', '.. _a: b_\n.. _b: a_', '.. _self: self_'),
  fc.constantFrom('.. |sub| replace:: text', '.. |sub| replace:: *em* |sub|', '.. |sub| image:: x.png', '.. |sub| unicode:: U+2014 .. em dash', '.. |sub| date::', '.. |sub|', '.. |*| replace:: x', '.. |sub| unknown:: x'),
  fc.constantFrom('.. comment', '..', '..\n   indented comment', '.. a\n   b', '.. [1] a\n   .. [2] b', '.. _a:\n.. _b:\n\nPara.'),
);

const DIRECTIVES = [
  'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition', 'image', 'figure',
  'topic', 'sidebar', 'line-block', 'parsed-literal', 'code', 'code-block', 'sourcecode', 'math', 'rubric', 'epigraph',
  'highlights', 'pull-quote', 'compound', 'container', 'table', 'csv-table', 'list-table', 'contents', 'sectnum',
  'section-numbering', 'header', 'footer', 'target-notes', 'meta', 'replace', 'unicode', 'date', 'include', 'raw', 'class',
  'role', 'default-role', 'title', 'restructuredtext-test-directive', 'unknown-directive', 'NOTE', 'Image',
];

const directiveOption = fc.constantFrom(
  ':class: a b', ':name: target', ':alt: text', ':width: 50%', ':height: 10px', ':scale: 50', ':align: center', ':target: x_',
  ':figwidth: image', ':figclass: f', ':widths: 1 2', ':widths: auto', ':header-rows: 1', ':stub-columns: 1', ':header: "a", "b"',
  ':delim: ;', ':quote: \'', ':escape: \\', ':keepspace:', ':file: missing.csv', ':url: http://x', ':encoding: utf-8',
  ':depth: 2', ':local:', ':backlinks: top', ':start: 3', ':prefix: A', ':suffix: .', ':format: html', ':number-lines: 1',
  ':language: python', ':ltrim:', ':trim:', ':literal:', ':code: python', ':start-line: 1', ':end-line: 2', ':start-after: x',
  ':end-before: y', ':tab-width: 4', ':parser: rst', ':subtitle: s', ':unknown: x', ':class:', ':width: x', ':scale: -1', ':',
);

const directive = fc
  .record({
    name: fc.constantFrom(...DIRECTIVES),
    argument: fc.option(fc.oneof(inlineText, fc.constantFrom('x.png', 'picture.jpg', 'Title', 'python', 'html', '<isonum.txt>', 'missing.rst', '/etc/hostname', '../outside.rst', 'U+2014 0x2014 &#x2014; — trademark', 'special', 'emphasis', 'custom(emphasis)', 'raw-html(raw)\n   :format: html'))),
    options: fc.array(directiveOption, { maxLength: 3 }),
    content: fc.option(
      fc.oneof(
        paragraph,
        fc.constantFrom('- a\n- b', '* - a\n  - b\n* - c\n  - d', '"a", "b"\n"c", "d"', 'a,b\nc', '+---+\n| a |\n+---+', '== ==\na  b\n== ==', 'x^2', '.. note:: nested', 'Title\n=====\n\nText.'),
      ),
    ),
    indent: fc.constantFrom(3, 2, 4, 1),
  })
  .map(({ name, argument, options, content, indent }) => {
    const pad = ' '.repeat(indent);
    const lines = [`.. ${name}::${argument ? ' ' + argument : ''}`];
    for (const option of options) lines.push(pad + option);
    if (content) lines.push('', indentLines(content, pad));
    return lines.join('\n');
  });

const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 3, arbitrary: section },
  { weight: 2, arbitrary: bulletList },
  { weight: 2, arbitrary: enumeratedList },
  { weight: 1, arbitrary: definitionList },
  { weight: 2, arbitrary: fieldList },
  { weight: 1, arbitrary: optionList },
  { weight: 1, arbitrary: literalBlock },
  { weight: 1, arbitrary: lineBlock },
  { weight: 1, arbitrary: doctest },
  { weight: 1, arbitrary: blockQuote },
  { weight: 1, arbitrary: transition },
  { weight: 2, arbitrary: gridTable },
  { weight: 2, arbitrary: simpleTable },
  { weight: 3, arbitrary: explicitMarkup },
  { weight: 4, arbitrary: directive },
);

const placedBlock = fc.tuple(block, indentation).map(([text, prefix]) => indentLines(text, prefix));

/** A document of reStructuredText-like blocks, sometimes damaged. */
export const rstDocument = fc
  .record({
    blocks: fc.array(placedBlock, { minLength: 1, maxLength: 8 }),
    separators: fc.array(fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n', '\n \n'), { minLength: 8, maxLength: 8 }),
    damage: fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), markupCharacter), { maxLength: 3 }),
    ending: fc.constantFrom('\n', '', '\n\n', '\r\n', ' '),
    lineEnding: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
  })
  .map(({ blocks, separators, damage, ending, lineEnding }) => {
    let text = blocks.map((text, index) => (index ? separators[index % separators.length]! : '') + text).join('') + ending;
    for (const [position, kind, character] of damage) {
      const at = text.length ? position % text.length : 0;
      if (kind === 'insert') text = text.slice(0, at) + character + text.slice(at);
      else if (kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
      else text = text.slice(0, at) + character + text.slice(at + 1);
    }
    return lineEnding === '\n' ? text : text.replace(/\n/g, lineEnding);
  });

/** Arbitrary text made mostly of markup characters (no structure). */
export const markupSoup = fc.array(fc.oneof(markupCharacter, word), { maxLength: 60 }).map((parts) => parts.join(''));
