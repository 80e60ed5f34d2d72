/**
 * sphinx.ext.graphviz (Sphinx 5.3): the graphviz directive (dot source as
 * content or from a file) and graph/digraph (the statements of one graph),
 * each making a graphviz node that keeps the dot code; with a caption, the
 * node is wrapped in a figure.
 *
 *     .. digraph:: deps
 *
 *        a -> b;      → graphviz(code="digraph deps {\na -> b;\n}\n", options={'docname': ...})
 */
import { existsSync } from 'node:fs';
import { Element, type Node, element } from '../../nodes.js';
import type { OptionSpec } from '../../directives/directive.js';
import { choice, classOption, unchanged } from '../../directives/options.js';
import { decodeBytes, isUnderRoot, readInputBytes } from '../../directives/file-input.js';
import { pyReprString, strip } from '../../python-text.js';
import { type PyDict, sphinxElement } from '../nodes.js';
import { SphinxDirective } from './base.js';

const GRAPHVIZ_OPTIONS: OptionSpec = {
  alt: unchanged,
  align: (argument) => choice(argument, ['left', 'center', 'right']),
  caption: unchanged,
  layout: unchanged,
  // An old name of `layout`.
  graphviz_dot: unchanged,
  name: unchanged,
  class: classOption,
};

/** Python's os.path.splitext on a "/" path: the extension starts at the last dot that is not leading the base name. */
function splitext(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  let dot = path.lastIndexOf('.');
  if (dot <= slash) return [path, ''];
  let start = slash + 1;
  while (start < dot && path[start] === '.') start++;
  if (start === dot) dot = -1;
  return dot === -1 ? [path, ''] : [path.slice(0, dot), path.slice(dot)];
}

/**
 * sphinx.util.i18n.search_image_for_language with Sphinx's defaults
 * (language "en", figure_language_filename "{root}.{language}{ext}"): the
 * file's translated name when that file exists, else the name as given.
 */
function searchForLanguage(directive: SphinxDirective, filename: string): string {
  const [root, ext] = splitext(filename);
  const translated = `${root}.en${ext}`;
  const absolute = directive.env.relfn2path(translated)[1];
  return isUnderRoot(absolute, directive.state.document.settings) && existsSync(absolute) ? translated : filename;
}

abstract class GraphvizBase extends SphinxDirective {
  static override hasContent = true;
  static override finalArgumentWhitespace = false;
  static override optionSpec: OptionSpec = GRAPHVIZ_OPTIONS;

  /** The graphviz node for `code`, wrapped in a figure when there is a caption (sphinx.ext.graphviz figure_wrapper). */
  protected graphviz(code: string, filename: string | null): Node[] {
    const options: PyDict = { docname: this.env.docname };
    if ('graphviz_dot' in this.options) options['graphviz_dot'] = this.options['graphviz_dot'] as string;
    if ('layout' in this.options) options['graphviz_dot'] = this.options['layout'] as string;
    const node = sphinxElement('graphviz', '', '', [], { code, options });
    if ('alt' in this.options) node.set('alt', this.options['alt'] as string);
    if ('align' in this.options) node.set('align', this.options['align'] as string);
    if ('class' in this.options) node.set('classes', this.options['class'] as string[]);
    if (filename !== null) node.set('filename', filename);
    if (!('caption' in this.options)) {
      this.addName(node);
      return [node];
    }
    const figure = element('figure', '', '', [node]);
    if (node.has('align')) {
      figure.set('align', node.get('align') as string);
      node.delete('align');
    }
    const caption = this.options['caption'] as string;
    const [textNodes, messages] = this.state.inlineText(caption, this.lineno);
    const captionNode = new Element('caption', caption, [...textNodes]);
    captionNode.extend(messages);
    this.setSourceInfo(captionNode);
    figure.append(captionNode);
    this.addName(figure);
    return [figure];
  }
}

/** `.. graphviz:: [file]` with dot source as content, or read from the file. */
export class Graphviz extends GraphvizBase {
  static override optionalArguments = 1;

  run(): Node[] {
    const document = this.state.document;
    if (this.args.length > 0) {
      if (this.content.length > 0) {
        return [document.reporter.warning('Graphviz directive cannot have both content and a filename argument', [], { line: this.lineno })];
      }
      const [relative, absolute] = this.env.relfn2path(searchForLanguage(this, this.args[0]!));
      let code: string;
      try {
        code = decodeBytes(readInputBytes(absolute, document.settings), 'utf-8');
      } catch {
        return [
          document.reporter.warning(`External Graphviz file ${pyReprString(absolute)} not found or reading it failed`, [], {
            line: this.lineno,
          }),
        ];
      }
      return this.graphviz(code, relative);
    }
    const code = this.content.data.join('\n');
    if (!strip(code)) return [this.reporter.warning('Ignoring "graphviz" directive without content.', [], { line: this.lineno })];
    return this.graphviz(code, null);
  }
}

/** `.. graph:: name` and `.. digraph:: name`: the content is the statements of one graph. */
export class GraphvizSimple extends GraphvizBase {
  static override requiredArguments = 1;

  run(): Node[] {
    return this.graphviz(`${this.name} ${this.args[0]!} {\n${this.content.data.join('\n')}\n}\n`, null);
  }
}
