/**
 * Inline markup recognition (docutils.parsers.rst.states.Inliner).
 * Placeholder declaration; the implementation follows.
 */
import type { Document, Reporter } from '../document.js';
import type { Element, Node } from '../nodes.js';
import type { Language } from '../languages/language.js';
import type { Memo } from '../parser/rst-state.js';

export class Inliner {
  document!: Document;
  reporter!: Reporter;
  language!: Language;
  parent!: Element;
  memo!: Memo;

  parse(_text: string, _lineno: number, _memo: Memo, _parent: Element): [Node[], Element[]] {
    throw new Error('not implemented yet');
  }

  problematic(_text: string, _rawsource: string, _message: Element): Element {
    throw new Error('not implemented yet');
  }
}
