/**
 * Python's csv reader (CPython 3.11 `_csv.reader`), as the csv-table
 * directive uses it: a character state machine over input lines, with a
 * dialect's delimiter, quote and escape characters, and `csv.Error` texts
 * exactly as Python words them.
 *
 *     "Albatross", 2.99, "On a stick!"
 *     ^ START_FIELD → IN_QUOTED_FIELD … QUOTE_IN_QUOTED_FIELD → START_FIELD
 *
 * Each input line is fed code point by code point, then an end-of-line
 * marker (EOL); a record ends at a line end outside quotes. Characters are
 * code points, as in Python: astral characters are one character.
 */
import { codePointLength } from '../python-text.js';

/** csv.Error. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/** The csv.Dialect attributes the reader uses (quoting is always QUOTE_MINIMAL here). */
export interface CsvDialect {
  delimiter: string;
  quotechar: string | null;
  escapechar: string | null;
  doublequote: boolean;
  skipinitialspace: boolean;
  strict: boolean;
}

/** `csv.field_size_limit()` default. */
export const FIELD_SIZE_LIMIT = 131072;

type ReaderState =
  | 'START_RECORD'
  | 'START_FIELD'
  | 'ESCAPED_CHAR'
  | 'IN_FIELD'
  | 'IN_QUOTED_FIELD'
  | 'ESCAPE_IN_QUOTED_FIELD'
  | 'QUOTE_IN_QUOTED_FIELD'
  | 'EAT_CRNL'
  | 'AFTER_ESCAPED_CRNL';

/** The end-of-line marker fed after each line (CPython uses a value no character has). */
const EOL = Symbol('EOL');
type Char = string | typeof EOL;

const LINE_FEED = '\n';
const CARRIAGE_RETURN = '\r';
const SPACE = ' ';

function isLineBreak(char: Char): boolean {
  return char === LINE_FEED || char === CARRIAGE_RETURN;
}

/**
 * Checks a dialect the way csv.Dialect's constructor does; throws CsvError
 * with Python's TypeError text (csv.Dialect turns it into csv.Error).
 */
export function validateDialect(dialect: CsvDialect): void {
  const oneCharacter = (name: string, value: string | null, optional: boolean): void => {
    if (value === null) {
      if (optional) return;
      throw new CsvError(`"${name}" must be a 1-character string`);
    }
    if (codePointLength(value) !== 1) throw new CsvError(`"${name}" must be a 1-character string`);
  };
  oneCharacter('delimiter', dialect.delimiter, false);
  oneCharacter('escapechar', dialect.escapechar, true);
  oneCharacter('quotechar', dialect.quotechar, true);
  if (dialect.quotechar === null) throw new CsvError('quotechar must be set if quoting enabled');
}

/** `list(csv.reader(lines, dialect))`: every record, or CsvError at the first problem. */
export function readCsv(lines: Iterable<string>, dialect: CsvDialect): string[][] {
  validateDialect(dialect);
  return new CsvReader(dialect).readAll(lines);
}

class CsvReader {
  private state: ReaderState = 'START_RECORD';
  private fields: string[] = [];
  private field: string[] = [];

  constructor(private readonly dialect: CsvDialect) {}

  readAll(lines: Iterable<string>): string[][] {
    const records: string[][] = [];
    this.reset();
    for (const line of lines) {
      for (const char of line) this.processChar(char);
      this.processChar(EOL);
      if (this.state === 'START_RECORD') {
        records.push(this.fields);
        this.reset();
      }
    }
    // Input ended inside a record.
    if (this.field.length !== 0 || this.state === 'IN_QUOTED_FIELD') {
      if (this.dialect.strict) throw new CsvError('unexpected end of data');
      this.saveField();
      records.push(this.fields);
    }
    return records;
  }

  private reset(): void {
    this.fields = [];
    this.field = [];
    this.state = 'START_RECORD';
  }

  private saveField(): void {
    this.fields.push(this.field.join(''));
    this.field = [];
  }

  private addChar(char: string): void {
    if (this.field.length >= FIELD_SIZE_LIMIT) {
      throw new CsvError(`field larger than field limit (${FIELD_SIZE_LIMIT})`);
    }
    this.field.push(char);
  }

  /** One character (or EOL); mirrors CPython's parse_process_char, fall-throughs included. */
  private processChar(char: Char): void {
    const { delimiter, quotechar, escapechar, doublequote, strict } = this.dialect;
    switch (this.state) {
      case 'START_RECORD':
        if (char === EOL) return; // empty line: an empty record
        if (isLineBreak(char)) {
          this.state = 'EAT_CRNL';
          return;
        }
        this.state = 'START_FIELD';
        this.startField(char);
        return;
      case 'START_FIELD':
        this.startField(char);
        return;
      case 'ESCAPED_CHAR':
        if (char !== EOL && isLineBreak(char)) {
          this.addChar(char);
          this.state = 'AFTER_ESCAPED_CRNL';
          return;
        }
        this.addChar(char === EOL ? LINE_FEED : char);
        this.state = 'IN_FIELD';
        return;
      case 'AFTER_ESCAPED_CRNL':
        if (char === EOL) return;
        this.inField(char);
        return;
      case 'IN_FIELD':
        this.inField(char);
        return;
      case 'IN_QUOTED_FIELD':
        if (char === EOL) return;
        if (char === escapechar) {
          this.state = 'ESCAPE_IN_QUOTED_FIELD';
        } else if (char === quotechar) {
          this.state = doublequote ? 'QUOTE_IN_QUOTED_FIELD' : 'IN_FIELD';
        } else {
          this.addChar(char);
        }
        return;
      case 'ESCAPE_IN_QUOTED_FIELD':
        this.addChar(char === EOL ? LINE_FEED : char);
        this.state = 'IN_QUOTED_FIELD';
        return;
      case 'QUOTE_IN_QUOTED_FIELD':
        if (char === quotechar) {
          this.addChar(char);
          this.state = 'IN_QUOTED_FIELD';
        } else if (char === delimiter) {
          this.saveField();
          this.state = 'START_FIELD';
        } else if (char === EOL || isLineBreak(char)) {
          this.saveField();
          this.state = char === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else if (!strict) {
          this.addChar(char);
          this.state = 'IN_FIELD';
        } else {
          throw new CsvError(`'${delimiter}' expected after '${quotechar}'`);
        }
        return;
      case 'EAT_CRNL':
        if (char === EOL) {
          this.state = 'START_RECORD';
        } else if (!isLineBreak(char)) {
          throw new CsvError(
            'new-line character seen in unquoted field - do you need to open the file in universal-newline mode?',
          );
        }
        return;
    }
  }

  private startField(char: Char): void {
    const { delimiter, quotechar, escapechar, skipinitialspace } = this.dialect;
    if (char === EOL || isLineBreak(char)) {
      this.saveField();
      this.state = char === EOL ? 'START_RECORD' : 'EAT_CRNL';
    } else if (char === quotechar) {
      this.state = 'IN_QUOTED_FIELD';
    } else if (char === escapechar) {
      this.state = 'ESCAPED_CHAR';
    } else if (char === SPACE && skipinitialspace) {
      // spaces at the start of a field are dropped
    } else if (char === delimiter) {
      this.saveField();
    } else {
      this.addChar(char);
      this.state = 'IN_FIELD';
    }
  }

  private inField(char: Char): void {
    const { delimiter, escapechar } = this.dialect;
    if (char === EOL || isLineBreak(char)) {
      this.saveField();
      this.state = char === EOL ? 'START_RECORD' : 'EAT_CRNL';
    } else if (char === escapechar) {
      this.state = 'ESCAPED_CHAR';
    } else if (char === delimiter) {
      this.saveField();
      this.state = 'START_FIELD';
    } else {
      this.addChar(char);
    }
  }
}
