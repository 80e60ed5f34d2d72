import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareOutlines, sectionOutline } from '../../../src/spec/outline.js';
import { publishForLint } from '../../../src/lint/engine.js';
import { brief, lintJson, specRepository } from '../lint-helpers.js';
import { makeTree } from '../../spec/temp-directory.js';

const TEMPLATE = [
  '=============',
  'Example title',
  '=============',
  '',
  'Problem description',
  '===================',
  '',
  'Use Cases',
  '---------',
  '',
  'Proposed change',
  '===============',
  '',
  'Alternatives',
  '------------',
  '',
  'REST API impact',
  '---------------',
  '',
  'Implementation',
  '==============',
  '',
  'History',
  '=======',
  '',
].join('\n');

/** A spec from the template's sections; `drop` leaves titles out, `rename` changes them. */
function spec(options: { drop?: string[]; rename?: Record<string, string>; extra?: string } = {}): string {
  const lines = ['==========', 'My feature', '==========', ''];
  const sections: Array<[string, string]> = [
    ['Problem description', '='],
    ['Use Cases', '-'],
    ['Proposed change', '='],
    ['Alternatives', '-'],
    ['REST API impact', '-'],
    ['Implementation', '='],
  ];
  for (const [name, adornment] of sections) {
    if (options.drop?.includes(name)) continue;
    const title = options.rename?.[name] ?? name;
    lines.push(title, adornment.repeat(title.length), '', 'None', '');
  }
  if (options.extra) lines.push(options.extra);
  return lines.join('\n');
}

function lintSpec(text: string, config = '') {
  const root = specRepository({ 'specs/rocky-template.rst': TEMPLATE, 'specs/rocky/approved/my-feature.rst': text, ...(config ? { 'specwright.toml': config } : {}) });
  return lintJson(root, [], { rule: ['line-length=off'] });
}

const messages = (text: string, config = '') => lintSpec(text, config).findings.map((finding) => `${finding.line}: ${finding.message}`);

describe('template-sections', () => {
  it('accepts a spec with every section; History is optional', () => {
    assert.deepEqual(messages(spec()), []);
  });

  it('accepts extra subsections', () => {
    const text = spec().replace('Alternatives\n------------\n', 'Alternatives\n------------\n\nNone\n\nMore\n----\n');
    assert.deepEqual(messages(text), []);
  });

  it('reports a missing section where it belongs, naming its subsections', () => {
    assert.deepEqual(messages(spec({ drop: ['Proposed change', 'Alternatives', 'REST API impact'] })), [
      '15: Missing section "Proposed change" (with subsections "Alternatives", "REST API impact"): the template specs/rocky-template.rst has it.',
    ]);
  });

  it('reports a missing subsection at its section\'s title', () => {
    assert.deepEqual(messages(spec({ drop: ['REST API impact'] })), [
      '15: Section "Proposed change" is missing subsection "REST API impact" of the template specs/rocky-template.rst.',
    ]);
  });

  it('reports a renamed section as extra (with a suggestion) and missing', () => {
    assert.deepEqual(messages(spec({ rename: { 'Problem description': 'Problem descriptions' } })), [
      '5: Section "Problem descriptions" is not in the template specs/rocky-template.rst; did you mean "Problem description"?',
      '15: Missing section "Problem description" (with subsections "Use Cases"): the template specs/rocky-template.rst has it.',
    ]);
  });

  it('lets a spec add top-level sections with allow-extra-sections (a presence-only test, as keystone-specs\')', () => {
    const text = spec({ extra: 'New API Calls\n=============\n\nNone\n' });
    assert.deepEqual(messages(text), ['35: Section "New API Calls" is not in the template specs/rocky-template.rst.']);
    const allowing = '[rules]\ntemplate-sections = { allow-extra-sections = true }\n';
    assert.deepEqual(messages(text, allowing), []);
    // Missing sections are still reported.
    assert.equal(messages(spec({ drop: ['Implementation'], extra: 'New API Calls\n=============\n\nNone\n' }), allowing).length, 1);
  });

  it('compares raw title source, inline markup included', () => {
    const findings = messages(spec({ rename: { Implementation: '*Implementation*' } }));
    assert.equal(findings.length, 2);
    assert.match(findings[0]!, /Section "\*Implementation\*" is not in the template/);
  });

  it('sees a demoted section as a subsection', () => {
    // "Implementation" underlined with "-" becomes a subsection of "Proposed change".
    const text = spec().replace('Implementation\n==============', 'Implementation\n--------------');
    assert.deepEqual(messages(text), [
      '33: Missing section "Implementation": the template specs/rocky-template.rst has it.',
    ]);
  });

  it('honours optional sections and subsections, per release', () => {
    const text = spec({ drop: ['REST API impact', 'Implementation'] });
    assert.equal(messages(text).length, 2);
    assert.deepEqual(messages(text, '[template]\noptional-sections = ["Implementation", "History"]\noptional-subsections = ["REST API impact"]\n'), []);
    assert.equal(messages(text, '[template]\noptional-sections = ["Implementation", "History"]\noptional-subsections = ["REST API impact"]\n[template.release.rocky]\noptional-subsections = []\n').length, 1);
  });

  it('requires History when it is not optional', () => {
    assert.equal(messages(spec(), '[template]\noptional-sections = []\n').length, 1);
  });

  it('ignores the section docutils adds for system messages', () => {
    const text = spec({ extra: '.. _a: https://example.org/1\n.. _a: https://example.org/2\n\nSee a_.\n' });
    const findings = lintSpec(text).findings;
    assert.deepEqual(findings.filter((finding) => finding.rule === 'template-sections'), []);
  });

  it('uses the embedded Watcher template when the repository has none', () => {
    const root = makeTree({
      'specs/rocky/approved/x.rst':
        '==========\nMy feature\n==========\n\nProblem description\n===================\n\nUse Cases\n---------\n\nNone\n\nTesting\n=======\n\nNone\n',
    });
    const { findings } = lintJson(root);
    assert.deepEqual(
      findings.map((finding) => finding.message.replace(/ \(with subsections .*\)(?=:)/, '')),
      ['Proposed change', 'Implementation', 'Dependencies', 'Documentation Impact', 'References'].map(
        (section) => `Missing section "${section}": the template <built-in: watcher-specs/specs/rocky-template.rst> has it.`,
      ),
    );
  });

  it('checks only specs in the layout', () => {
    const root = specRepository({ 'specs/rocky-template.rst': TEMPLATE, 'doc/source/index.rst': 'Index\n=====\n\nSection\n-------\n' });
    assert.deepEqual(brief(lintJson(root, ['doc/source/index.rst']).findings), []);
  });
});

describe('section outline', () => {
  it('keeps the later of two same-named sections in the first one\'s place, as a Python dict does', () => {
    const text = 'A\n=\n\nX\n-\n\nB\n=\n\nA\n=\n\nY\n-\n';
    const outline = sectionOutline(publishForLint(text, { sourcePath: 't.rst', extensions: [] }).document);
    assert.deepEqual([...outline.keys()], ['A', 'B']);
    assert.deepEqual(outline.get('A')!.subsections, ['Y']);
  });

  it('compares outlines like _check_titles', () => {
    const outline = (entries: Array<[string, string[]]>) =>
      new Map(entries.map(([name, subsections]) => [name, { name, subsections, title: null, subsectionTitles: [] }]));
    const template = outline([['A', ['a1', 'a2']], ['B', []], ['History', ['h']]]);
    const specOutline = outline([['A', ['a1', 'extra']], ['C', []]]);
    assert.deepEqual(compareOutlines(template, specOutline, { sections: ['History'], subsections: [] }), {
      missingSections: ['B'],
      extraSections: ['C'],
      missingSubsections: [
        { section: 'A', subsections: ['a2'] },
        { section: 'History', subsections: ['h'] },
      ],
    });
  });
});
