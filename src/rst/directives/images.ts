/**
 * Image and figure directives (docutils.parsers.rst.directives.images).
 *
 *     .. figure:: picture.png      image URI (whitespace removed)
 *        :target: reference_       the image becomes a link
 *
 *        Caption paragraph.        first block: caption (or an empty comment)
 *
 *        Legend body elements.     the rest: legend
 */
import { Element, element, fullyNormalizeName, type Node, unescape, whitespaceNormalizeName } from '../nodes.js';
import { splitWhitespace, splitlines, strip } from '../python-text.js';
import { EXPLICIT_PATTERNS } from '../parser/patterns.js';
import { optionsToAttributes, setClasses } from '../roles/standard.js';
import { Directive, OptionValueError, type OptionSpec } from './directive.js';
import {
  choice,
  classOption,
  escape2null,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  percentage,
  splitEscapedWhitespace,
  unchanged,
  unchangedRequired,
  uri,
} from './options.js';

const ALIGN_H_VALUES: readonly string[] = ['left', 'center', 'right'];
const ALIGN_V_VALUES: readonly string[] = ['top', 'middle', 'bottom'];
const ALIGN_VALUES: readonly string[] = [...ALIGN_V_VALUES, ...ALIGN_H_VALUES];

/** The state docutils parses substitution definition contents in. */
const SUBSTITUTION_DEF_STATE = 'SubstitutionDef';

/** The figwidth value that asks for the image file's own width. */
const FIGWIDTH_IMAGE = 'image';

/**
 * docutils' Body.parse_target: a link target block is an indirect
 * reference ("name_" or "`phrase`_") or a URI with unescaped whitespace
 * removed.
 */
export function parseTarget(block: readonly string[]): ['refname' | 'refuri', string] {
  if (block.length > 0 && strip(block[block.length - 1]!).endsWith('_')) {
    const reference = block.map((line) => strip(line)).join(' ');
    const match = EXPLICIT_PATTERNS.reference.exec(whitespaceNormalizeName(reference));
    if (match) {
      const refname = unescape(match.groups?.['simple'] || match.groups?.['phrase'] || '');
      if (refname) return ['refname', refname];
    }
  }
  const parts = splitEscapedWhitespace(block.join(' '));
  return ['refuri', parts.map((part) => splitWhitespace(unescape(part)).join('')).join(' ')];
}

export class Image extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {
    alt: unchanged,
    height: lengthOrUnitless,
    width: (argument) => lengthOrPercentageOrUnitless(argument),
    scale: percentage,
    align: (argument) => choice(argument, ALIGN_VALUES),
    target: unchangedRequired,
    class: classOption,
    name: unchanged,
  };

  run(): Node[] {
    if ('align' in this.options) {
      const align = String(this.options['align']);
      if (this.state.name === SUBSTITUTION_DEF_STATE) {
        if (!ALIGN_V_VALUES.includes(align)) {
          throw this.error(
            `Error in "${this.name}" directive: "${align}" is not a valid value for the "align" option within a substitution definition.  Valid values for "align" are: "${ALIGN_V_VALUES.join('", "')}".`,
          );
        }
      } else if (!ALIGN_H_VALUES.includes(align)) {
        throw this.error(
          `Error in "${this.name}" directive: "${align}" is not a valid value for the "align" option.  Valid values for "align" are: "${ALIGN_H_VALUES.join('", "')}".`,
        );
      }
    }
    this.options['uri'] = uri(this.args[0]!);
    let referenceNode: Element | null = null;
    if ('target' in this.options) {
      const block = splitlines(escape2null(String(this.options['target'])));
      const [targetType, data] = parseTarget(block);
      if (targetType === 'refuri') {
        referenceNode = new Element('reference', '', [], { refuri: data });
      } else {
        referenceNode = new Element('reference', '', [], {
          refname: fullyNormalizeName(data),
          name: whitespaceNormalizeName(data),
        });
        referenceNode.indirectReferenceName = data;
        this.state.document.noteRefname(referenceNode);
      }
      delete this.options['target'];
    }
    setClasses(this.options);
    const imageNode = new Element('image', this.blockText, [], optionsToAttributes(this.options));
    this.addName(imageNode);
    if (referenceNode) {
      referenceNode.append(imageNode);
      return [referenceNode];
    }
    return [imageNode];
  }
}

export class Figure extends Image {
  static override optionSpec: OptionSpec = {
    ...Image.optionSpec,
    figwidth: (argument) => {
      if (argument === null) {
        // docutils calls argument.lower() and fails with an AttributeError it does not catch.
        throw new OptionValueError("'NoneType' object has no attribute 'lower'", 'TypeError');
      }
      return argument.toLowerCase() === FIGWIDTH_IMAGE ? FIGWIDTH_IMAGE : lengthOrPercentageOrUnitless(argument, 'px');
    },
    figclass: classOption,
    align: (argument) => choice(argument, ALIGN_H_VALUES),
  };
  static override hasContent = true;

  override run(): Node[] {
    const figwidth = this.popOption('figwidth');
    const figclasses = this.popOption('figclass') as string[] | undefined;
    const align = this.popOption('align');
    const [imageNode] = super.run();
    const figureNode = new Element('figure', '', [imageNode!]);
    // figwidth "image" reads the image's width with PIL, which the reference
    // docutils installation lacks: like it, leave the width unset.
    if (figwidth !== undefined && figwidth !== null && figwidth !== FIGWIDTH_IMAGE) {
      figureNode.set('width', String(figwidth));
    }
    if (figclasses && figclasses.length > 0) figureNode.classes.push(...figclasses);
    if (align) figureNode.set('align', String(align));
    if (this.content.length > 0) {
      const container = new Element('Element');
      this.state.nestedParse(this.content, this.contentOffset, container);
      const firstNode = container.children[0];
      if (firstNode instanceof Element && firstNode.tagname === 'paragraph') {
        const caption = new Element('caption', firstNode.rawsource, [...firstNode.children]);
        caption.source = firstNode.source;
        caption.line = firstNode.line;
        figureNode.append(caption);
      } else if (firstNode && !(firstNode instanceof Element && firstNode.tagname === 'comment' && firstNode.length === 0)) {
        const error = this.reporter.error(
          'Figure caption must be a paragraph or empty comment.',
          [element('literal_block', this.blockText, this.blockText)],
          { line: this.lineno },
        );
        return [figureNode, error];
      }
      if (container.length > 1) figureNode.append(new Element('legend', '', container.children.slice(1)));
    }
    return [figureNode];
  }

  private popOption(name: string): unknown {
    const value = this.options[name];
    delete this.options[name];
    return value;
  }
}

