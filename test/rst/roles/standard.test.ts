/**
 * The standard roles' registry entries and helpers. Their output is
 * checked against docutils by test/fixtures/rst/roles/case-roles.rst (see
 * test/rst/directives/fixtures.test.ts) and the docutils parser cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/rst/parse.js';
import { docutilsRegistry } from '../../../src/rst/profiles/docutils.js';
import {
  STANDARD_ROLES,
  normalizedRoleOptions,
  pythonPercentFormat,
} from '../../../src/rst/roles/standard.js';

test("the registry holds docutils' canonical role names, each accepting a class option", () => {
  assert.deepEqual([...STANDARD_ROLES.keys()].sort(), [
    'abbreviation',
    'acronym',
    'anonymous-reference',
    'citation-reference',
    'code',
    'emphasis',
    'footnote-reference',
    'index',
    'literal',
    'math',
    'named-reference',
    'pep-reference',
    'raw',
    'restructuredtext-unimplemented-role',
    'rfc-reference',
    'strong',
    'subscript',
    'substitution-reference',
    'superscript',
    'target',
    'title-reference',
    'uri-reference',
  ]);
  for (const [name, role] of STANDARD_ROLES) assert.ok(role.options && 'class' in role.options, name);
  assert.ok('format' in STANDARD_ROLES.get('raw')!.options!);
  assert.ok('language' in STANDARD_ROLES.get('code')!.options!);
});

test('normalized_role_options renames class to classes and copies', () => {
  const options = { class: ['a'], format: 'html' };
  assert.deepEqual(normalizedRoleOptions(options), { classes: ['a'], format: 'html' });
  assert.deepEqual(options, { class: ['a'], format: 'html' });
  assert.deepEqual(normalizedRoleOptions(undefined), {});
});

test("pep_file_url_template is applied with Python's % formatting", () => {
  // Expectations from CPython: template % 42 and template % -7.
  const cases: [string, string, string][] = [
    ['pep-%04d', 'pep-0042', 'pep--007'],
    ['pep-%d.html', 'pep-42.html', 'pep--7.html'],
    ['%s', '42', '-7'],
    ['%5d|', '   42|', '   -7|'],
    ['%-5d|', '42   |', '-7   |'],
    ['%+d', '+42', '-7'],
    ['%05.3d', '00042', '-0007'],
    ['%%%d', '%42', '%-7'],
    ['% d', ' 42', '-7'],
  ];
  for (const [template, positive, negative] of cases) {
    assert.equal(pythonPercentFormat(template, 42), positive, template);
    assert.equal(pythonPercentFormat(template, -7), negative, template);
  }
  assert.equal(pythonPercentFormat('%x-%X-%o', 42), '2a-2A-52');
});

function parse(text: string, settings = {}): string {
  return parseDocument(text, {
    sourcePath: 'test data',
    settings: { reportLevel: 1, haltLevel: 5, ...settings },
    registry: docutilsRegistry(),
  }).pformat();
}

test('PEP and RFC references follow the base URL settings', () => {
  const output = parse(':PEP:`287` :RFC:`2822`\n', {
    pepBaseUrl: 'https://example.org/peps/',
    pepFileUrlTemplate: 'pep-%d.html',
    rfcBaseUrl: 'https://example.org/rfc/',
  });
  assert.match(output, /<reference refuri="https:\/\/example.org\/peps\/pep-287.html">/);
  assert.match(output, /<reference refuri="https:\/\/example.org\/rfc\/rfc2822.html">/);
});

test('raw-derived roles are refused when raw is disabled', () => {
  const output = parse('.. role:: html(raw)\n   :format: html\n\n:html:`<b>`\n', { rawEnabled: false });
  assert.match(output, /<problematic ids="problematic-1" refid="system-message-1">\n {12}:html:`<b>`/);
  assert.match(output, /type="WARNING">\n {8}<paragraph>\n {12}raw \(and derived\) roles disabled/);
});

test('code is never tokenised: classes only, whatever syntax_highlight says', () => {
  const output = parse('.. role:: py(code)\n   :language: python\n\n:py:`x = 1`\n', { syntaxHighlight: 'long' });
  assert.match(output, /<literal classes="code py python">\n {12}x = 1\n/);
});
