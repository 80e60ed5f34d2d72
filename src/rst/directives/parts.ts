/**
 * Directives for document parts (docutils.parsers.rst.directives.parts):
 * the table of contents and section numbering, which leave `pending` nodes
 * for their transforms, and the document header and footer.
 */
import { Element, Pending, element, fullyNormalizeName, type Node, type PendingDetails } from '../nodes.js';
import type { PyValue } from '../python-text.js';
import { getLanguage } from '../languages/language.js';
import { Directive, type OptionSpec } from './directive.js';
import { choice, classOption, flag, int, nonnegativeInt, unchangedRequired } from './options.js';

/** Dotted names and default priorities of the transforms these directives leave pending. */
export const CONTENTS_TRANSFORM = { name: 'docutils.transforms.parts.Contents', priority: 720 } as const;
export const SECTNUM_TRANSFORM = { name: 'docutils.transforms.parts.SectNum', priority: 710 } as const;

const BACKLINKS_VALUES: readonly string[] = ['top', 'entry', 'none'];

/** Directive options as pending details (Python values printed with repr). */
export function optionsToDetails(options: Record<string, unknown>): PendingDetails {
  const details: PendingDetails = {};
  for (const [name, value] of Object.entries(options)) details[name] = (value ?? null) as PyValue;
  return details;
}

export class Contents extends Directive {
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {
    depth: nonnegativeInt,
    local: flag,
    backlinks: (argument) => {
      const value = choice(argument, BACKLINKS_VALUES);
      return value === 'none' ? null : value;
    },
    class: classOption,
  };

  run(): Node[] {
    if (!(this.stateMachine.matchTitles || this.stateMachine.node.tagname === 'sidebar')) {
      throw this.error(`The "${this.name}" directive may not be used within topics or body elements.`);
    }
    const document = this.stateMachine.document;
    const language = getLanguage(document.settings.languageCode);
    let messages: Node[] = [];
    let title: Element | null = null;
    if (this.args.length > 0) {
      const titleText = this.args[0]!;
      let textNodes: Node[];
      [textNodes, messages] = this.state.inlineText(titleText, this.lineno);
      title = element('title', titleText, '', textNodes);
    } else if (!('local' in this.options)) {
      title = element('title', '', language.labels['contents'] ?? '');
    }
    const topic = new Element('topic', '', [], { classes: ['contents'] });
    topic.classes.push(...((this.options['class'] as string[] | undefined) ?? []));
    const [source, line] = this.stateMachine.getSourceAndLine();
    topic.source = source;
    topic.line = line === null ? null : line - 1;
    if ('local' in this.options) topic.classes.push('local');
    let name: string;
    if (title) {
      name = title.astext();
      topic.append(title);
    } else {
      name = language.labels['contents'] ?? '';
    }
    name = fullyNormalizeName(name);
    if (!document.hasName(name)) topic.names.push(name);
    document.noteImplicitTarget(topic);
    const pending = new Pending(CONTENTS_TRANSFORM.name, optionsToDetails(this.options), this.blockText);
    document.notePending(pending, CONTENTS_TRANSFORM.priority);
    topic.append(pending);
    return [topic, ...messages];
  }
}

export class Sectnum extends Directive {
  static override optionSpec: OptionSpec = {
    depth: int,
    start: int,
    prefix: unchangedRequired,
    suffix: unchangedRequired,
  };

  run(): Node[] {
    const pending = new Pending(SECTNUM_TRANSFORM.name, optionsToDetails(this.options));
    this.stateMachine.document.notePending(pending, SECTNUM_TRANSFORM.priority);
    return [pending];
  }
}

/** docutils' decoration.get_header: the header, created as the decoration's first child. */
export function decorationHeader(decoration: Element): Element {
  const first = decoration.children[0];
  if (!(first instanceof Element && first.tagname === 'header')) decoration.insert(0, new Element('header'));
  return decoration.children[0] as Element;
}

/** docutils' decoration.get_footer: the footer, created as the decoration's last child. */
export function decorationFooter(decoration: Element): Element {
  const last = decoration.children[decoration.children.length - 1];
  if (!(last instanceof Element && last.tagname === 'footer')) decoration.append(new Element('footer'));
  return decoration.children[decoration.children.length - 1] as Element;
}

export class Header extends Directive {
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    const header = decorationHeader(this.stateMachine.document.getDecoration());
    this.state.nestedParse(this.content, this.contentOffset, header);
    return [];
  }
}

export class Footer extends Directive {
  static override hasContent = true;

  run(): Node[] {
    this.assertHasContent();
    const footer = decorationFooter(this.stateMachine.document.getDecoration());
    this.state.nestedParse(this.content, this.contentOffset, footer);
    return [];
  }
}
