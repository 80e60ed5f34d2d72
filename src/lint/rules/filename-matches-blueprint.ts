/**
 * filename-matches-blueprint: the spec's file is named after its Launchpad
 * blueprint, as the template asks ("a URL of .../+spec/awesome-thing should
 * be named awesome-thing.rst").
 */
import { basename } from 'node:path';
import { SPEC_DIRECTORY_FILE } from '../../spec/layout.js';
import { blueprintReferences, hasTrackerInPreamble } from '../../spec/spec-model.js';
import { nodeStart } from '../node-position.js';
import { defineFileRule } from '../rule.js';
import { isTemplateCopy } from '../template-document.js';

export interface FilenameMatchesBlueprintOptions {
  /** Report a spec that links no blueprint, nor a bug or story before its first section. */
  readonly requireUrl: boolean;
}

export const filenameMatchesBlueprint = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'filename-matches-blueprint',
    description: 'Name the spec file after its Launchpad blueprint',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { 'require-url': { type: 'boolean' } },
    },
    defaultOptions: { requireUrl: true } as FilenameMatchesBlueprintOptions,
    messages: {
      mismatch: 'The file is named "{{file}}" but its blueprint is "{{blueprint}}": name it {{blueprint}}.rst.',
      mismatchDirectory: 'The spec directory is named "{{directory}}" but its blueprint is "{{blueprint}}": name it {{blueprint}}.',
      missing: 'No Launchpad blueprint URL (https://blueprints.launchpad.net/<project>/+spec/<name>) in the spec, nor a bug or story link before the first section.',
    },
    docs: {
      whatItDoes:
        'Finds the spec\'s Launchpad blueprint link (`https://blueprints.launchpad.net/<project>/+spec/<name>`) — the first one before the first section, where the template puts it, else the first anywhere; a blueprint URL that markup left as text (`` `bp <url>_` `` with single backquotes is a title reference, not a link) counts too, one in a literal block or comment does not — and reports a file whose name (without `.rst`) is not `<name>`. Only specs in the repository layout are checked; with `require-url` (the default) a spec without any blueprint link is reported too, unless it links a Launchpad bug (`https://bugs.launchpad.net/<project>/+bug/<n>`) or a StoryBoard story before its first section, as specs tracked by an RFE bug do (neutron-specs, ironic-specs): such a spec has no blueprint name to match.',
      why: 'Spec files, blueprints and review topics are matched by name: the template says "The filename in the git repository should match the launchpad URL". A spec copied from another and renamed halfway links the wrong blueprint.',
      example: 'specs/2025.1/approved/live-migrate-vtpm.rst:\n\nhttps://blueprints.launchpad.net/nova/+spec/vtpm-live-migration',
      useInstead: 'specs/2025.1/approved/vtpm-live-migration.rst:\n\nhttps://blueprints.launchpad.net/nova/+spec/vtpm-live-migration',
      options: '- `require-url` (boolean, default true): report specs that link no blueprint (nor, before the first section, a Launchpad bug or StoryBoard story).',
    },
  },
  create(context) {
    if (!context.file.location || isTemplateCopy(context.file.path)) return {};
    // A spec directory (specs/<release>/<name>/index.rst) is named by its directory.
    const file = context.file.location.name;
    const isDirectory = basename(context.file.path) === SPEC_DIRECTORY_FILE;
    return {
      document(document) {
        const references = blueprintReferences(document);
        const source = context.file.source;
        if (references.length === 0) {
          if (context.options.requireUrl && !hasTrackerInPreamble(document)) context.report({ messageId: 'missing', line: 1 });
          return;
        }
        const chosen = references.find((reference) => reference.inPreamble) ?? references[0]!;
        if (chosen.name === file) return;
        const at = nodeStart(chosen.node, source) ?? { line: 1, column: 1 };
        if (isDirectory) {
          context.report({ messageId: 'mismatchDirectory', data: { directory: file, blueprint: chosen.name }, line: at.line, column: at.column });
        } else {
          context.report({ messageId: 'mismatch', data: { file: `${file}.rst`, blueprint: chosen.name }, line: at.line, column: at.column });
        }
      },
    };
  },
});
