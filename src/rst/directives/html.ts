/**
 * The "meta" directive (docutils.parsers.rst.directives.misc.Meta, once in
 * directives/html.py): a field list of HTML meta data, inserted at the
 * start of the document.
 *
 *     .. meta::
 *        :description lang=en: An amusing story
 *         ^ name (or name=value) then attribute=value tokens; body = content
 */
import { Element, element, type Node, unescape } from '../nodes.js';
import { lstrip, splitWhitespace, strip } from '../python-text.js';
import { SpecializedBody } from '../parser/specialized-body.js';
import { NestedStateMachine, type Context, type RSTMachineBase } from '../parser/rst-state.js';
import type { TransitionResult } from '../parser/state-machine.js';
import { Directive } from './directive.js';
import { escape2null } from './options.js';

/** docutils.utils.NameValueError. */
export class NameValueError extends Error {}

/** docutils.utils.extract_name_value: [name, value] pairs from "name=value name='quoted value'". */
export function extractNameValue(text: string): [string, string][] {
  const attributes: [string, string][] = [];
  let line = text;
  while (line) {
    const equals = line.indexOf('=');
    if (equals === -1) throw new NameValueError('missing "="');
    const attname = strip(line.slice(0, equals));
    if (equals === 0 || !attname) throw new NameValueError('missing attribute name before "="');
    line = lstrip(line.slice(equals + 1));
    if (!line) throw new NameValueError(`missing value after "${attname}="`);
    let data: string;
    const quote = line[0]!;
    if (quote === "'" || quote === '"') {
      const endquote = line.indexOf(quote, 1);
      if (endquote === -1) throw new NameValueError(`attribute "${attname}" missing end quote (${quote})`);
      if (line.length > endquote + 1 && strip(line[endquote + 1]!)) {
        throw new NameValueError(`attribute "${attname}" end quote (${quote}) not followed by whitespace`);
      }
      data = line.slice(1, endquote);
      line = lstrip(line.slice(endquote + 1));
    } else {
      const space = line.indexOf(' ');
      if (space === -1) {
        data = line;
        line = '';
      } else {
        data = line.slice(0, space);
        line = lstrip(line.slice(space + 1));
      }
    }
    attributes.push([attname.toLowerCase(), data]);
  }
  return attributes;
}

/** The state parsing the directive's field list: every field becomes a meta node. */
export class MetaBody extends SpecializedBody {
  override get name(): string {
    return 'MetaBody';
  }

  override fieldMarker(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [node] = this.parseMeta(match);
    this.parent.append(node);
    return [[], nextState, []];
  }

  /** [meta node or system message, blank finish] */
  parseMeta(match: RegExpExecArray): [Element, boolean] {
    const name = unescape(escape2null(this.parseFieldMarker(match)));
    const [indented, , , blankFinish] = this.stateMachine.getFirstKnownIndented(match[0].length);
    const node = new Element('meta');
    node.set('content', unescape(escape2null(indented.data.join(' '))));
    if (indented.length === 0) {
      const line = this.stateMachine.line ?? '';
      const message = this.reporter.info(`No content for meta tag "${name}".`, [element('literal_block', line, line)]);
      return [message, blankFinish];
    }
    const tokens = splitWhitespace(name);
    try {
      const [attname, value] = extractNameValue(tokens[0]!)[0]!;
      node.set(attname.toLowerCase(), value);
    } catch (error) {
      if (!(error instanceof NameValueError)) throw error;
      node.set('name', tokens[0]!);
    }
    for (const token of tokens.slice(1)) {
      try {
        const [attname, value] = extractNameValue(token)[0]!;
        node.set(attname.toLowerCase(), value);
      } catch (error) {
        if (!(error instanceof NameValueError)) throw error;
        const line = this.stateMachine.line ?? '';
        const message = this.reporter.error(`Error parsing meta tag attribute "${token}": ${error.message}.`, [
          element('literal_block', line, line),
        ]);
        return [message, blankFinish];
      }
    }
    return [node, blankFinish];
  }
}

export class Meta extends Directive {
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    const container = new Element('Element');
    // docutils: nested_list_parse with MetaBody as the only state.
    const machine = new NestedStateMachine(
      [{ name: 'MetaBody', create: (stateMachine) => new MetaBody(stateMachine as RSTMachineBase) }],
      'MetaBody',
    );
    (machine.state('MetaBody') as MetaBody).blankFinish = true;
    machine.runNested(this.content, this.contentOffset, this.state.memo, container, false);
    machine.unlink();
    const newLineOffset = machine.absLineOffset();
    if (newLineOffset - this.contentOffset !== this.content.length) {
      const error = this.reporter.error(
        'Invalid meta directive.',
        [element('literal_block', this.blockText, this.blockText)],
        { line: this.lineno },
      );
      container.append(error);
    }
    const document = this.state.document;
    const index = document.firstChildNotMatchingClass(['Titular', 'meta']) ?? 0;
    document.insert(index, [...container.children]);
    return [];
  }
}
