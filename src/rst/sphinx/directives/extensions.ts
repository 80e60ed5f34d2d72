/**
 * Directives of the extensions spec repositories load: sphinx.ext.todo
 * (todo, todolist) and sphinxcontrib-blockdiag/seqdiag/actdiag/nwdiag (the
 * diagram directives, which keep the diagram source in a <name>_node).
 *
 *     .. seqdiag::
 *
 *        A -> B;        → seqdiag_node(code="seqdiag { A -> B; }", options={}, ...)
 *
 * A diagram source that does not parse (diagram-parser.ts) is the
 * directive's warning, as blockdiag's directive raises it.
 */
import * as posixPath from 'node:path/posix';
import { Element, type Node, element } from '../../nodes.js';
import type { DirectiveClass, OptionSpec } from '../../directives/directive.js';
import {
  choice,
  classOption,
  flag,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  nonnegativeInt,
  percentage,
  unchanged,
} from '../../directives/options.js';
import { decodeBytes, readInputBytes } from '../../directives/file-input.js';
import { StringList } from '../../string-list.js';
import { pyReprString, strip } from '../../python-text.js';
import { setClasses } from '../../roles/standard.js';
import { type PyDict, sphinxElement } from '../nodes.js';
import { BaseAdmonition, SphinxDirective } from './base.js';
import { diagramSyntaxError } from '../diagram-parser.js';

export class Todo extends BaseAdmonition {
  static override optionSpec: OptionSpec = { class: classOption, name: unchanged };
  protected readonly nodeKind = 'todo_node';

  override run(): Node[] {
    const classes = this.options['class'] as string[] | undefined;
    if (!classes || classes.length === 0) this.options['class'] = ['admonition-todo'];
    const [todo] = super.run() as [Element];
    todo.insert(0, element('title', '', 'Todo'));
    todo.set('docname', this.env.docname);
    this.addName(todo);
    this.setSourceInfo(todo);
    this.state.document.noteExplicitTarget(todo);
    return [todo];
  }
}

export class TodoList extends SphinxDirective {
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    return [element('todolist')];
  }
}

/** The diagram kinds and the keyword their source may start with. */
export const DIAGRAM_KINDS = ['blockdiag', 'seqdiag', 'actdiag', 'nwdiag', 'rackdiag', 'packetdiag'] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];

const align = (argument: string | null): string => choice(argument, ['left', 'center', 'right']);
const figwidthValue = (argument: string | null): string =>
  argument !== null && argument.toLowerCase() === 'image' ? 'image' : lengthOrPercentageOrUnitless(argument, 'px');

/** blockdiag.utils.rst.directives.relfn2path. */
function diagramPath(directive: SphinxDirective, filename: string): string {
  const env = directive.env;
  const srcdir = posixPath.resolve(env.project.srcdir);
  if (filename.startsWith('/')) return posixPath.join(srcdir, filename.slice(1));
  const docPath = env.docname + (env.config.source_suffix[0] ?? '.rst');
  return posixPath.join(srcdir, posixPath.dirname(docPath), filename);
}

/** sphinxcontrib.<kind>'s directive (blockdiag's BlockdiagDirective with the node kept as is). */
export function diagramDirective(kind: DiagramKind): DirectiveClass {
  return class extends SphinxDirective {
    static override optionalArguments = 1;
    static override hasContent = true;
    static override optionSpec: OptionSpec = {
      alt: unchanged,
      height: lengthOrUnitless,
      width: (argument) => lengthOrPercentageOrUnitless(argument),
      scale: percentage,
      align,
      caption: unchanged,
      desctable: flag,
      maxwidth: nonnegativeInt,
      name: unchanged,
      class: classOption,
      figwidth: figwidthValue,
      figclass: classOption,
    };

    run(): Node[] {
      const figwidth = this.popOption('figwidth');
      const figclasses = this.popOption('figclass') as string[] | undefined;
      const figalign = this.options['caption'] ? this.popOption('align') : undefined;
      const document = this.state.document;
      let code: string;
      if (this.args.length > 0) {
        if (this.content.length > 0) {
          return [document.reporter.warning(`${kind} directive cannot have both content and a filename argument`, [], { line: this.lineno })];
        }
        const filename = diagramPath(this, this.args[0]!);
        try {
          code = decodeBytes(readInputBytes(filename, document.settings), 'utf-8-sig');
        } catch {
          return [
            document.reporter.warning(`External ${kind} file ${pyReprString(filename)} not found or reading it failed`, [], {
              line: this.lineno,
            }),
          ];
        }
      } else {
        code = strip(this.content.data.join('\n'));
        if (!code) {
          return [this.reporter.warning(`Ignoring "${kind}" directive without content.`, [], { line: this.lineno })];
        }
      }
      setClasses(this.options);
      const caption = this.popOption('caption');
      // The node keeps the directive's option dict itself: options removed later (name) leave it too.
      const options = this.options as PyDict;
      const node = sphinxElement(`${kind}_node`, '', '', [], {
        code,
        caption: typeof caption === 'string' ? caption : null,
        options,
        alt: typeof options['alt'] === 'string' ? options['alt'] : null,
      });
      const results: Node[] = [node];
      if ('maxwidth' in options) {
        options['width'] = String(options['maxwidth']);
        results.push(this.reporter.warning(':maxwidth: option is deprecated. Use :width: option.', [], { line: this.lineno }));
      }
      // node2diagram: the source, else the source wrapped as "<kind> { ... }"; the second parse's error is the directive's warning.
      if (diagramSyntaxError(kind, code) !== null) {
        const wrapped = `${kind} { ${code} }`;
        const error = diagramSyntaxError(kind, wrapped);
        if (error !== null) throw this.warning(error);
        node.set('code', wrapped);
      }
      this.addName(node);
      if (typeof caption === 'string' && caption) {
        const holder = new Element('Element');
        this.state.nestedParse(new StringList([caption], ''), this.contentOffset, holder);
        const first = holder.children[0] as Element;
        const captionNode = new Element('caption', first.rawsource, [...first.children]);
        captionNode.source = first.source;
        captionNode.line = first.line;
        const figure = element('figure', '', '', [node, captionNode]);
        // figwidth "image" needs the rendered diagram's width, which is not computed here.
        if (figwidth !== undefined && figwidth !== null && figwidth !== 'image') figure.set('width', String(figwidth));
        if (figclasses) figure.classes.push(...figclasses);
        if (figalign) figure.set('align', String(figalign));
        results[0] = figure;
      }
      return results;
    }

    private popOption(name: string): unknown {
      const value = this.options[name];
      delete this.options[name];
      return value;
    }
  };
}

