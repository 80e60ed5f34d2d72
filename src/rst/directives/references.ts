/**
 * Directives for references and targets
 * (docutils.parsers.rst.directives.references): "target-notes" leaves a
 * pending node; its transform turns external targets into footnotes.
 */
import { Pending, type Node } from '../nodes.js';
import { Directive, type OptionSpec } from './directive.js';
import { classOption, unchanged } from './options.js';
import { optionsToDetails } from './parts.js';

export const TARGET_NOTES_TRANSFORM = { name: 'docutils.transforms.references.TargetNotes', priority: 540 } as const;

export class TargetNotes extends Directive {
  static override optionSpec: OptionSpec = { class: classOption, name: unchanged };

  run(): Node[] {
    const pending = new Pending(TARGET_NOTES_TRANSFORM.name);
    this.addName(pending);
    Object.assign(pending.details, optionsToDetails(this.options));
    this.stateMachine.document.notePending(pending, TARGET_NOTES_TRANSFORM.priority);
    return [pending];
  }
}
