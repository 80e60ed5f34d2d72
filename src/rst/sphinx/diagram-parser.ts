/**
 * The grammars of blockdiag, seqdiag, actdiag, nwdiag, rackdiag and
 * packetdiag (the diagram directives' sources), to report a diagram that
 * does not parse as the directives do while Sphinx reads a document:
 * a WARNING whose text is the parser's error, such as
 * "1,16-1,16: got unexpected token: ';', expected: some(...)".
 *
 * The texts come from funcparserlib 1.0, the parser-combinator library
 * these grammars are written with: which parser failed at the rightmost
 * token reached, named as funcparserlib names its combinators. So the
 * combinators here keep funcparserlib's state rules and names exactly;
 * they build no tree (only whether the text parses matters here).
 *
 * Only the syntax is checked. What the diagram builders check afterwards
 * (attribute values, node references) is not.
 */
import { PY_SPACE, pyReprString } from '../python-text.js';
import type { DiagramKind } from './directives/extensions.js';

interface Token {
  readonly type: string;
  readonly value: string;
  /** (line, column) of the first code point, 1-based, as funcparserlib counts. */
  readonly start: readonly [number, number];
  /** (line, column) of the last code point. */
  readonly end: readonly [number, number];
}

/* ---- funcparserlib.lexer.make_tokenizer ---- */

type TokenSpec = readonly [type: string, pattern: RegExp];

class LexerError extends Error {
  constructor(readonly place: readonly [number, number]) {
    super('cannot tokenize data');
  }
}

const codePoints = (text: string): number => {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
};

function tokenize(specs: readonly TokenSpec[], useless: ReadonlySet<string>, text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let column = 0;
  let index = 0;
  while (index < text.length) {
    let matched: Token | null = null;
    for (const [type, pattern] of specs) {
      pattern.lastIndex = index;
      const match = pattern.exec(text);
      if (match === null) continue;
      const value = match[0];
      const newlines = value.split('\n').length - 1;
      const endLine = line + newlines;
      const endColumn = newlines === 0 ? column + codePoints(value) : codePoints(value.slice(value.lastIndexOf('\n') + 1));
      matched = { type, value, start: [line, column + 1], end: [endLine, endColumn] };
      break;
    }
    if (matched === null) throw new LexerError([line, column + 1]);
    if (!useless.has(matched.type)) tokens.push(matched);
    [line, column] = matched.end;
    // An empty match would never end; funcparserlib loops forever there, none of these patterns matches empty.
    if (matched.value.length === 0) throw new LexerError([line, column + 1]);
    index += matched.value.length;
  }
  return tokens;
}

/* ---- funcparserlib.parser ---- */

interface State {
  readonly pos: number;
  readonly max: number;
  readonly parser: Parser | null;
}

/** Thrown at every failed alternative, so not an Error: no stack trace to capture. */
class NoParseError {
  constructor(
    readonly reason: string,
    public state: State,
  ) {}
}

type Run = (tokens: readonly Token[], state: State) => State;

/** A parser: its run (which returns the state after what it consumed) and its funcparserlib name. */
class Parser {
  name: string;
  run: Run;

  constructor(run: Run, name: string) {
    this.run = run;
    this.name = name;
  }

  named(name: string): this {
    this.name = name;
    return this;
  }

  /** `self + other` (skipped parsers are named and run alike). */
  then(other: Parser): Parser {
    return new Parser((tokens, state) => other.run(tokens, this.run(tokens, state)), `(${this.name}, ${other.name})`);
  }

  /** `self | other`. */
  or(other: Parser): Parser {
    const choice: Parser = new Parser((tokens, state) => {
      let failed: State;
      try {
        return this.run(tokens, state);
      } catch (error) {
        if (!(error instanceof NoParseError)) throw error;
        failed = error.state;
      }
      try {
        return other.run(tokens, { pos: state.pos, max: failed.max, parser: failed.parser });
      } catch (error) {
        if (error instanceof NoParseError && state.pos === error.state.max) {
          error.state = { pos: error.state.pos, max: error.state.max, parser: choice };
        }
        throw error;
      }
    }, `${this.name} or ${other.name}`);
    return choice;
  }
}

function some(predicate: (token: Token) => boolean): Parser {
  const parser: Parser = new Parser((tokens, state) => {
    const failedState = (): State => ({ pos: state.pos, max: state.max, parser: state.pos === state.max ? parser : state.parser });
    if (state.pos >= tokens.length) throw new NoParseError('got unexpected end of input', failedState());
    if (predicate(tokens[state.pos]!)) {
      const pos = state.pos + 1;
      return { pos, max: Math.max(pos, state.max), parser: state.parser };
    }
    throw new NoParseError('got unexpected token', failedState());
  }, 'some(...)');
  return parser;
}

/** `a(Token(type, value))`: named after the repr of the value. */
const tokenOf = (type: string, value: string): Parser =>
  some((token) => token.type === type && token.value === value).named(pyReprString(value));

const pure = new Parser((_tokens, state) => state, '(pure None)');
const maybe = (parser: Parser): Parser => parser.or(pure).named(`[ ${parser.name} ]`);

function many(parser: Parser): Parser {
  return new Parser((tokens, state) => {
    let current = state;
    for (;;) {
      try {
        current = parser.run(tokens, current);
      } catch (error) {
        if (!(error instanceof NoParseError)) throw error;
        return { pos: current.pos, max: error.state.max, parser: error.state.parser };
      }
    }
  }, `{ ${parser.name} }`);
}

const finished: Parser = new Parser((tokens, state) => {
  if (state.pos >= tokens.length) return state;
  throw new NoParseError('got unexpected token', { pos: state.pos, max: state.max, parser: state.pos === state.max ? finished : state.parser });
}, 'end of input');

/** forward_decl(): named "forward_decl()" until defined, then after its definition. */
function forwardDecl(): Parser & { define(parser: Parser): void } {
  const declared = new Parser(() => {
    throw new Error('you must define() a forward_decl somewhere');
  }, 'forward_decl()') as Parser & { define(parser: Parser): void };
  declared.define = (parser: Parser) => {
    declared.run = (tokens, state) => parser.run(tokens, state);
    declared.name = parser.name;
  };
  return declared;
}

/** `p1 + p2 + ... + pN`, left-associated as Python's operator is. */
const sequence = (...parsers: Parser[]): Parser => parsers.slice(1).reduce((left, right) => left.then(right), parsers[0]!);
/** `p1 | p2 | ... | pN`. */
const choice = (...parsers: Parser[]): Parser => parsers.slice(1).reduce((left, right) => left.or(right), parsers[0]!);

/** Parser.parse: the error's text as funcparserlib words it. */
function parseTokens(grammar: Parser, tokens: readonly Token[]): string | null {
  try {
    grammar.run(tokens, { pos: 0, max: 0, parser: null });
    return null;
  } catch (error) {
    if (!(error instanceof NoParseError)) throw error;
    const { max, parser } = error.state;
    let message: string;
    if (tokens.length > max) {
      const token = tokens[max]!;
      message = `${token.start[0]},${token.start[1]}-${token.end[0]},${token.end[1]}: ${error.reason}: ${pyReprString(token.value)}`;
    } else {
      message = 'got unexpected end of input';
    }
    return parser ? `${message}, expected: ${parser.name}` : message;
  }
}

/* ---- the grammars (each package's parser.parse) ---- */

const op = (value: string): Parser => tokenOf('Op', value);
const keyword = (value: string): Parser => tokenOf('Name', value);
const ofTypes = (...types: string[]): Parser => some((token) => types.includes(token.type));
/** `many(stmt + skip(maybe(op(';'))))`. */
const statements = (statement: Parser): Parser => many(statement.then(maybe(op(';'))));

function optionList(id: Parser): Parser {
  const optionStmt = id.then(maybe(op('=').then(id)));
  return maybe(sequence(op('['), optionStmt, many(op(',').then(optionStmt)), op(']')));
}

/** `maybe(diagram_id) + '{' + statements + '}' + finished`. */
function diagram(kind: string, id: Parser, statement: Parser): Parser {
  const diagramId = choice(keyword('diagram'), keyword(kind)).then(maybe(id));
  return sequence(maybe(diagramId), op('{'), statements(statement), op('}')).then(finished);
}

function blockdiagGrammar(): Parser {
  const id = ofTypes('Name', 'Number', 'String');
  const nodeList = id.then(many(op(',').then(id)));
  const options = optionList(id);
  const nodeStmt = nodeList.then(options);
  const edgeRelation = choice(op('->'), op('--'), op('<-'), op('<->'), op('>-'), op('-<'), op('>-<'));
  const edgeStmt = sequence(nodeList, edgeRelation, nodeList, many(edgeRelation.then(nodeList)), options);
  const attributeStmt = sequence(id, op('='), id);
  const extensionStmt = sequence(choice(keyword('class'), keyword('plugin')), id, options);
  const groupStmt = forwardDecl();
  const groupInlineStmt = choice(edgeStmt, groupStmt, attributeStmt, nodeStmt);
  groupStmt.define(sequence(keyword('group'), maybe(id), op('{'), statements(groupInlineStmt), op('}')));
  return diagram('blockdiag', id, extensionStmt.or(groupInlineStmt));
}

function seqdiagGrammar(): Parser {
  const id = ofTypes('Name', 'Number', 'String');
  const options = optionList(id);
  const attributeStmt = sequence(id, op('='), id);
  const nodeStmt = id.then(options);
  const separatorStmt = ofTypes('Separator');
  const edgeBlock = forwardDecl();
  const edgeRelation = choice(...['<<--', '<--', '<<-', '<-', '->', '->>', '-->', '-->>', '=>'].map(op));
  const edgeStmt = sequence(id, edgeRelation, id, many(edgeRelation.then(id)), options, maybe(edgeBlock));
  edgeBlock.define(sequence(op('{'), many(edgeStmt.then(maybe(op(';'))).or(separatorStmt)), op('}')));
  const groupStmt = sequence(keyword('group'), maybe(id), op('{'), statements(attributeStmt.or(nodeStmt)), op('}'));
  const fragmentStmt = forwardDecl();
  const fragmentInlineStmt = choice(attributeStmt, fragmentStmt, edgeStmt, nodeStmt);
  fragmentStmt.define(sequence(choice(keyword('alt'), keyword('loop')), maybe(id), op('{'), statements(fragmentInlineStmt), op('}')));
  const extensionStmt = sequence(choice(keyword('class'), keyword('plugin')), id, options);
  return diagram('seqdiag', id, choice(extensionStmt, attributeStmt, fragmentStmt, groupStmt, edgeStmt, separatorStmt, nodeStmt));
}

function actdiagGrammar(): Parser {
  const id = ofTypes('Name', 'Number', 'String');
  const nodeList = id.then(many(op(',').then(id)));
  const options = optionList(id);
  const nodeStmt = nodeList.then(options);
  const edgeRelation = choice(op('->'), op('--'), op('<-'), op('<->'));
  const edgeStmt = sequence(nodeList, edgeRelation, nodeList, many(edgeRelation.then(nodeList)), options);
  const attributeStmt = sequence(id, op('='), id);
  const extensionStmt = sequence(choice(keyword('class'), keyword('plugin')), id, options);
  const laneDeclareStmt = sequence(keyword('lane'), id, options);
  const laneStmt = sequence(keyword('lane'), maybe(id), op('{'), statements(choice(edgeStmt, attributeStmt, nodeStmt)), op('}'));
  return diagram('actdiag', id, choice(extensionStmt, edgeStmt, laneStmt, laneDeclareStmt, attributeStmt, nodeStmt));
}

function nwdiagGrammar(): Parser {
  const id = ofTypes('Name', 'IPAddr', 'Number', 'String');
  const options = optionList(id);
  const nodeStmt = id.then(options);
  const edgeStmt = sequence(id, op('--'), id, many(op('--').then(id)), options);
  const attributeStmt = sequence(id, op('='), id);
  const extensionStmt = sequence(choice(keyword('class'), keyword('plugin')), id, options);
  const groupStmt = sequence(keyword('group'), maybe(id), op('{'), statements(attributeStmt.or(nodeStmt)), op('}'));
  const networkInlineStmts = statements(choice(attributeStmt, groupStmt, nodeStmt));
  const networkStmt = sequence(keyword('network'), maybe(id), op('{'), networkInlineStmts, op('}'));
  // nwdiag's route block takes the network statements (its route_inline_stmt is unused).
  const routeStmt = sequence(keyword('route'), maybe(id), op('{'), networkInlineStmts, op('}'));
  return diagram('nwdiag', id, choice(extensionStmt, networkStmt, groupStmt, attributeStmt, routeStmt, edgeStmt, nodeStmt));
}

function rackdiagGrammar(): Parser {
  const id = ofTypes('Name', 'Number', 'String', 'RackHeight', 'Units');
  const rackheight = ofTypes('RackHeight');
  const number = ofTypes('Number').named('number');
  const rackitem = ofTypes('QuotedRackItem', 'RackItem');
  const options = optionList(id);
  const attributeStmt = sequence(id, op('='), id);
  const ascendingStmt = keyword('ascending');
  const fieldItemStmt = sequence(number, op(':'), rackitem, options).or(sequence(op('-').or(op('*')), rackitem, options));
  const rackStmt = sequence(keyword('rack'), maybe(id), op('{'), statements(choice(attributeStmt, rackheight, fieldItemStmt)), op('}'));
  const extensionStmt = sequence(keyword('plugin'), id, options);
  return diagram('rackdiag', id, choice(ascendingStmt, extensionStmt, rackStmt, fieldItemStmt, attributeStmt, rackheight));
}

function packetdiagGrammar(): Parser {
  const id = ofTypes('Name', 'Number', 'String');
  const number = ofTypes('Number').named('number');
  const fieldItem = ofTypes('QuotedFieldItem', 'FieldItem');
  const options = optionList(id);
  const numbered = sequence(number, maybe(op('-').then(number)), op(':'), fieldItem, options);
  const nonnumbered = sequence(op('-').or(op('*')), fieldItem, options);
  const attributeStmt = sequence(id, op('='), id);
  const extensionStmt = sequence(keyword('plugin'), id, options);
  return diagram('packetdiag', id, choice(extensionStmt, numbered.or(nonnumbered), attributeStmt));
}

/* ---- the tokenizers (each package's parser.tokenize) ---- */

/** The patterns all six share; Python's `.` (no DOTALL) is "anything but \n". */
const COMMENT_BLOCK: TokenSpec = ['Comment', /\/\*(?:[^\n]|[\r\n])*?\*\//uy];
const COMMENT_LINE: TokenSpec = ['Comment', /(?:\/\/|#)[^\n]*/uy];
const NEWLINES: TokenSpec = ['NL', /[\r\n]+/uy];
const SPACE: TokenSpec = ['Space', /[ \t\r\n]+/uy];
const NAME: TokenSpec = ['Name', /[A-Za-z_0-9\u0080-\uffff][A-Za-z_\-.0-9\u0080-\uffff]*/uy];
const NUMBER: TokenSpec = ['Number', /-?(?:\.[0-9]+)|(?:[0-9]+(?:\.[0-9]*)?)/uy];
const STRING: TokenSpec = ['String', /("|')[\s\S]*?(?<!\\)\1/uy];
const USELESS = new Set(['Comment', 'NL', 'Space']);

const TOKEN_SPECS: Record<DiagramKind, readonly TokenSpec[]> = {
  blockdiag: [COMMENT_BLOCK, COMMENT_LINE, NEWLINES, SPACE, NAME, ['Op', /[{};,=[\]]|(?:<->)|(?:<-)|(?:--)|(?:->)|(?:>-<)|(?:-<)|(?:>-)/uy], NUMBER, STRING],
  seqdiag: [
    COMMENT_BLOCK,
    COMMENT_LINE,
    NEWLINES,
    SPACE,
    ['Separator', /(===|\.\.\.)[^\r\n]+\1/uy],
    NAME,
    ['Op', /(?:=>)|[{};,=[\]]|(?:<<?--?)|(?:--?>>?)/uy],
    NUMBER,
    STRING,
  ],
  actdiag: [COMMENT_BLOCK, COMMENT_LINE, NEWLINES, SPACE, NAME, ['Op', /[{};,=[\]]|(?:<->)|(?:<-)|(?:--)|(?:->)/uy], NUMBER, STRING],
  nwdiag: [
    COMMENT_BLOCK,
    COMMENT_LINE,
    NEWLINES,
    SPACE,
    ['Name', /[A-Za-z_\u0080-\uffff][A-Za-z_\-.0-9\u0080-\uffff]*/uy],
    ['Op', /(?:[{};,=[\]]|--|->)/uy],
    ['IPAddr', /(?:[0-9]+(?:\.[0-9]+){3}|[:0-9a-fA-F]+)/uy],
    NUMBER,
    STRING,
  ],
  rackdiag: [
    COMMENT_BLOCK,
    COMMENT_LINE,
    NEWLINES,
    ['QuotedRackItem', new RegExp(`(?<=[:*-])[${PY_SPACE}]*("|')[\\s\\S]*?(?<!\\\\)\\1`, 'uy')],
    ['RackItem', /(?<=[:*-])[^\r\n[;}]+/uy],
    SPACE,
    ['RackHeight', /[0-9]+U/uy],
    ['Units', /[0-9]+(?:\.[0-9]+)?(?:A|kg)/uy],
    ['Number', /[0-9]+/uy],
    NAME,
    ['Op', /[{}:;,*\-=[\]]/uy],
    STRING,
  ],
  packetdiag: [
    COMMENT_BLOCK,
    COMMENT_LINE,
    NEWLINES,
    ['Number', /[0-9]+/uy],
    ['QuotedFieldItem', new RegExp(`(?<=[:*-])[${PY_SPACE}]*("|')[^\\n]*?(?<!\\\\)\\1`, 'uy')],
    ['FieldItem', new RegExp(`(?<=[:*-])[${PY_SPACE}]*[^\\r\\n[;}]+`, 'uy')],
    SPACE,
    NAME,
    ['Op', /[{}:;,*\-=[\]]/uy],
    STRING,
  ],
};

const GRAMMARS: Record<DiagramKind, () => Parser> = {
  blockdiag: blockdiagGrammar,
  seqdiag: seqdiagGrammar,
  actdiag: actdiagGrammar,
  nwdiag: nwdiagGrammar,
  rackdiag: rackdiagGrammar,
  packetdiag: packetdiagGrammar,
};

const grammars = new Map<DiagramKind, Parser>();

/**
 * `<kind>.parser.parse_string`: null when the source parses, else the
 * ParseException's text.
 */
export function diagramSyntaxError(kind: DiagramKind, source: string): string | null {
  let tokens: Token[];
  try {
    tokens = tokenize(TOKEN_SPECS[kind], USELESS, source);
  } catch (error) {
    if (error instanceof LexerError) return `Got unexpected token at line ${error.place[0]} column ${error.place[1]}`;
    throw error;
  }
  let grammar = grammars.get(kind);
  if (!grammar) {
    grammar = GRAMMARS[kind]();
    grammars.set(kind, grammar);
  }
  try {
    return parseTokens(grammar, tokens);
  } catch (error) {
    // Python gives up on deep nesting with a RecursionError, which the parser reports as its text.
    if (error instanceof RangeError) return 'maximum recursion depth exceeded';
    throw error;
  }
}
