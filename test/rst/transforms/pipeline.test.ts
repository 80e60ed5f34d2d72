/**
 * The transformer's ordering and bookkeeping, on hand-built documents:
 * docutils' "PPP-SSS" keys (priority, then order of addition), pending nodes
 * noted before the standard transforms, transforms scheduled while others
 * run, and transform messages collected for the Messages transform.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, newDocument } from '../../../src/rst/document.js';
import { Element, Pending, element } from '../../../src/rst/nodes.js';
import {
  STANDARD_COMPONENTS,
  STANDARD_TRANSFORMS,
  Transformer,
  applyStandardTransforms,
} from '../../../src/rst/transforms/pipeline.js';
import type { TransformDefinition } from '../../../src/rst/transforms/transform.js';

function document() {
  return newDocument('test.rst', defaultSettings({ reportLevel: 1, haltLevel: 5 }));
}

function recorder(name: string, priority: number, log: string[], then?: TransformDefinition['apply']): TransformDefinition {
  return {
    name,
    defaultPriority: priority,
    apply(context) {
      log.push(context.startnode ? `${name}(${String(context.startnode.details['tag'])})` : name);
      then?.(context);
    },
  };
}

test('equal priorities run in the order they were added, pending nodes first', () => {
  const log: string[] = [];
  const doc = document();
  const early = recorder('test.Early', 300, log);
  const late = recorder('test.Late', 300, log);
  const pendingOne = new Pending('test.Early', { tag: 'one' });
  const pendingTwo = new Pending('test.Late', { tag: 'two' });
  doc.append(pendingOne);
  doc.append(pendingTwo);
  doc.notePending(pendingTwo);
  doc.notePending(pendingOne, 100);
  const transformer = new Transformer(doc, { extraTransforms: [early, late] });
  transformer.addTransform(late);
  transformer.addTransform(early);
  transformer.applyTransforms();
  assert.deepEqual(log, ['test.Early(one)', 'test.Late(two)', 'test.Late', 'test.Early']);
  assert.deepEqual(
    transformer.applied.map((entry) => entry.key),
    ['100-002', '300-001', '300-003', '300-004'],
  );
});

test('a pending node noted while transforms run is sorted in before the next one', () => {
  const log: string[] = [];
  const doc = document();
  const inner = recorder('test.Inner', 250, log);
  const outer = recorder('test.Outer', 200, log, ({ document: target }) => {
    const pending = new Pending('test.Inner', { tag: 'added' });
    target.append(pending);
    target.notePending(pending);
  });
  const last = recorder('test.Last', 260, log);
  const transformer = new Transformer(doc, { extraTransforms: [inner] });
  transformer.addTransforms([outer, last]);
  transformer.applyTransforms();
  assert.deepEqual(log, ['test.Outer', 'test.Inner(added)', 'test.Last']);
});

test('a pending node naming an unknown transform is an error', () => {
  const doc = document();
  const pending = new Pending('no.such.Transform');
  doc.append(pending);
  doc.notePending(pending);
  assert.throws(() => new Transformer(doc), /unknown transform "no\.such\.Transform"/);
});

test('every standard transform is known by its docutils name with docutils priority', () => {
  const priorities: Record<string, number> = {
    'docutils.transforms.references.Substitutions': 220,
    'docutils.transforms.references.PropagateTargets': 260,
    'docutils.transforms.frontmatter.DocTitle': 320,
    'docutils.transforms.frontmatter.DocInfo': 340,
    'docutils.transforms.frontmatter.SectionSubTitle': 350,
    'docutils.transforms.universal.StripClassesAndElements': 420,
    'docutils.transforms.references.AnonymousHyperlinks': 440,
    'docutils.transforms.references.IndirectHyperlinks': 460,
    'docutils.transforms.references.TargetNotes': 540,
    'docutils.transforms.references.Footnotes': 620,
    'docutils.transforms.references.ExternalTargets': 640,
    'docutils.transforms.references.InternalTargets': 660,
    'docutils.transforms.parts.SectNum': 710,
    'docutils.transforms.parts.Contents': 720,
    'docutils.transforms.universal.StripComments': 740,
    'docutils.transforms.components.Filter': 780,
    'docutils.transforms.universal.Decorations': 820,
    'docutils.transforms.misc.Transitions': 830,
    'docutils.transforms.universal.ExposeInternals': 840,
    'docutils.transforms.references.DanglingReferences': 850,
    'docutils.transforms.universal.SmartQuotes': 855,
    'docutils.transforms.universal.Messages': 860,
    'docutils.transforms.universal.FilterMessages': 870,
    'docutils.transforms.universal.TestMessages': 880,
    'docutils.transforms.misc.CallBack': 990,
    'docutils.transforms.misc.ClassAttribute': 210,
  };
  for (const [name, priority] of Object.entries(priorities)) {
    assert.equal(STANDARD_TRANSFORMS.get(name)?.defaultPriority, priority, name);
  }
  const scheduled = STANDARD_COMPONENTS.flatMap((component) => component.transforms.map((transform) => transform.name));
  assert.equal(scheduled.length, 19);
  assert.ok(!scheduled.includes('docutils.transforms.universal.TestMessages'));
});

test('messages made by transforms end up in the "Docutils System Messages" section', () => {
  const doc = document();
  const paragraph = element('paragraph', '', 'See ');
  const reference = element('reference', 'nowhere_', 'nowhere', [], { name: 'nowhere', refname: 'nowhere' });
  paragraph.append(reference);
  doc.append(paragraph);
  doc.noteRefname(reference);
  paragraph.line = 1;
  applyStandardTransforms(doc);
  const section = doc.children[doc.children.length - 1] as Element;
  assert.deepEqual(section.classes, ['system-messages']);
  assert.equal(section.children[0]!.astext(), 'Docutils System Messages');
  // system_message.astext() is docutils' "SOURCE:LINE: (TYPE/LEVEL) text".
  assert.equal(section.children[1]!.astext(), 'test.rst:1: (ERROR/3) Unknown target name: "nowhere".');
  assert.equal(doc.transformMessages.length, 0);
  assert.equal(paragraph.children[1]!.tagname, 'problematic');
});

test('a callback pending node runs its callback at priority 990 and disappears', () => {
  const doc = document();
  const seen: string[] = [];
  const pending = new Pending('docutils.transforms.misc.CallBack', {});
  (pending.details as Record<string, unknown>)['callback'] = (node: Element) => seen.push(node.tagname);
  doc.append(pending);
  doc.notePending(pending);
  applyStandardTransforms(doc);
  assert.deepEqual(seen, ['pending']);
  assert.equal(doc.children.length, 0);
});

test('the component filter keeps nodes for formats the pseudo-XML writer supports and drops reader-only ones', () => {
  const doc = document();
  const kept = new Pending('docutils.transforms.components.Filter', {
    component: 'writer',
    format: 'html,latex',
    nodes: [element('paragraph', '', 'kept')],
  });
  const dropped = new Pending('docutils.transforms.components.Filter', {
    component: 'reader',
    format: 'pep',
    nodes: [element('paragraph', '', 'dropped')],
  });
  doc.append(kept);
  doc.append(dropped);
  doc.notePending(kept);
  doc.notePending(dropped);
  applyStandardTransforms(doc);
  assert.equal(doc.pformat(), '<document source="test.rst">\n    <paragraph>\n        kept\n');
});
