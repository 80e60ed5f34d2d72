/**
 * The table directives (docutils.parsers.rst.directives.tables):
 *
 *     .. table:: Title          a grid or simple table in the content,
 *                               with a title and options
 *     .. csv-table:: Title      rows of comma-separated values, from the
 *                               content or a file (never a URL: see below)
 *     .. list-table:: Title     a two-level bullet list, one item per row
 *
 * Messages keep docutils' wording. Two deliberate differences: `:url:` is
 * never fetched (the message has the shape of a failed URL read), and a
 * `:file:` that cannot be decoded gives a severe message where docutils
 * fails with an uncaught UnicodeDecodeError.
 */
import { type Element, type Node, element } from '../nodes.js';
import { posix as posixPath } from 'node:path';
import { pyReprString, splitlines } from '../python-text.js';
import { StringList } from '../string-list.js';
import type { CellData, TableData } from '../parser/tables/index.js';
import { Directive, type DirectiveClass, type OptionConverter, type OptionSpec } from './directive.js';
import {
  InputDecodeError,
  InputError,
  readInputFile,
  relativeToWorkingDirectory,
  sourceDirectory,
} from './file-input.js';
import {
  choice,
  classOption,
  encoding,
  flag,
  lengthOrPercentageOrUnitless,
  nonnegativeInt,
  path,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unchanged,
  uri,
  valueOr,
} from './options.js';
import { CsvError, type CsvDialect, readCsv } from './python-csv.js';

/** `:align:` values. */
const ALIGN_VALUES = ['left', 'center', 'right'] as const;

/** The `align` option converter of docutils' tables module. */
export const align: OptionConverter = (argument) => choice(argument, ALIGN_VALUES);

/** `:widths:` keywords: automatic widths, and (for `table`) the widths the grid gives. */
const AUTO_WIDTHS = 'auto';
const GRID_WIDTHS = 'grid';

/** The `:widths:` value: a keyword, explicit widths, or '' when not given. */
export type WidthsOption = string | number[];

/** Percentage split between columns when no widths are given (100 // columns). */
const TOTAL_WIDTH = 100;

/** A docutils SystemMessagePropagation: stop the directive and return this message instead. */
class SystemMessagePropagation extends Error {
  constructor(readonly systemMessage: Element) {
    super('system message propagation');
  }
}

/** The part of the Body state the csv-table directive uses (docutils' `state.build_table`). */
interface TableBuildingState {
  buildTable(tableData: TableData, tableLine: number, stubColumns?: number, widths?: string | number[]): Element;
}

function canBuildTables(state: object): state is TableBuildingState {
  return typeof (state as Partial<TableBuildingState>).buildTable === 'function';
}

/** Python truth of a `:widths:` value ('' and [] are false). */
function widthsGiven(widths: WidthsOption): boolean {
  return Array.isArray(widths) ? widths.length > 0 : widths !== '';
}

/** What the three directives share (docutils' Table). */
abstract class Table extends Directive {
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = true;
  static override hasContent = true;
  static override optionSpec: OptionSpec = {
    class: classOption,
    name: unchanged,
    align,
    width: (value) => lengthOrPercentageOrUnitless(value),
    widths: valueOr([AUTO_WIDTHS, GRID_WIDTHS], positiveIntList),
  };

  /** The directive's block, as every error message shows it. */
  protected blockLiteral(): Element {
    return element('literal_block', this.blockText, this.blockText);
  }

  protected errorMessage(message: string): Element {
    return this.reporter.error(message, [this.blockLiteral()], { line: this.lineno });
  }

  /** The argument as the table title (inline markup parsed), and the inline parser's messages. */
  protected makeTitle(): [Element | null, Node[]] {
    if (this.args.length === 0) return [null, []];
    const titleText = this.args[0]!;
    const [textNodes, messages] = this.state.inlineText(titleText, this.lineno);
    const title = element('title', titleText, '', textNodes);
    [title.source, title.line] = this.stateMachine.getSourceAndLine(this.lineno);
    return [title, messages];
  }

  protected get widths(): WidthsOption {
    return (this.options['widths'] as WidthsOption | undefined) ?? '';
  }

  protected get classOption(): string[] {
    return (this.options['class'] as string[] | undefined) ?? [];
  }

  protected setTableWidth(tableNode: Element): void {
    if ('width' in this.options) tableNode.set('width', this.options['width'] as string);
  }

  /** Header and stub counts must leave data for the table body. */
  protected checkTableDimensions(rows: readonly unknown[][], headerRows: number, stubColumns: number): void {
    if (rows.length < headerRows) {
      throw new SystemMessagePropagation(
        this.errorMessage(
          `${headerRows} header row(s) specified but only ${rows.length} row(s) of data supplied ("${this.name}" directive).`,
        ),
      );
    }
    if (rows.length === headerRows && headerRows > 0) {
      throw new SystemMessagePropagation(
        this.errorMessage(
          `Insufficient data supplied (${rows.length} row(s)); no data remaining for table body, required by "${this.name}" directive.`,
        ),
      );
    }
    for (const row of rows) {
      if (row.length < stubColumns) {
        throw new SystemMessagePropagation(
          this.errorMessage(
            `${stubColumns} stub column(s) specified but only ${row.length} columns(s) of data supplied ("${this.name}" directive).`,
          ),
        );
      }
      if (row.length === stubColumns && stubColumns > 0) {
        throw new SystemMessagePropagation(
          this.errorMessage(
            `Insufficient data supplied (${row.length} columns(s)); no data remaining for table body, required by "${this.name}" directive.`,
          ),
        );
      }
    }
  }

  /** Widths from `:widths:`, or equal shares of 100. */
  protected getColumnWidths(columnCount: number): number[] {
    const widths = this.widths;
    if (Array.isArray(widths)) {
      if (widths.length !== columnCount) {
        throw new SystemMessagePropagation(
          this.errorMessage(`"${this.name}" widths do not match the number of columns in table (${columnCount}).`),
        );
      }
      return widths;
    }
    if (columnCount) return new Array<number>(columnCount).fill(Math.floor(TOTAL_WIDTH / columnCount));
    throw new SystemMessagePropagation(this.errorMessage('No table data detected in CSV file.'));
  }

  /** The options every table directive applies to its table node at the end. */
  protected finishTable(tableNode: Element, title: Element | null, messages: readonly Node[]): Node[] {
    this.addName(tableNode);
    if (title) tableNode.insert(0, title);
    return [tableNode, ...messages];
  }
}

/** `.. table::` — a title and options for the one table in the content. */
export class RSTTable extends Table {
  run(): Node[] {
    if (this.content.length === 0) {
      return [
        this.reporter.warning(`Content block expected for the "${this.name}" directive; none found.`, [this.blockLiteral()], {
          line: this.lineno,
        }),
      ];
    }
    const [title, messages] = this.makeTitle();
    const container = element('Element');
    this.state.nestedParse(this.content, this.contentOffset, container);
    const first = container.children[0];
    if (container.length !== 1 || !first?.is('table')) {
      return [
        this.errorMessage(`Error parsing content block for the "${this.name}" directive: exactly one table expected.`),
      ];
    }
    const tableNode = first as Element;
    tableNode.classes.push(...this.classOption);
    this.setTableWidth(tableNode);
    if ('align' in this.options) tableNode.set('align', this.options['align'] as string);
    const widths = this.widths;
    if (Array.isArray(widths)) {
      const tgroup = tableNode.children[0] as Element;
      let columnWidths: number[];
      try {
        columnWidths = this.getColumnWidths(tgroup.get('cols') as number);
      } catch (error) {
        if (error instanceof SystemMessagePropagation) return [error.systemMessage];
        throw error;
      }
      const colspecs = tgroup.children.filter((child): child is Element => child.is('colspec'));
      colspecs.forEach((colspec, index) => {
        if (index < columnWidths.length) colspec.set('colwidth', columnWidths[index]!);
      });
    }
    if (widths === AUTO_WIDTHS) tableNode.classes.push('colwidths-auto');
    else if (widthsGiven(widths)) tableNode.classes.push('colwidths-given');
    return this.finishTable(tableNode, title, messages);
  }
}

/** docutils' CSVTable.DocutilsDialect: the content's dialect, adjusted by the options. */
function docutilsDialect(options: Record<string, unknown>): CsvDialect {
  const dialect: CsvDialect = {
    delimiter: ',',
    quotechar: '"',
    escapechar: null,
    doublequote: true,
    skipinitialspace: true,
    strict: true,
  };
  if ('delim' in options) dialect.delimiter = options['delim'] as string;
  if ('keepspace' in options) dialect.skipinitialspace = false;
  if ('quote' in options) dialect.quotechar = options['quote'] as string;
  if ('escape' in options) {
    dialect.doublequote = false;
    dialect.escapechar = options['escape'] as string;
  }
  return dialect;
}

/** docutils' CSVTable.HeaderDialect, for the `:header:` option. */
const HEADER_DIALECT: Readonly<CsvDialect> = {
  delimiter: ',',
  quotechar: '"',
  escapechar: '\\',
  doublequote: false,
  skipinitialspace: true,
  strict: true,
};

/** A csv-table row: every cell spans nothing and starts at the content's offset. */
type CsvRow = CellData[];

/** URL schemes urllib has a handler for. */
const URLLIB_SCHEMES = new Set(['http', 'https', 'ftp', 'file', 'data']);
const URL_SCHEME = /^([^/:]+):(.*)$/s;

/**
 * What urlopen(url) would raise, worked out without opening anything: the
 * errors urllib finds in the URL itself, otherwise a refusal worded like a
 * URLError.
 */
export function refusedUrlReason(url: string): string {
  let unwrapped = url.trim();
  if (unwrapped.startsWith('<') && unwrapped.endsWith('>')) unwrapped = unwrapped.slice(1, -1).trim();
  if (unwrapped.startsWith('URL:')) unwrapped = unwrapped.slice(4).trim();
  const match = URL_SCHEME.exec(unwrapped.split('#')[0]!);
  if (!match) return `unknown url type: ${pyReprString(unwrapped)}`;
  const scheme = match[1]!.toLowerCase();
  if (!URLLIB_SCHEMES.has(scheme)) return `<urlopen error unknown url type: ${scheme}>`;
  return '<urlopen error URL access is disabled: specwright never fetches remote data>';
}

/** `.. csv-table::` — a table from comma-separated values. */
export class CSVTable extends Table {
  static override optionSpec: OptionSpec = {
    'header-rows': nonnegativeInt,
    'stub-columns': nonnegativeInt,
    header: unchanged,
    width: (value) => lengthOrPercentageOrUnitless(value),
    widths: valueOr([AUTO_WIDTHS], positiveIntList),
    file: path,
    url: uri,
    encoding,
    class: classOption,
    name: unchanged,
    align,
    delim: singleCharOrWhitespaceOrUnicode,
    keepspace: flag,
    quote: singleCharOrUnicode,
    escape: singleCharOrUnicode,
  };

  run(): Node[] {
    const settings = this.state.document.settings;
    if (!settings.fileInsertionEnabled && ('file' in this.options || 'url' in this.options)) {
      return [
        this.reporter.warning(`File and URL access deactivated; ignoring "${this.name}" directive.`, [this.blockLiteral()], {
          line: this.lineno,
        }),
      ];
    }
    let title: Element | null;
    let messages: Node[];
    let columnWidths: number[];
    let tableHead: CsvRow[];
    let tableBody: CsvRow[];
    let stubColumns: number;
    try {
      [title, messages] = this.makeTitle();
      const [csvData, source] = this.getCsvData();
      let maxHeaderColumns: number;
      [tableHead, maxHeaderColumns] = this.processHeaderOption();
      const [rows, dataColumns] = this.parseCsvDataIntoRows(csvData, docutilsDialect(this.options), source);
      const maxColumns = Math.max(dataColumns, maxHeaderColumns);
      const headerRows = (this.options['header-rows'] as number | undefined) ?? 0;
      stubColumns = (this.options['stub-columns'] as number | undefined) ?? 0;
      this.checkTableDimensions(rows, headerRows, stubColumns);
      tableHead.push(...rows.slice(0, headerRows));
      tableBody = rows.slice(headerRows);
      columnWidths = this.getColumnWidths(maxColumns);
      extendShortRowsWithEmptyCells(maxColumns, [tableHead, tableBody]);
    } catch (error) {
      if (error instanceof SystemMessagePropagation) return [error.systemMessage];
      if (error instanceof CsvError) {
        return [this.errorMessage(`Error with CSV data in "${this.name}" directive:\n${error.message}`)];
      }
      throw error;
    }
    if (!canBuildTables(this.state)) throw new Error(`the "${this.name}" directive needs a Body state (build_table)`);
    const tableNode = this.state.buildTable(
      { colwidths: columnWidths, headrows: tableHead, bodyrows: tableBody },
      this.contentOffset,
      stubColumns,
      this.widths,
    );
    tableNode.classes.push(...this.classOption);
    if ('align' in this.options) tableNode.set('align', this.options['align'] as string);
    this.setTableWidth(tableNode);
    return this.finishTable(tableNode, title, messages);
  }

  /** Rows from the `:header:` option, and their widest row's cell count. */
  private processHeaderOption(): [CsvRow[], number] {
    const source = this.stateMachine.getSource(this.lineno - 1);
    if (!('header' in this.options)) return [[], 0];
    return this.parseCsvDataIntoRows((this.options['header'] as string).split('\n'), HEADER_DIALECT, source);
  }

  /** The CSV lines, from the content, a file, or (refused) a URL; with their source name. */
  private getCsvData(): [string[], string | null] {
    if (this.content.length > 0) {
      if ('file' in this.options || 'url' in this.options) {
        throw new SystemMessagePropagation(
          this.errorMessage(`"${this.name}" directive may not both specify an external file and have content.`),
        );
      }
      return [this.content.data, this.content.source(0)];
    }
    if ('file' in this.options) {
      if ('url' in this.options) {
        throw new SystemMessagePropagation(
          this.errorMessage(
            `The "file" and "url" options may not be simultaneously specified for the "${this.name}" directive.`,
          ),
        );
      }
      return this.readCsvFile(this.options['file'] as string);
    }
    if ('url' in this.options) {
      const url = this.options['url'] as string;
      throw new SystemMessagePropagation(
        this.reporter.severe(
          `Problems with "${this.name}" directive URL "${url}":\n${refusedUrlReason(url)}.`,
          [this.blockLiteral()],
          { line: this.lineno },
        ),
      );
    }
    throw new SystemMessagePropagation(
      this.reporter.warning(`The "${this.name}" directive requires content; none supplied.`, [this.blockLiteral()], {
        line: this.lineno,
      }),
    );
  }

  /** The file named by `:file:`, relative to the current source's directory and confined to settings.root. */
  private readCsvFile(file: string): [string[], string] {
    const document = this.state.document;
    const target = posixPath.resolve(sourceDirectory(document.currentSource), file);
    const source = relativeToWorkingDirectory(target);
    const encodingName = (this.options['encoding'] as string | undefined) ?? null;
    let text: string;
    try {
      text = readInputFile(source, document.settings, encodingName);
    } catch (error) {
      if (error instanceof InputError) {
        throw new SystemMessagePropagation(
          this.reporter.severe(`Problems with "${this.name}" directive path:\n${error.message}.`, [this.blockLiteral()], {
            line: this.lineno,
          }),
        );
      }
      if (error instanceof InputDecodeError) {
        throw new SystemMessagePropagation(
          this.reporter.severe(`Problem with "${this.name}" directive:\n${error.errorString()}`, [this.blockLiteral()], {
            line: this.lineno,
          }),
        );
      }
      throw error;
    }
    return [splitlines(text), source];
  }

  /** Rows of cells (each cell's text as lines) and the widest row's cell count. */
  private parseCsvDataIntoRows(lines: readonly string[], dialect: CsvDialect, source: string | null): [CsvRow[], number] {
    const records = readCsv(
      lines.map((line) => line + '\n'),
      dialect,
    );
    let maxColumns = 0;
    const rows = records.map((record): CsvRow => {
      maxColumns = Math.max(maxColumns, record.length);
      return record.map((cell): CellData => [0, 0, 0, new StringList(splitlines(cell), source)]);
    });
    return [rows, maxColumns];
  }
}

/** Pad rows to `columns` cells with empty ones. */
function extendShortRowsWithEmptyCells(columns: number, parts: readonly CsvRow[][]): void {
  for (const part of parts) {
    for (const row of part) {
      while (row.length < columns) row.push([0, 0, 0, new StringList()]);
    }
  }
}

/** `.. list-table::` — rows as a uniform two-level bullet list. */
export class ListTable extends Table {
  static override optionSpec: OptionSpec = {
    'header-rows': nonnegativeInt,
    'stub-columns': nonnegativeInt,
    width: (value) => lengthOrPercentageOrUnitless(value),
    widths: valueOr([AUTO_WIDTHS], positiveIntList),
    class: classOption,
    name: unchanged,
    align,
  };

  run(): Node[] {
    if (this.content.length === 0) {
      return [this.errorMessage(`The "${this.name}" directive is empty; content required.`)];
    }
    const [title, messages] = this.makeTitle();
    const container = element('Element');
    this.state.nestedParse(this.content, this.contentOffset, container);
    let columnWidths: number[];
    let tableData: Node[][][];
    let headerRows: number;
    let stubColumns: number;
    try {
      columnWidths = this.checkListContent(container);
      const list = container.children[0] as Element;
      tableData = list.children.map((rowItem) =>
        ((rowItem as Element).children[0] as Element).children.map((item) => [...(item as Element).children]),
      );
      headerRows = (this.options['header-rows'] as number | undefined) ?? 0;
      stubColumns = (this.options['stub-columns'] as number | undefined) ?? 0;
      this.checkTableDimensions(tableData, headerRows, stubColumns);
    } catch (error) {
      if (error instanceof SystemMessagePropagation) return [error.systemMessage];
      throw error;
    }
    const tableNode = this.buildTableFromList(tableData, columnWidths, headerRows, stubColumns);
    if ('align' in this.options) tableNode.set('align', this.options['align'] as string);
    tableNode.classes.push(...this.classOption);
    this.setTableWidth(tableNode);
    return this.finishTable(tableNode, title, messages);
  }

  /** The content must be one bullet list whose items each hold one bullet list, all of one length. */
  private checkListContent(container: Element): number[] {
    const list = container.children[0];
    if (container.length !== 1 || !list?.is('bullet_list')) {
      throw new SystemMessagePropagation(
        this.errorMessage(`Error parsing content block for the "${this.name}" directive: exactly one bullet list expected.`),
      );
    }
    let columnCount = 0;
    (list as Element).children.forEach((node, index) => {
      const item = node as Element;
      const inner = item.children[0];
      if (item.length !== 1 || !inner?.is('bullet_list')) {
        throw new SystemMessagePropagation(
          this.errorMessage(
            `Error parsing content block for the "${this.name}" directive: two-level bullet list expected, but row ${index + 1} does not contain a second-level bullet list.`,
          ),
        );
      }
      const cellCount = (inner as Element).length;
      if (index === 0) {
        columnCount = cellCount;
      } else if (cellCount !== columnCount) {
        throw new SystemMessagePropagation(
          this.errorMessage(
            `Error parsing content block for the "${this.name}" directive: uniform two-level bullet list expected, but row ${index + 1} does not contain the same number of items as row 1 (${cellCount} vs ${columnCount}).`,
          ),
        );
      }
    });
    return this.getColumnWidths(columnCount);
  }

  private buildTableFromList(
    tableData: Node[][][],
    columnWidths: readonly number[],
    headerRows: number,
    stubColumnsIn: number,
  ): Element {
    let stubColumns = stubColumnsIn;
    const table = element('table');
    const widths = this.widths;
    if (widths === AUTO_WIDTHS) table.classes.push('colwidths-auto');
    else if (widthsGiven(widths)) table.classes.push('colwidths-given');
    const tgroup = element('tgroup', '', '', [], { cols: columnWidths.length });
    table.append(tgroup);
    for (const columnWidth of columnWidths) {
      const colspec = element('colspec');
      colspec.set('colwidth', columnWidth);
      if (stubColumns) {
        colspec.set('stub', 1);
        stubColumns -= 1;
      }
      tgroup.append(colspec);
    }
    const rows = tableData.map((rowCells) => {
      const row = element('row');
      for (const cell of rowCells) row.append(element('entry', '', '', cell));
      return row;
    });
    if (headerRows) tgroup.append(element('thead', '', '', rows.slice(0, headerRows)));
    tgroup.append(element('tbody', '', '', rows.slice(headerRows)));
    return table;
  }
}

/** The table directives by canonical name. */
export const TABLE_DIRECTIVES: Record<string, DirectiveClass> = {
  table: RSTTable,
  'csv-table': CSVTable,
  'list-table': ListTable,
};
