/**
 * The sphinx profile as a user of the tree sees it: realistic spec
 * fragments, and the node kinds and attributes a linter or writer reads.
 * (Byte-level agreement with Sphinx is checked by fixtures.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publish } from '../../../src/rst/publish.js';
import { parseDocument } from '../../../src/rst/parse.js';
import type { Element } from '../../../src/rst/nodes.js';
import { PROFILE_NAMES, profileRegistry } from '../../../src/rst/profiles/index.js';
import { OPENSTACK_SPEC_EXTENSIONS, sphinxRegistry } from '../../../src/rst/profiles/sphinx.js';
import { docutilsRegistry } from '../../../src/rst/profiles/docutils.js';
import { sphinxWarnings } from '../../../src/rst/sphinx/environment.js';
import { indexEntriesOf, isPyTuple } from '../../../src/rst/sphinx/nodes.js';
import { tempDirectory } from '../../spec/temp-directory.js';

const SETTINGS = { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none' as const };

function read(text: string, options: Parameters<typeof sphinxRegistry>[0] = {}, sourcePath = 'specs/zed/approved/example.rst') {
  return publish(text, { sourcePath, settings: SETTINGS, registry: sphinxRegistry({ srcdir: '/nonexistent-srcdir', ...options }) });
}

function all(root: Element, kind: string): Element[] {
  return [...root.findall(kind)] as Element[];
}

function one(root: Element, kind: string): Element {
  const found = all(root, kind);
  assert.equal(found.length, 1, `expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

const SPEC = `==========================================
Example spec
==========================================

https://blueprints.launchpad.net/nova/+spec/example

Problem description
===================

See :ref:\`the API guide <api-guide>\` and :doc:\`../other\`. The
:command:\`nova-manage\` tool reads :file:\`/etc/nova/{name}.conf\`.

.. code-block:: console

   $ openstack server list

.. todo:: Decide on the microversion.

Proposed change
===============

.. seqdiag::

   seqdiag {
     API -> Conductor [label = "build"];
   }
`;

test('profile names include sphinx, and profileRegistry("sphinx") is the sphinx registry', () => {
  assert.deepEqual([...PROFILE_NAMES], ['docutils', 'sphinx']);
  const registry = profileRegistry('sphinx');
  assert.ok(registry.directDirectives.has('code-block'));
  assert.ok(registry.directDirectives.has('todo'), 'the OpenStack default extensions include sphinx.ext.todo');
  assert.ok(OPENSTACK_SPEC_EXTENSIONS.includes('sphinxcontrib.seqdiag'));
});

test('a realistic spec reads without unknown roles or directives', () => {
  const { document, messages } = read(SPEC);
  assert.equal(messages.includes('Unknown'), false, messages);
  const references = all(document, 'pending_xref');
  assert.deepEqual(
    references.map((node) => [node.get('refdomain'), node.get('reftype'), node.get('reftarget'), node.get('refexplicit'), node.get('refwarn'), node.get('refdoc')]),
    [
      ['std', 'ref', 'api-guide', true, true, 'specs/zed/approved/example'],
      ['std', 'doc', '../other', false, true, 'specs/zed/approved/example'],
    ],
  );
  assert.equal(references[0]!.astext(), 'the API guide');
  assert.deepEqual(references[0]!.children.map((child) => (child as Element).tagname), ['inline']);
  assert.deepEqual((references[0]!.children[0] as Element).classes, ['xref', 'std', 'std-ref']);
  const command = one(document, 'literal_strong');
  assert.deepEqual([command.astext(), command.classes], ['nova-manage', ['command']]);
  const file = all(document, 'literal').find((node) => node.get('role') === 'file')!;
  assert.equal(file.astext(), '/etc/nova/name.conf');
  assert.equal(one(file, 'emphasis').astext(), 'name');
  const code = one(document, 'literal_block');
  assert.equal(code.get('language'), 'console');
  assert.equal(code.get('force'), false);
  assert.deepEqual(code.get('highlight_args'), {});
  const todo = one(document, 'todo_node');
  assert.ok(todo.is('Admonition'));
  assert.deepEqual(todo.classes, ['admonition-todo']);
  assert.equal(todo.get('docname'), 'specs/zed/approved/example');
  assert.equal((todo.children[0] as Element).tagname, 'title');
  const diagram = one(document, 'seqdiag_node');
  assert.match(String(diagram.get('code')), /API -> Conductor/);
  assert.deepEqual(diagram.get('options'), {});
});

test('the template check still sees the docutils sections: the title is promoted as docutils does', () => {
  const { document } = read(SPEC);
  assert.equal(document.get('title'), 'Example spec');
  assert.deepEqual(
    all(document, 'section').map((section) => (section.children[0] as Element).astext()),
    ['Problem description', 'Proposed change'],
  );
});

test('unknown roles and directives get docutils\' exact messages in the sphinx profile', () => {
  const text = 'Para :bogusrole:`x` and :ref:`ok`.\n\n.. bogus-directive:: arg\n';
  const sphinx = publish(text, { sourcePath: 'x.rst', settings: SETTINGS, registry: sphinxRegistry() });
  const docutils = publish(text.replace(':ref:`ok`', 'ok'), { sourcePath: 'x.rst', settings: SETTINGS, registry: docutilsRegistry() });
  assert.equal(sphinx.messages, docutils.messages);
  assert.match(sphinx.messages, /\(ERROR\/3\) Unknown interpreted text role "bogusrole"\./);
  assert.match(sphinx.messages, /\(ERROR\/3\) Unknown directive type "bogus-directive"\./);
  assert.match(sphinx.messages, /No role entry for "bogusrole" in module "docutils\.parsers\.rst\.languages\.en"\.\nTrying "bogusrole" as canonical role name\./);
});

test('an unknown domain is one of Sphinx\'s warnings, then docutils reports the role', () => {
  const { document, messages } = read('Text :nosuch:role:`x`.\n');
  assert.match(messages, /Unknown interpreted text role "nosuch:role"/);
  assert.deepEqual(sphinxWarnings(document).map((warning) => warning.message), ['unknown directive or role name: nosuch:role']);
});

test('Sphinx\'s roles are found before the language lookup: no "No role entry" info messages', () => {
  const { messages } = read('Use :kbd:`Ctrl+C`, :guilabel:`&OK` and :abbr:`API (application programming interface)`.\n');
  assert.equal(messages, '');
});

test('the docutils profile does not know Sphinx roles (profiles are separate)', () => {
  const document = parseDocument('See :ref:`x`.\n', { sourcePath: 'x.rst', settings: SETTINGS, registry: docutilsRegistry() });
  assert.equal(all(document, 'pending_xref').length, 0);
  assert.ok(all(document, 'system_message').some((message) => /Unknown interpreted text role "ref"/.test(message.astext())));
});

test('the extension list decides which directives exist', () => {
  const withoutTodo = read('.. todo:: x\n\n.. seqdiag::\n\n   A -> B;\n', { extensions: ['sphinxcontrib.seqdiag'] });
  assert.match(withoutTodo.messages, /Unknown directive type "todo"/);
  assert.equal(all(withoutTodo.document, 'seqdiag_node').length, 1);
  const withoutDiagrams = read('.. seqdiag::\n\n   A -> B;\n', { extensions: ['sphinx.ext.todo'] });
  assert.match(withoutDiagrams.messages, /Unknown directive type "seqdiag"/);
  const extlinks = read('See :bug:`1234`.\n', {
    extensions: ['sphinx.ext.extlinks'],
    config: { extlinks: { bug: ['https://launchpad.net/bugs/%s', 'bug %s'] } },
  });
  const reference = one(extlinks.document, 'reference');
  assert.deepEqual([reference.get('refuri'), reference.astext(), reference.get('internal')], ['https://launchpad.net/bugs/1234', 'bug 1234', false]);
});

test('highlight sets the language of later code blocks of the same document only', () => {
  const first = read('.. highlight:: yaml\n\n.. code-block::\n\n   a: 1\n\n.. code::\n\n   b: 2\n');
  assert.deepEqual(all(first.document, 'literal_block').map((node) => node.get('language')), ['yaml', 'yaml']);
  const second = read('.. code-block::\n\n   a: 1\n');
  assert.equal(one(second.document, 'literal_block').get('language'), 'default');
});

test('emphasize-lines and captions give highlight_args and a literal-block-wrapper container', () => {
  const { document } = read('.. code-block:: python\n   :emphasize-lines: 2-3\n   :caption: Example\n   :name: example-code\n\n   a\n   b\n   c\n');
  const container = one(document, 'container');
  assert.deepEqual(container.classes, ['literal-block-wrapper']);
  assert.equal(container.get('literal_block'), true);
  assert.deepEqual(container.names, ['example-code']);
  assert.equal(one(container, 'caption').astext(), 'Example');
  assert.deepEqual(one(container, 'literal_block').get('highlight_args'), { hl_lines: [2, 3] });
});

test('toctree: a compound wrapper around a toctree node whose entries name existing documents', () => {
  const srcdir = tempDirectory('specwright-sphinx-');
  mkdirSync(join(srcdir, 'specs'));
  writeFileSync(join(srcdir, 'index.rst'), 'Index\n=====\n');
  writeFileSync(join(srcdir, 'specs', 'a.rst'), 'A\n=\n');
  writeFileSync(join(srcdir, 'specs', 'b.rst'), 'B\n=\n');
  const text = '.. toctree::\n   :maxdepth: 1\n\n   specs/a\n   Bee <specs/b>\n   specs/missing\n\n.. toctree::\n   :glob:\n\n   specs/*\n';
  const { document } = publish(text, {
    sourcePath: join(srcdir, 'index.rst'),
    settings: { ...SETTINGS, root: srcdir },
    registry: sphinxRegistry({ srcdir }),
  });
  const [first, second] = all(document, 'toctree');
  const wrapper = first!.parent!;
  assert.equal(wrapper.tagname, 'compound');
  assert.deepEqual(wrapper.classes, ['toctree-wrapper']);
  assert.equal(first!.get('parent'), 'index');
  assert.equal(first!.get('maxdepth'), 1);
  const entries = first!.get('entries') as unknown as unknown[][];
  assert.deepEqual(entries.map((entry) => [...entry]), [[null, 'specs/a'], ['Bee', 'specs/b']]);
  assert.ok(isPyTuple(entries[0]));
  assert.deepEqual(first!.get('includefiles'), ['specs/a', 'specs/b']);
  assert.deepEqual(second!.get('includefiles'), ['specs/a', 'specs/b']);
  assert.deepEqual(sphinxWarnings(document).map((warning) => warning.message), [
    "toctree contains reference to nonexisting document 'specs/missing'",
  ]);
});

test('toctree: an entry starting with "/" names a document from the source directory, as Python\'s posixpath.join has it', () => {
  const srcdir = tempDirectory('specwright-sphinx-');
  mkdirSync(join(srcdir, 'specs', 'a'), { recursive: true });
  mkdirSync(join(srcdir, 'specs', 'b'), { recursive: true });
  writeFileSync(join(srcdir, 'specs', 'b', 'other.rst'), 'Other\n=====\n');
  const { document } = publish('A\n=\n\n.. toctree::\n\n   /specs/b/other\n   ../b/other\n   ./../../specs/b//other\n', {
    sourcePath: join(srcdir, 'specs', 'a', 'abs.rst'),
    settings: { ...SETTINGS, root: srcdir },
    registry: sphinxRegistry({ srcdir }),
  });
  // The same document three times: Sphinx keeps each entry and warns of the repeats.
  assert.deepEqual(one(document, 'toctree').get('includefiles'), ['specs/b/other', 'specs/b/other', 'specs/b/other']);
  assert.deepEqual(
    sphinxWarnings(document).map((warning) => warning.message),
    ['duplicated entry found in toctree: specs/b/other', 'duplicated entry found in toctree: specs/b/other'],
  );
});

test('object directives of the py, c, cpp, js and rst domains are known, with their options; a bare name is looked up in the py domain first', () => {
  const text = [
    '.. py:function:: spam(eggs)\n   :async:\n\n   Spam.\n',
    '.. class:: Foo\n\n   .. method:: run()\n',
    '.. c:function:: int f(int x)\n   :noindexentry:\n',
    '.. cpp:namespace:: ns\n\n.. cpp:class:: Bar\n\n.. cpp:namespace-pop::\n',
    '.. js:function:: go(a)\n\n.. rst:directive:option:: name\n   :type: text\n',
  ].join('\n');
  const { document, messages } = read(text);
  assert.doesNotMatch(messages, /Unknown directive type|unknown option/);
  const descs = all(document, 'desc').map((desc) => `${desc.get('domain')}:${desc.get('objtype')}`);
  assert.deepEqual(descs, ['py:function', 'py:class', 'py:method', 'c:function', 'cpp:class', 'js:function', 'rst:directive:option']);
  // The C and C++ expression roles are known too (the expression kept as text).
  const expressions = read('A :c:expr:`PyObject*` and :cpp:texpr:`int *`.\n');
  assert.doesNotMatch(expressions.messages, /Unknown interpreted text role/);
  assert.deepEqual(all(expressions.document, 'desc_inline').map((node) => node.classes), [
    ['c-expr', 'sig', 'sig-inline', 'c'],
    ['cpp-texpr', 'sig', 'sig-inline', 'cpp'],
  ]);
  // Options outside Sphinx's option spec are still the directive's error.
  assert.match(read('.. py:data:: x\n   :final:\n').messages, /Error in "py:data" directive:\nunknown option: "final"\./);
});

test('hlist with :columns: 0 (ZeroDivisionError in Sphinx) is the directive\'s error, not an exception', () => {
  const { document, messages } = read('.. hlist::\n   :columns: 0\n\n   * a\n   * b\n');
  assert.match(messages, /\(ERROR\/3\) Error in "hlist" directive:\n":columns:" must not be 0 \(Sphinx fails with "ZeroDivisionError: integer division or modulo by zero"\)\./);
  assert.equal(all(document, 'hlist').length, 0);
});

test('toctree glob: documents reached through symbolic links count only when they stay under the root', () => {
  const scratch = tempDirectory('specwright-sphinx-');
  const srcdir = join(scratch, 'root');
  mkdirSync(join(srcdir, 'specs', 'real'), { recursive: true });
  mkdirSync(join(scratch, 'elsewhere'));
  writeFileSync(join(srcdir, 'index.rst'), 'Index\n=====\n');
  writeFileSync(join(srcdir, 'specs', 'a.rst'), 'A\n=\n');
  writeFileSync(join(srcdir, 'specs', 'real', 'c.rst'), 'C\n=\n');
  writeFileSync(join(scratch, 'elsewhere', 'outside.rst'), 'O\n=\n');
  symlinkSync(join(srcdir, 'specs', 'a.rst'), join(srcdir, 'specs', 'alias.rst'));
  symlinkSync(join(scratch, 'elsewhere', 'outside.rst'), join(srcdir, 'specs', 'outside.rst'));
  symlinkSync(join(srcdir, 'specs', 'real'), join(srcdir, 'specs', 'linked'));
  const { document } = publish('.. toctree::\n   :glob:\n\n   specs/*\n   specs/*/*\n', {
    sourcePath: join(srcdir, 'index.rst'),
    settings: { ...SETTINGS, root: srcdir },
    registry: sphinxRegistry({ srcdir }),
  });
  assert.deepEqual(one(document, 'toctree').get('includefiles'), ['specs/a', 'specs/alias', 'specs/linked/c', 'specs/real/c']);
});

test('index directive and role: index nodes with entry tuples and their targets', () => {
  const { document } = read('.. index::\n   single: scheduler; filters\n   pair: placement; allocation\n\nThe :index:`scheduler` picks hosts.\n');
  const [directiveIndex, roleIndex] = all(document, 'index');
  assert.deepEqual(indexEntriesOf(directiveIndex!).map((entry) => [...entry]), [
    ['single', 'scheduler; filters', 'index-0', '', null],
    ['pair', 'placement; allocation', 'index-0', '', null],
  ]);
  assert.equal(directiveIndex!.get('inline'), false);
  assert.deepEqual(indexEntriesOf(roleIndex!).map((entry) => [...entry]), [['single', 'scheduler', 'index-1', '', null]]);
  const paragraph = roleIndex!.parent!;
  assert.equal(paragraph.astext(), 'The scheduler picks hosts.');
  assert.ok(all(document, 'target').some((target) => target.ids.includes('index-1')));
});

test('glossary: a definition list whose terms carry ids, index entries and :term: references resolve by name', () => {
  const { document, messages } = read('.. glossary::\n\n   Cell\n      A group of computes.\n\n   API\n      The interface.\n\nSee :term:`Cell`.\n');
  assert.equal(messages, '');
  const glossary = one(document, 'glossary');
  const list = one(glossary, 'definition_list');
  assert.deepEqual(list.classes, ['glossary']);
  const terms = all(list, 'term');
  assert.deepEqual(terms.map((term) => [term.astext(), term.ids]), [['Cell', ['term-Cell']], ['API', ['term-API']]]);
  assert.deepEqual(indexEntriesOf(one(terms[0]!, 'index')).map((entry) => [...entry]), [['single', 'Cell', 'term-Cell', 'main', null]]);
  const reference = one(document, 'pending_xref');
  assert.deepEqual([reference.get('reftype'), reference.get('reftarget')], ['term', 'Cell']);
});

test('program and option: desc nodes whose signature ids include the program name', () => {
  const { document } = read('.. program:: nova-manage\n\n.. option:: --verbose\n\n   Be verbose.\n\nUse :option:`--verbose`.\n');
  const desc = one(document, 'desc');
  assert.deepEqual([desc.get('domain'), desc.get('objtype')], ['std', 'option']);
  const signature = one(desc, 'desc_signature');
  assert.deepEqual(signature.ids, ['cmdoption-nova-manage-verbose']);
  assert.equal(one(signature, 'desc_name').astext(), '--verbose');
  assert.equal(one(desc, 'desc_content').astext(), 'Be verbose.');
  assert.equal(one(document, 'pending_xref').get('std:program'), 'nova-manage');
});

test('versionadded/deprecated and seealso are admonition-like nodes with Sphinx\'s labels', () => {
  const { document } = read('.. versionadded:: 2023.1\n\n   Added the thing.\n\n.. deprecated:: 2024.1\n\n.. seealso:: :doc:`other`\n');
  const [added, deprecated] = all(document, 'versionmodified');
  assert.deepEqual([added!.get('type'), added!.get('version')], ['versionadded', '2023.1']);
  assert.equal(added!.astext(), 'New in version 2023.1: Added the thing.');
  assert.equal(deprecated!.astext(), 'Deprecated since version 2024.1.');
  assert.ok(one(document, 'seealso').is('Admonition'));
});

test('only keeps its content under an only node with the expression', () => {
  const { document } = read('.. only:: html\n\n   Web only.\n');
  const only = one(document, 'only');
  assert.deepEqual([only.get('expr'), only.astext()], ['html', 'Web only.']);
});

test('literalinclude reads files under the root only, like include', () => {
  const srcdir = tempDirectory('specwright-sphinx-');
  writeFileSync(join(srcdir, 'sample.py'), 'import os\n\nprint(os.sep)\n');
  const text = '.. literalinclude:: sample.py\n   :language: python\n   :lines: 3\n\n.. literalinclude:: /../../etc/hostname\n';
  const { document, messages } = publish(text, {
    sourcePath: join(srcdir, 'doc.rst'),
    settings: { ...SETTINGS, root: srcdir },
    registry: sphinxRegistry({ srcdir }),
  });
  const block = one(document, 'literal_block');
  assert.equal(block.astext(), 'print(os.sep)\n');
  assert.deepEqual([block.get('language'), block.get('source')], ['python', join(srcdir, 'sample.py')]);
  assert.deepEqual(block.get('highlight_args'), { linenostart: 1 });
  assert.match(messages, /\(WARNING\/2\) Include file '\/etc\/hostname' not found or reading it failed/);
});

test('py and c domain roles: pending_xref with the domain, module context and fix_parens titles', () => {
  const { document } = read(':class:`nova.objects.Instance`, :py:meth:`~nova.compute.API.create`, :c:func:`printf`.\n');
  const [klass, method, cfunc] = all(document, 'pending_xref');
  assert.deepEqual([klass!.get('refdomain'), klass!.get('reftype'), klass!.get('reftarget'), klass!.get('py:module')], ['py', 'class', 'nova.objects.Instance', null]);
  assert.equal(method!.astext(), 'create()');
  assert.equal(method!.get('reftarget'), 'nova.compute.API.create');
  assert.deepEqual([cfunc!.get('refdomain'), cfunc!.get('reftype'), cfunc!.astext()], ['c', 'func', 'printf()']);
});

test('sphinx.ext.graphviz: graph directives only when conf.py loads it; an unreadable dot file is a warning', () => {
  const text = 'Deps\n====\n\n.. digraph:: deps\n\n   a -> b;\n\n.. graphviz:: latin1.dot\n';
  const unknown = read(text);
  assert.equal(all(unknown.document, 'graphviz').length, 0);
  assert.match(unknown.messages, /Unknown directive type "digraph"/);
  const srcdir = tempDirectory('specwright-graphviz-');
  // Sphinx itself stops with UnicodeDecodeError here; specwright reports the file and goes on.
  writeFileSync(join(srcdir, 'latin1.dot'), Buffer.from('digraph { \xe9 }\n', 'latin1'));
  const known = publish(text, {
    sourcePath: join(srcdir, 'spec.rst'),
    settings: { ...SETTINGS, root: srcdir },
    registry: sphinxRegistry({ srcdir, extensions: [...OPENSTACK_SPEC_EXTENSIONS, 'sphinx.ext.graphviz'] }),
  });
  assert.equal(one(known.document, 'graphviz').get('code'), 'digraph deps {\na -> b;\n}\n');
  assert.doesNotMatch(known.messages, /Unknown directive/);
  assert.match(known.messages, /\(WARNING\/2\) External Graphviz file '.*latin1\.dot' not found or reading it failed/);
});
