/**
 * Directives for additional body elements
 * (docutils.parsers.rst.directives.body): topic, sidebar, line-block,
 * parsed-literal, code, math, rubric, the block quote variants (epigraph,
 * highlights, pull-quote), compound and container.
 */
import { Element, Text, element, type Node } from '../nodes.js';
import { lstrip, strip, codePointLength } from '../python-text.js';
import type { Body } from '../parser/body.js';
import { optionsToAttributes, setClasses } from '../roles/standard.js';
import { Directive, OptionValueError, type OptionSpec } from './directive.js';
import { classOption, pythonInt, unchanged, unchangedRequired } from './options.js';

const CLASS_AND_NAME: OptionSpec = { class: classOption, name: unchanged };

/** The directive's state as the Body state it always is when directives run. */
function bodyState(directive: Directive): Body {
  return directive.state as Body;
}

/** A line of a line block, with the indentation docutils keeps outside the attributes. */
type LineNode = Element & { indent?: number };

/** docutils' BasePseudoSection: a titled section-like element (topic, sidebar). */
abstract class BasePseudoSection extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = CLASS_AND_NAME;
  static override hasContent = true;

  protected abstract readonly nodeKind: string;

  run(): Node[] {
    if (!(this.stateMachine.matchTitles || this.stateMachine.node.tagname === 'sidebar')) {
      throw this.error(`The "${this.name}" directive may not be used within topics or body elements.`);
    }
    this.assertHasContent();
    const titles: Node[] = [];
    const messages: Node[] = [];
    if (this.args.length > 0) {
      const titleText = this.args[0]!;
      const [textNodes, titleMessages] = this.state.inlineText(titleText, this.lineno);
      titles.push(element('title', titleText, '', textNodes));
      messages.push(...titleMessages);
      if ('subtitle' in this.options) {
        const subtitle = String(this.options['subtitle']);
        const [subtitleNodes, moreMessages] = this.state.inlineText(subtitle, this.lineno);
        titles.push(element('subtitle', subtitle, '', subtitleNodes));
        messages.push(...moreMessages);
      }
    }
    const text = this.content.data.join('\n');
    const node = new Element(this.nodeKind, text, [...titles, ...messages]);
    node.classes.push(...((this.options['class'] as string[] | undefined) ?? []));
    this.addName(node);
    if (text) this.state.nestedParse(this.content, this.contentOffset, node);
    return [node];
  }
}

export class Topic extends BasePseudoSection {
  protected readonly nodeKind = 'topic';
}

export class Sidebar extends BasePseudoSection {
  static override requiredArguments = 0;
  static override optionalArguments = 1;
  static override optionSpec: OptionSpec = { ...CLASS_AND_NAME, subtitle: unchangedRequired };
  protected readonly nodeKind = 'sidebar';

  override run(): Node[] {
    if (this.stateMachine.node.tagname === 'sidebar') {
      throw this.error(`The "${this.name}" directive may not be used within a sidebar element.`);
    }
    if ('subtitle' in this.options && this.args.length === 0) {
      throw this.error('The "subtitle" option may not be used without a title.');
    }
    return super.run();
  }
}

export class LineBlock extends Directive {
  static override optionSpec: OptionSpec = CLASS_AND_NAME;
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    const block = new Element('line_block', '', [], { classes: (this.options['class'] as string[] | undefined) ?? [] });
    this.addName(block);
    const nodeList: Node[] = [block];
    // docutils advances its own content_offset per line and adds it to lineno.
    let contentOffset = this.contentOffset;
    for (const lineText of this.content.data) {
      const [textNodes, messages] = this.state.inlineText(strip(lineText), this.lineno + contentOffset);
      const line: LineNode = element('line', lineText, '', textNodes);
      if (strip(lineText)) line.indent = codePointLength(lineText) - codePointLength(lstrip(lineText));
      block.append(line);
      nodeList.push(...messages);
      contentOffset += 1;
    }
    bodyState(this).nestLineBlockLines(block);
    return nodeList;
  }
}

export class ParsedLiteral extends Directive {
  static override optionSpec: OptionSpec = CLASS_AND_NAME;
  static override hasContent = true;

  run(): Node[] {
    setClasses(this.options);
    this.assertHasContent();
    const text = this.content.data.join('\n');
    const [textNodes, messages] = this.state.inlineText(text, this.lineno);
    const node = element('literal_block', text, '', textNodes, optionsToAttributes(this.options));
    node.line = this.contentOffset + 1;
    this.addName(node);
    return [node, ...messages];
  }
}

/** A (classes, text) token of a code block, as docutils' Lexer and NumberLines yield them. */
export type CodeToken = [classes: string[], value: string];

/**
 * docutils' Lexer with syntax_highlight "none": the whole code as one
 * unclassified token. (Token classes would need Pygments.)
 */
export function lexCode(code: string): CodeToken[] {
  return [[[], code]];
}

/** docutils' NumberLines: a ["ln"] token with the padded line number before every line. */
export function numberLines(tokens: readonly CodeToken[], startline: number, endline: number): CodeToken[] {
  const width = String(endline).length;
  const label = (lineno: number): string => `${String(lineno).padStart(width, ' ')} `;
  let lineno = startline;
  const out: CodeToken[] = [[['ln'], label(lineno)]];
  for (const [classes, value] of tokens) {
    const lines = value.split('\n');
    for (const line of lines.slice(0, -1)) {
      out.push([classes, line + '\n']);
      lineno += 1;
      out.push([['ln'], label(lineno)]);
    }
    out.push([classes, lines[lines.length - 1]!]);
  }
  return out;
}

/** Appends tokens to a literal block: classified tokens as inline nodes, the rest as text. */
export function appendCodeTokens(node: Element, tokens: readonly CodeToken[]): void {
  for (const [classes, value] of tokens) {
    if (classes.length > 0) node.append(element('inline', value, value, [], { classes }));
    else node.append(new Text(value));
  }
}

/** The start value of :number-lines: (Python's `int(value or 1)`), or null when it is not an integer. */
export function numberLinesStart(value: unknown): number | null {
  const text = typeof value === 'string' && value ? value : '1';
  try {
    return pythonInt(text);
  } catch (error) {
    if (error instanceof OptionValueError) return null;
    throw error;
  }
}

export class CodeBlock extends Directive {
  static override optionalArguments = 1;
  static override optionSpec: OptionSpec = { class: classOption, name: unchanged, 'number-lines': unchanged };
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    const language = this.args.length > 0 ? this.args[0]! : '';
    setClasses(this.options);
    const classes = ['code'];
    if (language) classes.push(language);
    if ('classes' in this.options) classes.push(...(this.options['classes'] as string[]));
    const code = this.content.data.join('\n');
    let tokens = lexCode(code);
    if ('number-lines' in this.options) {
      const startline = numberLinesStart(this.options['number-lines']);
      if (startline === null) throw this.error(':number-lines: with non-integer start value');
      tokens = numberLines(tokens, startline, startline + this.content.length);
    }
    const node = element('literal_block', code, '', [], { classes });
    this.addName(node);
    // Set when "include" runs this directive for its :code: option.
    if ('source' in this.options) node.set('source', String(this.options['source']));
    appendCodeTokens(node, tokens);
    return [node];
  }
}

export class MathBlock extends Directive {
  static override optionSpec: OptionSpec = CLASS_AND_NAME;
  static override hasContent = true;

  run(): Node[] {
    setClasses(this.options);
    this.assertHasContent();
    const blocks = this.content.data.join('\n').split('\n\n');
    const nodes: Node[] = [];
    for (const block of blocks) {
      if (!block) continue;
      const node = element('math_block', this.blockText, block, [], optionsToAttributes(this.options));
      node.line = this.contentOffset + 1;
      this.addName(node);
      nodes.push(node);
    }
    return nodes;
  }
}

export class Rubric extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = CLASS_AND_NAME;

  run(): Node[] {
    setClasses(this.options);
    const rubricText = this.args[0]!;
    const [textNodes, messages] = this.state.inlineText(rubricText, this.lineno);
    const rubric = element('rubric', rubricText, '', textNodes, optionsToAttributes(this.options));
    this.addName(rubric);
    return [rubric, ...messages];
  }
}

/** docutils' BlockQuote: the content as block quotes carrying the directive's class. */
abstract class BlockQuote extends Directive {
  static override hasContent = true;
  protected abstract readonly quoteClasses: readonly string[];

  run(): Node[] {
    this.assertHasContent();
    const elements = bodyState(this).blockQuote(this.content, this.contentOffset);
    for (const node of elements) {
      if (node instanceof Element && node.tagname === 'block_quote') node.classes.push(...this.quoteClasses);
    }
    return elements;
  }
}

export class Epigraph extends BlockQuote {
  protected readonly quoteClasses = ['epigraph'];
}

export class Highlights extends BlockQuote {
  protected readonly quoteClasses = ['highlights'];
}

export class PullQuote extends BlockQuote {
  protected readonly quoteClasses = ['pull-quote'];
}

export class Compound extends Directive {
  static override optionSpec: OptionSpec = CLASS_AND_NAME;
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    const node = new Element('compound', this.content.data.join('\n'));
    node.classes.push(...((this.options['class'] as string[] | undefined) ?? []));
    this.addName(node);
    this.state.nestedParse(this.content, this.contentOffset, node);
    return [node];
  }
}

export class Container extends Directive {
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { name: unchanged };
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    let classes: string[] = [];
    if (this.args.length > 0) {
      try {
        classes = classOption(this.args[0]!);
      } catch (error) {
        if (!(error instanceof OptionValueError)) throw error;
        throw this.error(`Invalid class attribute value for "${this.name}" directive: "${this.args[0]}".`);
      }
    }
    const node = new Element('container', this.content.data.join('\n'));
    node.classes.push(...classes);
    this.addName(node);
    this.state.nestedParse(this.content, this.contentOffset, node);
    return [node];
  }
}
