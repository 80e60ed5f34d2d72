/**
 * ascii-diagrams: diagrams belong in literal blocks, not images.
 */
import { nodeStart } from '../node-position.js';
import { defineFileRule } from '../rule.js';

export const asciiDiagrams = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'ascii-diagrams',
    description: 'Draw diagrams as text in literal blocks, not as images',
    defaultSeverity: 'warning',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      image: 'Image "{{uri}}": diagrams belong in literal blocks as ASCII art, which reviewers can read and comment on.',
    },
    docs: {
      whatItDoes: 'Reports `image` and `figure` directives.',
      why: 'The template: "If you would like to provide a diagram with your spec, ascii diagrams are required ... the tool used to review specs is based purely on plain text. Plain text will allow review to proceed without having to look at additional files which can not be viewed in gerrit. It will also allow inline feedback on the diagram itself."',
      example: '.. image:: images/flow.png',
      useInstead: '::\n\n    +---------+     +-----------+\n    | nova-api | --> | conductor |\n    +---------+     +-----------+',
      options: 'None. A warning by default (the spec still publishes); repositories that accept images turn the rule off (`ascii-diagrams = "off"`), those that enforce the template make it an error.',
    },
  },
  create(context) {
    return {
      enter: {
        image(node) {
          // A figure's image is reported as the figure's.
          const at = nodeStart(node.parent?.tagname === 'figure' ? node.parent : node, context.file.source) ?? { line: 1, column: 1 };
          context.report({ messageId: 'image', data: { uri: String(node.attributes.uri ?? '') }, line: at.line, column: at.column });
        },
      },
    };
  },
});
