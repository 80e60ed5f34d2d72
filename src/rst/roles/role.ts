/**
 * The role function interface (docutils.parsers.rst.roles): a role turns
 * interpreted text into nodes and system messages.
 */
import type { Element, Node } from '../nodes.js';
import type { Inliner } from '../inline/inliner.js';
import type { OptionSpec } from '../directives/directive.js';

export interface RoleOptions {
  [name: string]: unknown;
}

/**
 * (role name as written, raw source text, interpreted text with backslash
 * escapes as NUL, line number, inliner, options, content) → [nodes, messages]
 */
export interface RoleFunction {
  (
    name: string,
    rawtext: string,
    text: string,
    lineno: number,
    inliner: Inliner,
    options?: RoleOptions,
    content?: string[],
  ): [Node[], Element[]];
  /** Options the role directive may set on a role derived from this one. */
  options?: OptionSpec;
  /** Whether the role directive may give content. */
  content?: boolean;
}
