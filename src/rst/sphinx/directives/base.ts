/**
 * SphinxDirective (sphinx.util.docutils): a directive that reads the build
 * environment and records source and line on the nodes it makes; and
 * docutils' BaseAdmonition for Sphinx's admonition-like nodes.
 */
import { Element, type Node } from '../../nodes.js';
import { Directive, type DirectiveClass, type OptionSpec } from '../../directives/directive.js';
import { classOption, unchanged } from '../../directives/options.js';
import { optionsToAttributes, setClasses } from '../../roles/standard.js';
import { type SphinxEnvironment, environmentFromRegistry } from '../environment.js';

export abstract class SphinxDirective extends Directive {
  get env(): SphinxEnvironment {
    return environmentFromRegistry(this.state.memo.registry, this.state.document);
  }

  getSourceInfo(): [string | null, number | null] {
    return this.stateMachine.getSourceAndLine(this.lineno);
  }

  setSourceInfo(node: Node): void {
    [node.source, node.line] = this.getSourceInfo();
  }

  /** Sphinx's logger.warning with this directive's location. */
  sphinxWarning(message: string, extra: { type?: string; subtype?: string } = {}): void {
    const [source, line] = this.getSourceInfo();
    this.env.warn(message, line, { ...extra, source });
  }
}

const ADMONITION_OPTIONS: OptionSpec = { class: classOption, name: unchanged };

/** docutils' BaseAdmonition (without a title argument) making `nodeKind`. */
export abstract class BaseAdmonition extends SphinxDirective {
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = ADMONITION_OPTIONS;
  static override hasContent = true;

  protected abstract readonly nodeKind: string;

  run(): Node[] {
    setClasses(this.options);
    this.assertHasContent();
    const text = this.content.data.join('\n');
    const admonition = new Element(this.nodeKind, text, [], optionsToAttributes(this.options));
    this.addName(admonition);
    this.state.nestedParse(this.content, this.contentOffset, admonition);
    return [admonition];
  }
}

/** A directive class that runs under another name (Sphinx's domain DirectiveAdapter sets self.name). */
export function renamed(base: DirectiveClass, fullname: string): DirectiveClass {
  const Base = base as unknown as new (...args: ConstructorParameters<DirectiveClass>) => Directive & { run(): Node[] };
  const adapter = class extends Base {
    constructor(...args: ConstructorParameters<DirectiveClass>) {
      super(...args);
      (this as { name: string }).name = fullname;
    }
  } as unknown as DirectiveClass;
  return adapter;
}
