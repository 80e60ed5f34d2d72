/** The table parsers and what they return (docutils.parsers.rst.tableparser). */
export {
  type CellData,
  DOUBLE_WIDTH_PAD_CHAR,
  type TableData,
  TableMarkupError,
  TableParserInternalError,
} from './table-data.js';
export { GridTableParser } from './grid.js';
export { SimpleTableParser } from './simple.js';
