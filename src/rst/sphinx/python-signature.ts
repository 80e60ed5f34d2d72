/**
 * Python signatures as Sphinx 5.3's python domain reads them: the argument
 * list parsed with Python's grammar (signature_from_str: `def func(...):
 * pass` through ast.parse), values and annotations written back with
 * sphinx.pycode.ast.unparse, annotations turned into cross-reference nodes
 * (_parse_annotation), and the bracket-based fallback for lists Python
 * cannot parse (_pseudo_parse_arglist).
 *
 * The expression parser covers what argument lists hold: names, dotted
 * names, numbers, strings, calls, subscripts, displays, unary and binary
 * operators. A construct it does not know (a comparison, lambda,
 * conditional expression, f-string, slice, starred argument, ...) throws
 * UnsupportedPython, and the caller falls back as Sphinx does for a list it
 * cannot parse; Sphinx itself would show some of those parsed.
 */
import { type Element, type Node, Text, element } from '../nodes.js';
import { pyReprBytes, pyReprString } from '../python-text.js';
import { descNode, sphinxElement } from './nodes.js';
import type { SphinxEnvironment } from './environment.js';

/** Python would reject the text (SyntaxError). */
export class PythonSyntaxError extends Error {}
/** A node sphinx.pycode.ast.unparse cannot write (its NotImplementedError: "Unable to parse X object"). */
export class UnsupportedPython extends Error {}
/** Valid Python outside what this parser reads (a \\N{...} escape): treated as Sphinx treats a SyntaxError. */
export class ParserLimit extends Error {}

// ---- tokens -----------------------------------------------------------------

type Token =
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'number'; text: string; start: number; end: number }
  | { kind: 'string'; text: string; start: number; end: number }
  | { kind: 'op'; text: string; start: number; end: number }
  | { kind: 'end'; text: ''; start: number; end: number };

const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER =
  /(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/y;
const STRING_START = /([rRuUbBfF]{0,2})('''|"""|'|")/y;
const OPERATORS = ['...', '**', '//', '<<', '>>', '->', '!=', '==', '<=', '>=', ':=', '(', ')', '[', ']', '{', '}', ',', ':', '.', '=', '+', '-', '*', '/', '%', '@', '|', '&', '^', '~', '<', '>', ';'];

/** Python's tokenizer MAXLEVEL. */
const MAX_BRACKET_DEPTH = 200;
/** Nested expressions (unary operators, lambdas, brackets) this parser descends into before giving up. */
const MAX_EXPRESSION_DEPTH = 300;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === ' ' || char === '\t' || char === '\f') {
      index++;
      continue;
    }
    // A comment or a line continuation cannot end inside 'def func(...): pass' on one line.
    if (char === '\n' || char === '\r' || char === '\\' || char === '#') throw new PythonSyntaxError(`character ${JSON.stringify(char)}`);
    STRING_START.lastIndex = index;
    const stringStart = STRING_START.exec(text);
    if (stringStart && (stringStart[1] === '' || /^(?:[rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/.test(stringStart[1]!))) {
      const quote = stringStart[2]!;
      let end = index + stringStart[0].length;
      const raw = /[rR]/.test(stringStart[1]!);
      for (;;) {
        if (end >= text.length) throw new PythonSyntaxError('unterminated string literal');
        if (!raw && text[end] === '\\') {
          end += 2;
          continue;
        }
        if (raw && text[end] === '\\') {
          end += 2;
          continue;
        }
        if (text.startsWith(quote, end)) {
          end += quote.length;
          break;
        }
        end++;
      }
      tokens.push({ kind: 'string', text: text.slice(index, end), start: index, end });
      index = end;
      continue;
    }
    NAME.lastIndex = index;
    const name = NAME.exec(text);
    if (name) {
      // A string prefix Python does not allow (f'', t'') is outside this parser.
      if (text[index + name[0].length] === "'" || text[index + name[0].length] === '"') throw new PythonSyntaxError('invalid string prefix');
      tokens.push({ kind: 'name', text: name[0], start: index, end: index + name[0].length });
      index += name[0].length;
      continue;
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '' && number[0] !== '.') {
      const after = text[index + number[0].length];
      // Python 3.11 lets a keyword follow a number directly ("1if x else y", with a warning).
      const rest = text.slice(index + number[0].length);
      if (after !== undefined && /[\p{L}\p{N}_]/u.test(after) && !/^(?:and|else|for|if|in|is|not|or)/.test(rest)) {
        throw new PythonSyntaxError('invalid number');
      }
      tokens.push({ kind: 'number', text: number[0], start: index, end: index + number[0].length });
      index += number[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, index));
    if (!operator) throw new PythonSyntaxError(`invalid character ${JSON.stringify(char)}`);
    // Python's tokenizer: at most 200 brackets open at once (MAXLEVEL).
    if (operator === '(' || operator === '[' || operator === '{') {
      if (++depth > MAX_BRACKET_DEPTH) throw new PythonSyntaxError('too many nested parentheses');
    } else if (operator === ')' || operator === ']' || operator === '}') {
      depth--;
    }
    tokens.push({ kind: 'op', text: operator, start: index, end: index + operator.length });
    index += operator.length;
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

// ---- expressions ------------------------------------------------------------

export type Expression =
  | { type: 'Name'; id: string }
  | { type: 'Constant'; kind: 'number' | 'string' | 'bytes' | 'None' | 'True' | 'False' | 'Ellipsis'; source: string; value: string | number }
  | { type: 'Attribute'; value: Expression; attr: string }
  | { type: 'BinOp'; op: string; left: Expression; right: Expression }
  | { type: 'BoolOp'; op: string; values: Expression[] }
  | { type: 'UnaryOp'; op: string; operand: Expression }
  | { type: 'Call'; func: Expression; args: Expression[]; keywords: [string | null, Expression][] }
  | { type: 'Subscript'; value: Expression; slice: Expression }
  | { type: 'List' | 'Tuple' | 'Set'; elts: Expression[] }
  | { type: 'Dict'; keys: (Expression | null)[]; values: Expression[] }
  | { type: 'Lambda'; params: ParameterNode[] }
  /** A node sphinx.pycode.ast.unparse has no visitor for (its class name: IfExp, Compare, Slice, ...). */
  | { type: 'Unsupported'; className: string };

/** A parameter as parsed (before unparse). */
export interface ParameterNode {
  name: string;
  kind: ParameterKind;
  annotation: Expression | null;
  default: Expression | null;
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

const unsupported = (className: string): Expression => ({ type: 'Unsupported', className });
const isStarred = (node: Expression): boolean => node.type === 'Unsupported' && node.className === 'Starred';

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  get token(): Token {
    return this.tokens[this.position]!;
  }

  isOp(text: string): boolean {
    return this.token.kind === 'op' && this.token.text === text;
  }

  isName(text: string): boolean {
    return this.token.kind === 'name' && this.token.text === text;
  }

  take(): Token {
    return this.tokens[this.position++]!;
  }

  atEnd(): boolean {
    return this.token.kind === 'end';
  }

  /** The token `offset` places after the current one. */
  peek(offset: number): Token | undefined {
    return this.tokens[this.position + offset];
  }

  expectOp(text: string): void {
    if (!this.isOp(text)) throw new PythonSyntaxError(`expected ${text}`);
    this.position++;
  }

  expectName(text: string): void {
    if (!this.isName(text)) throw new PythonSyntaxError(`expected ${text}`);
    this.position++;
  }

  expectEnd(): void {
    if (this.token.kind !== 'end') throw new PythonSyntaxError('unexpected token');
  }

  private depth = 0;

  /** Runs one level of nested parsing, refusing input nested deeper than Python's own parser would take. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new ParserLimit('expression nested too deeply');
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** test: a lambda, or or_test with an optional conditional. */
  expression(): Expression {
    return this.nested(() => this.test());
  }

  private test(): Expression {
    if (this.isName('lambda')) return this.lambda();
    const value = this.orTest();
    if (this.isName('if')) {
      this.take();
      this.orTest();
      this.expectName('else');
      this.expression();
      return unsupported('IfExp');
    }
    return value;
  }

  /** namedexpr_test: `name := value` where Python allows it (parentheses, arguments, displays). */
  private namedExpression(): Expression {
    const next = this.peek(1);
    if (this.token.kind === 'name' && next?.kind === 'op' && next.text === ':=') {
      if (KEYWORDS.has(this.token.text)) throw new PythonSyntaxError('keyword');
      this.take();
      this.take();
      this.expression();
      return unsupported('NamedExpr');
    }
    return this.expression();
  }

  private lambda(): Expression {
    this.take();
    const params = parameterList(this, ':', false);
    this.expectOp(':');
    this.expression();
    return { type: 'Lambda', params };
  }

  private orTest(): Expression {
    return this.boolean('or', () => this.andTest());
  }

  private andTest(): Expression {
    return this.boolean('and', () => this.notTest());
  }

  private boolean(op: string, next: () => Expression): Expression {
    const first = next();
    if (!this.isName(op)) return first;
    const values = [first];
    while (this.isName(op)) {
      this.take();
      values.push(next());
    }
    return { type: 'BoolOp', op, values };
  }

  private notTest(): Expression {
    if (this.isName('not')) {
      this.take();
      return { type: 'UnaryOp', op: 'not', operand: this.nested(() => this.notTest()) };
    }
    const value = this.bitOr();
    let compared = false;
    for (;;) {
      if (['<', '>', '==', '>=', '<=', '!='].some((op) => this.isOp(op)) || this.isName('in')) {
        this.take();
      } else if (this.isName('is')) {
        this.take();
        if (this.isName('not')) this.take();
      } else if (this.isName('not') && this.peek(1)?.kind === 'name' && this.peek(1)?.text === 'in') {
        this.take();
        this.take();
      } else {
        break;
      }
      this.bitOr();
      compared = true;
    }
    return compared ? unsupported('Compare') : value;
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

  bitOr(): Expression {
    return this.binary(0);
  }

  private binary(level: number): Expression {
    if (level === Parser.LEVELS.length) return this.factor();
    let left = this.binary(level + 1);
    for (;;) {
      const op = Parser.LEVELS[level]!.find((candidate) => this.isOp(candidate));
      if (!op) return left;
      this.take();
      left = { type: 'BinOp', op, left, right: this.binary(level + 1) };
    }
  }

  private factor(): Expression {
    for (const op of ['+', '-', '~']) {
      if (this.isOp(op)) {
        this.take();
        return { type: 'UnaryOp', op, operand: this.nested(() => this.factor()) };
      }
    }
    return this.power();
  }

  private power(): Expression {
    let base: Expression;
    if (this.isName('await')) {
      this.take();
      this.primary();
      base = unsupported('Await');
    } else {
      base = this.primary();
    }
    if (this.isOp('**')) {
      this.take();
      return { type: 'BinOp', op: '**', left: base, right: this.nested(() => this.factor()) };
    }
    return base;
  }

  private primary(): Expression {
    let value = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.take();
        const name = this.take();
        if (name.kind !== 'name' || KEYWORDS.has(name.text)) throw new PythonSyntaxError('invalid attribute');
        value = { type: 'Attribute', value, attr: name.text };
      } else if (this.isOp('(')) {
        this.take();
        value = this.call(value);
      } else if (this.isOp('[')) {
        this.take();
        value = { type: 'Subscript', value, slice: this.subscript() };
      } else {
        return value;
      }
    }
  }

  private call(func: Expression): Expression {
    const args: Expression[] = [];
    const keywords: [string | null, Expression][] = [];
    let unpackedKeywords = false;
    while (!this.isOp(')')) {
      const next = this.peek(1);
      if (this.isOp('**')) {
        this.take();
        keywords.push([null, this.expression()]);
        unpackedKeywords = true;
      } else if (this.isOp('*')) {
        if (unpackedKeywords) throw new PythonSyntaxError('iterable argument unpacking follows keyword argument unpacking');
        this.take();
        this.expression();
        args.push(unsupported('Starred'));
      } else if (this.token.kind === 'name' && next?.kind === 'op' && next.text === '=') {
        const name = this.take().text;
        if (KEYWORDS.has(name)) throw new PythonSyntaxError('keyword as argument name');
        this.take();
        keywords.push([name, this.expression()]);
      } else {
        if (keywords.length > 0) throw new PythonSyntaxError(unpackedKeywords ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
        const value = this.namedExpression();
        if (this.isName('for') || this.isName('async')) {
          this.comprehension();
          args.push(unsupported('GeneratorExp'));
        } else {
          args.push(value);
        }
      }
      if (!this.isOp(',')) break;
      this.take();
    }
    this.expectOp(')');
    return { type: 'Call', func, args, keywords };
  }

  /** comp_for clauses (after the element): `for targets in iterable [if condition]...`, repeated. */
  private comprehension(): void {
    while (this.isName('for') || this.isName('async')) {
      if (this.isName('async')) this.take();
      this.expectName('for');
      this.bitOr();
      while (this.isOp(',')) {
        this.take();
        if (this.isName('in')) break;
        this.bitOr();
      }
      this.expectName('in');
      this.orTest();
      while (this.isName('if')) {
        this.take();
        this.orTest();
      }
    }
  }

  private subscript(): Expression {
    const items: Expression[] = [];
    let trailingComma = false;
    while (!this.isOp(']')) {
      items.push(this.sliceItem());
      trailingComma = false;
      if (!this.isOp(',')) break;
      this.take();
      trailingComma = true;
    }
    this.expectOp(']');
    if (items.length === 0) throw new PythonSyntaxError('empty subscript');
    return items.length === 1 && !trailingComma ? items[0]! : { type: 'Tuple', elts: items };
  }

  /** `*value` (a Starred node, which Sphinx's unparse does not know), or what `next` reads. */
  private starredOr(next: () => Expression): Expression {
    if (!this.isOp('*')) return next();
    this.take();
    this.bitOr();
    return unsupported('Starred');
  }

  private sliceItem(): Expression {
    if (this.isOp('*')) {
      // A subscript's starred item is '*' expression (PEP 646), not '*' bitwise_or.
      this.take();
      this.expression();
      return unsupported('Starred');
    }
    const bound = (): void => {
      if (!this.isOp(':') && !this.isOp(',') && !this.isOp(']')) this.expression();
    };
    let value: Expression | null = null;
    if (!this.isOp(':')) value = this.namedExpression();
    if (!this.isOp(':')) return value!;
    this.take();
    bound();
    if (this.isOp(':')) {
      this.take();
      bound();
    }
    return unsupported('Slice');
  }

  private atom(): Expression {
    const token = this.take();
    switch (token.kind) {
      case 'name':
        if (token.text === 'None' || token.text === 'True' || token.text === 'False') {
          return { type: 'Constant', kind: token.text, source: token.text, value: token.text };
        }
        if (KEYWORDS.has(token.text)) throw new PythonSyntaxError(`keyword ${token.text}`);
        return { type: 'Name', id: token.text };
      case 'number':
        return { type: 'Constant', kind: 'number', source: token.text, value: token.text };
      case 'string':
        return this.strings(token);
      case 'op':
        if (token.text === '...') return { type: 'Constant', kind: 'Ellipsis', source: '...', value: '...' };
        if (token.text === '(') return this.parenthesised();
        if (token.text === '[') return this.display(']', 'List', 'ListComp');
        if (token.text === '{') return this.braces();
        throw new PythonSyntaxError(`unexpected ${token.text}`);
      default:
        throw new PythonSyntaxError('unexpected end');
    }
  }

  /** Adjacent string literals make one constant (bytes and str do not mix; an f-string makes a JoinedStr). */
  private strings(first: Token): Expression {
    const parts = [first];
    while (this.token.kind === 'string') parts.push(this.take());
    const decoded = parts.map((part) => decodeStringLiteral(part.text));
    const bytes = decoded.map((part) => part.bytes);
    if (bytes.some((isBytes) => isBytes !== bytes[0])) throw new PythonSyntaxError('cannot mix bytes and nonbytes literals');
    if (decoded.some((part) => part.formatted)) return unsupported('JoinedStr');
    const value = decoded.map((part) => part.value).join('');
    return { type: 'Constant', kind: bytes[0] ? 'bytes' : 'string', source: parts.map((part) => part.text).join(' '), value };
  }

  private parenthesised(): Expression {
    if (this.isOp(')')) {
      this.take();
      return { type: 'Tuple', elts: [] };
    }
    if (this.isName('yield')) {
      this.take();
      const from = this.isName('from');
      if (from) this.take();
      if (from || !this.isOp(')')) this.expression();
      this.expectOp(')');
      return unsupported(from ? 'YieldFrom' : 'Yield');
    }
    return this.display(')', 'Tuple', 'GeneratorExp', true);
  }

  /**
   * The inside of ( ), [ ] or a set's { }: items, or one item and a
   * comprehension. A parenthesised single item without a comma is the item.
   */
  private display(close: string, kind: 'List' | 'Tuple' | 'Set', comprehension: string, parenthesised = false): Expression {
    const elts: Expression[] = [];
    let commas = 0;
    while (!this.isOp(close)) {
      elts.push(this.starredOr(() => this.namedExpression()));
      if (elts.length === 1 && commas === 0 && (this.isName('for') || this.isName('async'))) {
        if (isStarred(elts[0]!)) throw new PythonSyntaxError('iterable unpacking cannot be used in comprehension');
        this.comprehension();
        this.expectOp(close);
        return unsupported(comprehension);
      }
      if (!this.isOp(',')) break;
      this.take();
      commas++;
    }
    this.expectOp(close);
    if (parenthesised && elts.length === 1 && commas === 0) {
      if (isStarred(elts[0]!)) throw new PythonSyntaxError('cannot use starred expression here');
      return elts[0]!;
    }
    return { type: kind, elts };
  }

  private braces(): Expression {
    if (this.isOp('}')) {
      this.take();
      return { type: 'Dict', keys: [], values: [] };
    }
    let firstKey: Expression | null;
    let firstValue: Expression | null = null;
    if (this.isOp('**')) {
      this.take();
      firstKey = null;
      firstValue = this.bitOr();
    } else {
      if (this.isOp('*')) return this.display('}', 'Set', 'SetComp');
      firstKey = this.expression();
      if (!this.isOp(':')) {
        // A set display or comprehension: re-read from its first element.
        const elts: Expression[] = [firstKey];
        if (this.isName('for') || this.isName('async')) {
          this.comprehension();
          this.expectOp('}');
          return unsupported('SetComp');
        }
        while (this.isOp(',')) {
          this.take();
          if (this.isOp('}')) break;
          elts.push(this.starredOr(() => this.expression()));
        }
        this.expectOp('}');
        return { type: 'Set', elts };
      }
      this.take();
      firstValue = this.expression();
      if (this.isName('for') || this.isName('async')) {
        this.comprehension();
        this.expectOp('}');
        return unsupported('DictComp');
      }
    }
    const keys: (Expression | null)[] = [firstKey];
    const values: Expression[] = [firstValue];
    while (this.isOp(',')) {
      this.take();
      if (this.isOp('}')) break;
      if (this.isOp('**')) {
        this.take();
        keys.push(null);
        values.push(this.bitOr());
        continue;
      }
      keys.push(this.expression());
      this.expectOp(':');
      values.push(this.expression());
    }
    this.expectOp('}');
    return { type: 'Dict', keys, values };
  }
}

/**
 * A parameter list up to `close` (not consumed): `def` parameters, or a
 * lambda's (no annotations). Python's rules on order, defaults and names.
 */
function parameterList(parser: Parser, close: string, annotations: boolean): ParameterNode[] {
  const parameters: ParameterNode[] = [];
  let kind: ParameterKind = 'positional-or-keyword';
  let sawDefault = false;
  let sawStar = false;
  let sawVarKeyword = false;
  const atClose = (): boolean => (close === '' ? parser.atEnd() : parser.isOp(close));
  const name = (): string => {
    const token = parser.take();
    if (token.kind !== 'name' || KEYWORDS.has(token.text)) throw new PythonSyntaxError('invalid parameter name');
    return token.text;
  };
  const annotation = (starAllowed = false): Expression | null => {
    if (!annotations || !parser.isOp(':')) return null;
    parser.take();
    if (starAllowed && parser.isOp('*')) {
      // `*args: *Ts` (PEP 646): a star expression, '*' bitwise_or.
      parser.take();
      parser.bitOr();
      return unsupported('Starred');
    }
    return parser.expression();
  };
  while (!atClose()) {
    if (sawVarKeyword) throw new PythonSyntaxError('arguments cannot follow var-keyword argument');
    if (parser.isOp('/')) {
      parser.take();
      if (sawStar || parameters.length === 0 || parameters.some((parameter) => parameter.kind === 'positional-only')) {
        throw new PythonSyntaxError('/ must be ahead of *');
      }
      for (const parameter of parameters) parameter.kind = 'positional-only';
    } else if (parser.isOp('**')) {
      parser.take();
      parameters.push({ name: name(), kind: 'var-keyword', annotation: annotation(), default: null });
      if (parser.isOp('=')) throw new PythonSyntaxError('var-keyword argument cannot have default value');
      sawVarKeyword = true;
    } else if (parser.isOp('*')) {
      parser.take();
      if (sawStar) throw new PythonSyntaxError('* argument may appear only once');
      sawStar = true;
      kind = 'keyword-only';
      if (parser.isOp(',') || atClose()) {
        // A bare * must be followed by keyword-only parameters.
        const next = parser.peek(1);
        if (atClose() || next === undefined || next.kind === 'end' || (next.kind === 'op' && (next.text === '**' || next.text === close))) {
          throw new PythonSyntaxError('named arguments must follow bare *');
        }
      } else {
        parameters.push({ name: name(), kind: 'var-positional', annotation: annotation(true), default: null });
        if (parser.isOp('=')) throw new PythonSyntaxError('var-positional argument cannot have default value');
      }
    } else {
      const parameterName = name();
      const parameterAnnotation = annotation();
      let defaultValue: Expression | null = null;
      if (parser.isOp('=')) {
        parser.take();
        defaultValue = parser.expression();
        if (kind !== 'keyword-only') sawDefault = true;
      } else if (sawDefault && kind !== 'keyword-only') {
        throw new PythonSyntaxError('non-default argument follows default argument');
      }
      parameters.push({ name: parameterName, kind, annotation: parameterAnnotation, default: defaultValue });
    }
    if (atClose()) break;
    parser.expectOp(',');
  }
  return parameters;
}

const SIMPLE_ESCAPES: Record<string, string> = { '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A string or bytes literal's value (escapes applied unless raw); `formatted` for an f-string. */
function decodeStringLiteral(literal: string): { value: string; bytes: boolean; formatted: boolean } {
  const prefixLength = /^[rRuUbBfF]*/.exec(literal)![0].length;
  const prefix = literal.slice(0, prefixLength).toLowerCase();
  const quote = literal.startsWith("'''", prefixLength) || literal.startsWith('"""', prefixLength) ? 3 : 1;
  const body = literal.slice(prefixLength + quote, literal.length - quote);
  const bytes = prefix.includes('b');
  const formatted = prefix.includes('f');
  if (prefix.includes('r') || formatted) return { value: body, bytes, formatted };
  let value = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = body[++index];
    if (next === undefined) throw new PythonSyntaxError('trailing backslash');
    if (next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(index))![0];
      value += String.fromCodePoint(parseInt(digits, 8));
      index += digits.length - 1;
    } else if (next === 'x') {
      const digits = body.slice(index + 1, index + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(digits)) throw new PythonSyntaxError('truncated \\xXX escape');
      value += String.fromCodePoint(parseInt(digits, 16));
      index += 2;
    } else if (!bytes && (next === 'u' || next === 'U')) {
      const length = next === 'u' ? 4 : 8;
      const digits = body.slice(index + 1, index + 1 + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) throw new PythonSyntaxError('truncated \\u escape');
      const codePoint = parseInt(digits, 16);
      if (codePoint > 0x10ffff) throw new PythonSyntaxError('illegal Unicode character');
      value += String.fromCodePoint(codePoint);
      index += length;
    } else if (!bytes && next === 'N') {
      throw new ParserLimit('named Unicode escape');
    } else {
      value += '\\' + next;
    }
  }
  return { value, bytes, formatted };
}

/** sphinx.pycode.ast.unparse (with the source code: numbers keep their spelling). Throws UnsupportedPython where it raises NotImplementedError. */
export function unparse(node: Expression | null): string {
  if (node === null) throw new UnsupportedPython('Unable to parse NoneType object');
  switch (node.type) {
    case 'Name':
      return node.id;
    case 'Constant':
      if (node.kind === 'string') return pyReprString(node.value as string);
      if (node.kind === 'bytes') return pyReprBytes(node.value as string);
      return node.source;
    case 'Attribute':
      return `${unparse(node.value)}.${node.attr}`;
    case 'BinOp':
      return node.op === '**' ? `${unparse(node.left)}**${unparse(node.right)}` : `${unparse(node.left)} ${node.op} ${unparse(node.right)}`;
    case 'BoolOp':
      return node.values.map(unparse).join(` ${node.op} `);
    case 'UnaryOp':
      return node.op === 'not' ? `not ${unparse(node.operand)}` : `${node.op}${unparse(node.operand)}`;
    case 'Call': {
      const func = unparse(node.func);
      const args = [...node.args.map(unparse), ...node.keywords.map(([name, value]) => `${name ?? 'None'}=${unparse(value)}`)];
      return `${func}(${args.join(', ')})`;
    }
    case 'Subscript':
      if (node.slice.type === 'Tuple' && node.slice.elts.length > 0 && !node.slice.elts.some((elt) => elt.type === 'Unsupported' && elt.className === 'Starred')) {
        return `${unparse(node.value)}[${node.slice.elts.map(unparse).join(', ')}]`;
      }
      return `${unparse(node.value)}[${unparse(node.slice)}]`;
    case 'List':
      return `[${node.elts.map(unparse).join(', ')}]`;
    case 'Set':
      return `{${node.elts.map(unparse).join(', ')}}`;
    case 'Tuple':
      if (node.elts.length === 0) return '()';
      if (node.elts.length === 1) return `(${unparse(node.elts[0]!)},)`;
      return `(${node.elts.map(unparse).join(', ')})`;
    case 'Dict':
      // visit_Dict zips two generators: each key is written just before its value.
      return `{${node.keys.map((key, index) => `${unparse(key)}: ${unparse(node.values[index]!)}`).join(', ')}}`;
    case 'Lambda':
      return `lambda ${unparseArguments(node.params)}: ...`;
    case 'Unsupported':
      throw new UnsupportedPython(`Unable to parse ${node.className} object`);
  }
}

/** _UnparseVisitor.visit_arguments: defaults and annotations in order, with the / and * markers. */
function unparseArguments(params: readonly ParameterNode[]): string {
  const parts: string[] = [];
  const withDefault = (param: ParameterNode): string => {
    let text = param.annotation ? `${param.name}: ${unparse(param.annotation)}` : param.name;
    if (param.default) text += param.annotation ? ` = ${unparse(param.default)}` : `=${unparse(param.default)}`;
    return text;
  };
  const positionalOnly = params.filter((param) => param.kind === 'positional-only');
  for (const param of positionalOnly) parts.push(withDefault(param));
  if (positionalOnly.length > 0) parts.push('/');
  for (const param of params.filter((param) => param.kind === 'positional-or-keyword')) parts.push(withDefault(param));
  const varPositional = params.find((param) => param.kind === 'var-positional');
  if (varPositional) parts.push('*' + withDefault(varPositional));
  const keywordOnly = params.filter((param) => param.kind === 'keyword-only');
  if (keywordOnly.length > 0 && !varPositional) parts.push('*');
  for (const param of keywordOnly) parts.push(withDefault(param));
  const varKeyword = params.find((param) => param.kind === 'var-keyword');
  if (varKeyword) parts.push('**' + withDefault(varKeyword));
  return parts.join(', ');
}

/** Parses one Python expression (the whole text, as a module body's expression statement). */
export function parseExpression(text: string): Expression {
  const parser = new Parser(tokenize(text));
  const value = parser.expression();
  if (parser.isOp(',')) {
    const elts = [value];
    while (parser.isOp(',')) {
      parser.take();
      if (parser.atEnd()) break;
      elts.push(parser.expression());
    }
    parser.expectEnd();
    return { type: 'Tuple', elts };
  }
  parser.expectEnd();
  return value;
}

// ---- parameter lists --------------------------------------------------------

export type ParameterKind = 'positional-only' | 'positional-or-keyword' | 'var-positional' | 'keyword-only' | 'var-keyword';

export interface Parameter {
  name: string;
  kind: ParameterKind;
  /** ast_unparse of the annotation, or null. */
  annotation: string | null;
  /** ast_unparse of the default, or null. */
  defaultValue: string | null;
}

/** inspect.Signature's ValueError: a parameter name given twice. */
export class DuplicateParameter extends Error {}

/**
 * signature_from_str('(' + arglist + ')').parameters: parsed as Python
 * parses `def func(...): pass` (PythonSyntaxError), written back in
 * signature_from_ast's order, each default before its annotation
 * (UnsupportedPython), then checked as inspect.Signature checks names
 * (DuplicateParameter).
 */
export function parseParameters(arglist: string): Parameter[] {
  // As Sphinx writes it: the list may itself close the parentheses ("a) -> b(c").
  const parser = new Parser(tokenize(`(${arglist})`));
  parser.expectOp('(');
  const nodes = parameterList(parser, ')', true);
  parser.expectOp(')');
  let returns: Expression | null = null;
  if (parser.isOp('->')) {
    parser.take();
    returns = parser.expression();
  }
  parser.expectEnd();
  const order: ParameterKind[] = ['positional-only', 'positional-or-keyword', 'var-positional', 'keyword-only', 'var-keyword'];
  const parameters: Parameter[] = [];
  for (const kind of order) {
    for (const node of nodes.filter((candidate) => candidate.kind === kind)) {
      const defaultValue = node.default ? unparse(node.default) : null;
      const annotation = node.annotation ? unparse(node.annotation) : null;
      parameters.push({ name: node.name, kind, annotation, defaultValue });
    }
  }
  if (returns) unparse(returns);
  const seen = new Set<string>();
  for (const parameter of parameters) {
    if (seen.has(parameter.name)) throw new DuplicateParameter(`duplicate parameter name: ${pyReprString(parameter.name)}`);
    seen.add(parameter.name);
  }
  return parameters;
}

// ---- nodes -------------------------------------------------------------------

const space = (): Node => descNode('desc_sig_space', '', ' ');
const punctuation = (text: string): Node => descNode('desc_sig_punctuation', '', text);

/** sphinx.domains.python.type_to_xref. */
export function typeToXref(target: string, env: SphinxEnvironment, suppressPrefix = false): Node {
  let title: string;
  let refspecific = false;
  if (target.startsWith('.')) {
    target = target.slice(1);
    title = target;
    refspecific = true;
  } else if (target.startsWith('~')) {
    target = target.slice(1);
    title = target.split('.').pop()!;
  } else if (suppressPrefix) {
    title = target.split('.').pop()!;
  } else if (target.startsWith('typing.')) {
    title = target.slice(7);
  } else {
    title = target;
  }
  const reftype = target === 'None' || target.startsWith('typing.') ? 'obj' : 'class';
  let children: Node[];
  if (env.config.python_use_unqualified_type_names) {
    children = [
      sphinxElement('pending_xref_condition', '', title.split('.').pop()!, [], { condition: 'resolved' }),
      sphinxElement('pending_xref_condition', '', title, [], { condition: '*' }),
    ];
  } else {
    children = [new Text(title)];
  }
  return sphinxElement('pending_xref', '', '', children, {
    refdomain: 'py',
    reftype,
    reftarget: target,
    refspecific,
    'py:module': env.refName('py:module'),
    'py:class': env.refName('py:class'),
  });
}

/** A Text node marked as the inside of a typing.Literal subscript (kept as text). */
interface LiteralText {
  literal: Text;
}

type AnnotationPart = Node | LiteralText;

/** The annotation's nodes before names become references (_parse_annotation's unparse); throws UnsupportedPython for what Sphinx's raises SyntaxError on. */
function annotationParts(node: Expression): AnnotationPart[] {
  switch (node.type) {
    case 'Attribute': {
      const value = annotationParts(node.value)[0];
      const valueText = value instanceof Text ? value.astext() : value && 'literal' in value ? value.literal.astext() : (value as Node | undefined)?.astext() ?? '';
      return [new Text(`${valueText}.${node.attr}`)];
    }
    case 'BinOp':
      if (node.op !== '|') throw new UnsupportedPython('operator');
      return [...annotationParts(node.left), space(), punctuation('|'), space(), ...annotationParts(node.right)];
    case 'Constant':
      if (node.kind === 'Ellipsis') return [punctuation('...')];
      if (node.kind === 'True' || node.kind === 'False') return [descNode('desc_sig_keyword', '', node.kind)];
      if (node.kind === 'number') {
        const literal = numberRepr(node.source);
        return literal.integer ? [descNode('desc_sig_literal_number', '', literal.text)] : [new Text(literal.text)];
      }
      if (node.kind === 'string') return [descNode('desc_sig_literal_string', '', pyReprString(node.value as string))];
      if (node.kind === 'bytes') return [new Text(pyReprBytes(node.value as string))];
      return [new Text('None')];
    case 'UnaryOp':
      if (node.op !== '~') throw new UnsupportedPython('unary operator');
      return [punctuation('~'), ...annotationParts(node.operand)];
    case 'List': {
      const result: AnnotationPart[] = [punctuation('[')];
      node.elts.forEach((elt, index) => {
        if (index > 0) result.push(punctuation(','), space());
        result.push(...annotationParts(elt));
      });
      result.push(punctuation(']'));
      return result;
    }
    case 'Name':
      return [new Text(node.id)];
    case 'Subscript': {
      const result: AnnotationPart[] = [...annotationParts(node.value), punctuation('['), ...annotationParts(node.slice), punctuation(']')];
      const head = result[0];
      const headText = head instanceof Text ? head.astext() : null;
      if (headText === 'Literal' || headText === 'typing.Literal') {
        for (let index = 1; index < result.length; index++) {
          const part = result[index]!;
          if (part instanceof Text) result[index] = { literal: part };
        }
      }
      return result;
    }
    case 'Tuple': {
      if (node.elts.length === 0) return [punctuation('('), punctuation(')')];
      const result: AnnotationPart[] = [];
      node.elts.forEach((elt, index) => {
        if (index > 0) result.push(punctuation(','), space());
        result.push(...annotationParts(elt));
      });
      return result;
    }
    default:
      throw new UnsupportedPython(node.type);
  }
}

/**
 * Python's repr of a float ('r' format: the shortest digits that read back
 * as the same double, in exponent form when the decimal point falls more
 * than 16 places right or 4 places left of them). `addDot0`: float's repr
 * ("1.0"); a complex number's parts have none ("1j").
 */
export function pyDoubleRepr(value: number, addDot0: boolean): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}${addDot0 ? '0.0' : '0'}`;
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const point = Number(exponent) + 1;
  if (point <= -4 || point > 16) {
    const power = point - 1;
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}${addDot0 ? '.0' : ''}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * repr() of a number literal: an integer in decimal (integer: true), a
 * float or an imaginary number as Python writes it back (which Sphinx then
 * reads as a name).
 */
function numberRepr(source: string): { text: string; integer: boolean } {
  const clean = source.replace(/_/g, '');
  if (/^0[xX]/.test(clean)) return { text: BigInt(clean).toString(), integer: true };
  if (/^0[oO]/.test(clean)) return { text: BigInt('0o' + clean.slice(2)).toString(), integer: true };
  if (/^0[bB]/.test(clean)) return { text: BigInt('0b' + clean.slice(2)).toString(), integer: true };
  if (/^\d+$/.test(clean)) return { text: BigInt(clean).toString(), integer: true };
  if (/[jJ]$/.test(clean)) return { text: `${pyDoubleRepr(Number(clean.slice(0, -1)), false)}j`, integer: false };
  return { text: pyDoubleRepr(Number(clean), true), integer: false };
}

/** sphinx.domains.python._parse_annotation. */
export function parseAnnotation(annotation: string, env: SphinxEnvironment): Node[] {
  let parts: AnnotationPart[];
  try {
    parts = annotationParts(parseExpression(annotation));
  } catch (error) {
    if (error instanceof PythonSyntaxError || error instanceof UnsupportedPython || error instanceof ParserLimit) return [typeToXref(annotation, env)];
    throw error;
  }
  const result: Node[] = [];
  for (const part of parts) {
    if ('literal' in part) {
      result.push(part.literal);
    } else if (part instanceof Text && part.astext().trim()) {
      const last = result[result.length - 1];
      if (last && last.isElement() && last.tagname === 'desc_sig_punctuation' && last.astext() === '~') {
        result.pop();
        result.push(typeToXref(part.astext(), env, true));
      } else {
        result.push(typeToXref(part.astext(), env));
      }
    } else {
      result.push(part);
    }
  }
  return result;
}

/** sphinx.domains.python._parse_arglist: a desc_parameterlist. Throws PythonSyntaxError or UnsupportedPython. */
export function parseArglist(arglist: string, env: SphinxEnvironment): Node {
  const parameters = parseParameters(arglist);
  const list = descNode('desc_parameterlist', arglist);
  let lastKind: ParameterKind | null = null;
  const separator = (operator: string): Node => descNode('desc_parameter', '', '', [descNode('desc_sig_operator', '', operator)]);
  for (const parameter of parameters) {
    if (parameter.kind !== 'positional-only' && lastKind === 'positional-only') list.append(separator('/'));
    if (parameter.kind === 'keyword-only' && (lastKind === 'positional-or-keyword' || lastKind === 'positional-only' || lastKind === null)) {
      list.append(separator('*'));
    }
    const node = descNode('desc_parameter');
    if (parameter.kind === 'var-positional') node.append(descNode('desc_sig_operator', '', '*'));
    else if (parameter.kind === 'var-keyword') node.append(descNode('desc_sig_operator', '', '**'));
    node.append(descNode('desc_sig_name', '', parameter.name));
    if (parameter.annotation !== null) {
      node.append(punctuation(':'));
      node.append(space());
      node.append(descNode('desc_sig_name', '', '', parseAnnotation(parameter.annotation, env)));
    }
    if (parameter.defaultValue !== null) {
      if (parameter.annotation !== null) {
        node.append(space());
        node.append(descNode('desc_sig_operator', '', '='));
        node.append(space());
      } else {
        node.append(descNode('desc_sig_operator', '', '='));
      }
      node.append(element('inline', '', parameter.defaultValue, [], { classes: ['default_value'], support_smartquotes: false }));
    }
    list.append(node);
    lastKind = parameter.kind;
  }
  if (lastKind === 'positional-only') list.append(separator('/'));
  return list;
}

/** sphinx.domains.python._pseudo_parse_arglist: split at commas, brackets make optional groups. */
export function pseudoParseArglist(signode: { append(node: Node): void }, arglist: string): void {
  const list = descNode('desc_parameterlist');
  const stack: Element[] = [list];
  // Python's IndexError on an empty stack: the whole list becomes one parameter.
  const open = (): void => {
    if (stack.length === 0) throw new PseudoParseFailure();
    const optional = descNode('desc_optional');
    stack[stack.length - 1]!.append(optional);
    stack.push(optional);
  };
  const close = (): void => {
    if (stack.length === 0) throw new PseudoParseFailure();
    stack.pop();
  };
  try {
    for (let argument of arglist.split(',')) {
      argument = argument.trim();
      let endsOpen = 0;
      let endsClose = 0;
      while (argument.startsWith('[')) {
        open();
        argument = argument.slice(1).trim();
      }
      while (argument.startsWith(']')) {
        close();
        argument = argument.slice(1).trim();
      }
      while (argument.endsWith(']') && !argument.endsWith('[]')) {
        endsClose++;
        argument = argument.slice(0, -1).trim();
      }
      while (argument.endsWith('[')) {
        endsOpen++;
        argument = argument.slice(0, -1).trim();
      }
      if (argument) {
        if (stack.length === 0) throw new PseudoParseFailure();
        stack[stack.length - 1]!.append(descNode('desc_parameter', '', '', [descNode('desc_sig_name', argument, argument)]));
      }
      for (; endsOpen > 0; endsOpen--) open();
      for (; endsClose > 0; endsClose--) close();
    }
    if (stack.length !== 1) throw new PseudoParseFailure();
  } catch (error) {
    if (!(error instanceof PseudoParseFailure)) throw error;
    const whole = descNode('desc_parameterlist');
    whole.append(descNode('desc_parameter', arglist, arglist));
    signode.append(whole);
    return;
  }
  signode.append(list);
}

class PseudoParseFailure extends Error {}
