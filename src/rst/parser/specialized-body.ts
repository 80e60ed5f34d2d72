/**
 * Body states that continue one construct (docutils' SpecializedBody
 * family): inside a bullet list only another bullet item may follow, and
 * so on. Any other construct ends the list (invalid input backs up one
 * line and ends the nested machine).
 */
import { Element, element } from '../nodes.js';
import { strip } from '../python-text.js';
import type { StringList } from '../string-list.js';
import { Body, bodyTransitionSpecs, MarkupError, type EnumeratedListSettings } from './body.js';
import type { EnumFormat } from './patterns.js';
import { EMBEDDED_DIRECTIVE, RFC2822_FIELD } from './patterns.js';
import { anonymousTarget, directive, explicitConstruct } from './explicit-markup.js';
import type { Context } from './rst-state.js';
import { EOFError, type TransitionResult, type TransitionSpec } from './state-machine.js';

export class SpecializedBody extends Body {
  override get name(): string {
    return 'SpecializedBody';
  }

  /** Not a continuation of this construct: back up and end the nested parse. */
  stop(): TransitionResult<Context> {
    this.stateMachine.previousLine();
    return this.endRun();
  }

  override indent(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override bullet(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override enumerator(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override fieldMarker(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override optionMarker(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override doctest(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override lineBlock(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override gridTableTop(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override simpleTableTop(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override explicitMarkup(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override anonymous(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override line(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
  override text(_match?: RegExpExecArray, _context?: Context, _nextState?: string): TransitionResult<Context> {
    return this.stop();
  }
}

export class BulletList extends SpecializedBody {
  override get name(): string {
    return 'BulletList';
  }

  override bullet(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    if (String.fromCodePoint(match.input.codePointAt(0)!) !== this.parent.get('bullet')) return this.stop();
    const [listItem, blankFinish] = this.listItem(match[0].length);
    this.parent.append(listItem);
    this.blankFinish = blankFinish;
    return [[], nextState, []];
  }
}

export class DefinitionList extends SpecializedBody {
  override get name(): string {
    return 'DefinitionList';
  }

  override text(match: RegExpExecArray): TransitionResult<Context> {
    return [[match.input], 'Definition', []];
  }
}

export class EnumeratedList extends SpecializedBody implements EnumeratedListSettings {
  lastOrdinal = 0;
  format: EnumFormat = 'period';
  auto = false;

  override get name(): string {
    return 'EnumeratedList';
  }

  override enumerator(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [format, sequence, , ordinal] = this.parseEnumerator(match, this.parent.get('enumtype') as string);
    if (
      format !== this.format ||
      (sequence !== '#' &&
        (sequence !== this.parent.get('enumtype') || this.auto || ordinal !== this.lastOrdinal + 1)) ||
      !this.isEnumeratedListItem(ordinal, sequence, format)
    ) {
      return this.stop();
    }
    if (sequence === '#') this.auto = true;
    const [listItem, blankFinish] = this.listItem(match[0].length);
    this.parent.append(listItem);
    this.blankFinish = blankFinish;
    this.lastOrdinal = ordinal!;
    return [[], nextState, []];
  }
}

export class FieldList extends SpecializedBody {
  override get name(): string {
    return 'FieldList';
  }

  override fieldMarker(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [field, blankFinish] = this.field(match);
    this.parent.append(field);
    this.blankFinish = blankFinish;
    return [[], nextState, []];
  }
}

export class OptionList extends SpecializedBody {
  override get name(): string {
    return 'OptionList';
  }

  override optionMarker(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    let item: Element;
    let blankFinish: boolean;
    try {
      [item, blankFinish] = this.optionListItem(match);
    } catch (error) {
      if (error instanceof MarkupError) return this.stop();
      throw error;
    }
    this.parent.append(item);
    this.blankFinish = blankFinish;
    return [[], nextState, []];
  }
}

/** Field lists in directive option blocks: each field body is plain paragraphs. */
export class ExtensionOptions extends FieldList {
  override get name(): string {
    return 'ExtensionOptions';
  }

  override parseFieldBody(indented: StringList, _offset: number, node: Element): void {
    let lines: string[] = [];
    for (const line of [...indented.data, '']) {
      if (strip(line)) {
        lines.push(line);
      } else if (lines.length > 0) {
        const text = lines.join('\n');
        node.append(element('paragraph', text, text));
        lines = [];
      }
    }
  }
}

export class LineBlock extends SpecializedBody {
  override get name(): string {
    return 'LineBlock';
  }

  override blank(_match?: RegExpExecArray | null, _context?: Context, _nextState?: string | null): TransitionResult<Context> {
    return this.stop();
  }

  override lineBlock(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber();
    const [line, messages, blankFinish] = this.lineBlockLine(match, lineno);
    this.parent.append(line);
    this.parent.parent!.extend(messages);
    this.blankFinish = blankFinish;
    return [[], nextState, []];
  }
}

/** Explicit markup blocks following one another without blank lines between. */
export class Explicit extends SpecializedBody {
  override get name(): string {
    return 'Explicit';
  }

  override blank(_match?: RegExpExecArray | null, _context?: Context, _nextState?: string | null): TransitionResult<Context> {
    return this.stop();
  }

  override explicitMarkup(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodes, blankFinish] = explicitConstruct(this, match);
    this.parent.extend(nodes);
    this.blankFinish = blankFinish;
    return [[], nextState, []];
  }

  override anonymous(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodes, blankFinish] = anonymousTarget(this, match);
    this.parent.extend(nodes);
    this.blankFinish = blankFinish;
    return [[], nextState, []];
  }
}

/** The contents of a substitution definition: a directive or (invalid) text. */
export class SubstitutionDef extends Body {
  override get name(): string {
    return 'SubstitutionDef';
  }

  protected override initialTransitions(): TransitionSpec[] {
    return [
      { name: 'embedded_directive', pattern: EMBEDDED_DIRECTIVE },
      { name: 'text', pattern: /^/u },
    ];
  }

  protected override dispatchExtra(name: string, m: RegExpExecArray, c: Context, n: string): TransitionResult<Context> {
    if (name === 'embedded_directive') return this.embeddedDirective(m);
    return super.dispatchExtra(name, m, c, n);
  }

  embeddedDirective(match: RegExpExecArray): never {
    const [nodes, blankFinish] = directive(this, match, { alt: this.parent.names[0]! });
    this.parent.extend(nodes);
    if (!this.stateMachine.atEof()) this.blankFinish = blankFinish;
    throw new EOFError();
  }

  override text(): TransitionResult<Context> {
    if (!this.stateMachine.atEof()) this.blankFinish = this.stateMachine.isNextLineBlank();
    throw new EOFError();
  }
}

/** Body's transitions with RFC 2822 fields ("Name: value") tried before text, all leading to Body. */
function rfc2822Transitions(): TransitionSpec[] {
  const specs = bodyTransitionSpecs('Body');
  specs.splice(specs.length - 1, 0, { name: 'rfc2822', pattern: RFC2822_FIELD, nextState: 'Body' });
  return specs;
}

/** One RFC 2822 field: [field, blank finish]. */
function rfc2822Field(state: Body, match: RegExpExecArray): [Element, boolean] {
  const name = match.input.slice(0, match.input.indexOf(':'));
  const [indented, , lineOffset, blankFinish] = state.stateMachine.getFirstKnownIndented(match[0].length, true);
  const fieldNode = new Element('field');
  fieldNode.append(element('field_name', name, name));
  const fieldBody = new Element('field_body', indented.join());
  fieldNode.append(fieldBody);
  if (indented.length > 0) state.nestedParse(indented, lineOffset, fieldBody);
  return [fieldNode, blankFinish];
}

/** Body with RFC 2822 header fields (PEP headers). */
export class RFC2822Body extends Body {
  override get name(): string {
    return 'RFC2822Body';
  }

  protected override initialTransitions(): TransitionSpec[] {
    return rfc2822Transitions();
  }

  protected override dispatchExtra(name: string, m: RegExpExecArray, c: Context, n: string): TransitionResult<Context> {
    if (name === 'rfc2822') return this.rfc2822(m, c, n);
    return super.dispatchExtra(name, m, c, n);
  }

  rfc2822(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const fieldList = new Element('field_list', '', [], { classes: ['rfc2822'] });
    this.parent.append(fieldList);
    const [field, blankFinishField] = rfc2822Field(this, match);
    fieldList.append(field);
    this.parseRestOfList(fieldList, 'RFC2822List', blankFinishField, 'RFC2822-style field list');
    return [[], nextState, []];
  }
}

/** Further RFC 2822 fields (docutils' RFC2822List: SpecializedBody first, then RFC2822Body). */
export class RFC2822List extends SpecializedBody {
  override get name(): string {
    return 'RFC2822List';
  }

  protected override initialTransitions(): TransitionSpec[] {
    return rfc2822Transitions();
  }

  override blank(_match?: RegExpExecArray | null, _context?: Context, _nextState?: string | null): TransitionResult<Context> {
    return this.stop();
  }

  protected override dispatchExtra(name: string, m: RegExpExecArray, c: Context, n: string): TransitionResult<Context> {
    if (name !== 'rfc2822') return super.dispatchExtra(name, m, c, n);
    const [field, blankFinish] = rfc2822Field(this, m);
    this.parent.append(field);
    this.blankFinish = blankFinish;
    return [[], 'RFC2822List', []];
  }
}
