/**
 * Admonition directives (docutils.parsers.rst.directives.admonitions): the
 * specific admonitions (note, warning, ...) and the generic "admonition",
 * whose argument becomes its title.
 *
 *     .. note:: Body text may start here
 *        and continue in the indented block.
 */
import { Element, element, makeId, type Node } from '../nodes.js';
import { optionsToAttributes, setClasses } from '../roles/standard.js';
import { Directive, type DirectiveClass, type OptionSpec } from './directive.js';
import { classOption, unchanged } from './options.js';

const ADMONITION_OPTIONS: OptionSpec = { class: classOption, name: unchanged };

/** The node kind the generic admonition makes; it alone takes a title argument. */
const GENERIC_ADMONITION = 'admonition';

/** docutils' BaseAdmonition, parameterised by the node kind. */
function admonitionDirective(nodeKind: string): DirectiveClass {
  return class extends Directive {
    static override requiredArguments = nodeKind === GENERIC_ADMONITION ? 1 : 0;
    static override finalArgumentWhitespace = true;
    static override optionSpec = ADMONITION_OPTIONS;
    static override hasContent = true;

    run(): Node[] {
      setClasses(this.options);
      this.assertHasContent();
      const text = this.content.data.join('\n');
      const admonition = new Element(nodeKind, text, [], optionsToAttributes(this.options));
      this.addName(admonition);
      if (nodeKind === GENERIC_ADMONITION) {
        const titleText = this.args[0]!;
        const [textNodes, messages] = this.state.inlineText(titleText, this.lineno);
        const title = element('title', titleText, '', textNodes);
        [title.source, title.line] = this.stateMachine.getSourceAndLine(this.lineno);
        admonition.append(title);
        admonition.extend(messages);
        if (!('classes' in this.options)) admonition.classes.push('admonition-' + makeId(titleText));
      }
      this.state.nestedParse(this.content, this.contentOffset, admonition);
      return [admonition];
    }
  };
}

export const Admonition = admonitionDirective(GENERIC_ADMONITION);
export const Attention = admonitionDirective('attention');
export const Caution = admonitionDirective('caution');
export const Danger = admonitionDirective('danger');
export const ErrorAdmonition = admonitionDirective('error');
export const Hint = admonitionDirective('hint');
export const Important = admonitionDirective('important');
export const Note = admonitionDirective('note');
export const Tip = admonitionDirective('tip');
export const WarningAdmonition = admonitionDirective('warning');
