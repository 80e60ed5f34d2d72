import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_TEXT } from '../../src/spec/default-template.js';
import { locateSpec, parseLayout } from '../../src/spec/layout.js';
import { findRepositoryRoot, SpecRepository } from '../../src/spec/repository.js';
import { makeTree } from './temp-directory.js';

describe('repository root', () => {
  it('is the nearest directory with specs/ when there is no configuration', () => {
    const root = makeTree({ 'examples/demo/specs/rocky/approved/a.rst': 'x\n' });
    const demo = join(root, 'examples/demo');
    assert.equal(findRepositoryRoot(join(demo, 'specs/rocky/approved/a.rst')), demo);
    assert.equal(findRepositoryRoot(join(demo, 'specs')), demo);
    assert.equal(findRepositoryRoot(join(demo, 'specs/rocky')), demo);
  });

  it('prefers a configuration file above a specs/ directory', () => {
    const root = makeTree({ 'specwright.toml': '[layout]\nspecs = "doc/specs/{release}/*.rst"\n', 'doc/specs/rocky/a.rst': 'x\n' });
    assert.equal(findRepositoryRoot(join(root, 'doc/specs/rocky/a.rst')), root);
  });

  it('falls back to the git work tree, and does not look above it', () => {
    const root = makeTree({ 'notes/a.rst': 'x\n' });
    assert.equal(findRepositoryRoot(join(root, 'notes/a.rst')), root);
  });
});

describe('layout', () => {
  const layout = parseLayout('specs/{release}/{status}/*.rst');

  it('locates specs', () => {
    assert.deepEqual(locateSpec(layout, 'specs/rocky/approved/a.rst'), {
      relativePath: 'specs/rocky/approved/a.rst',
      release: 'rocky',
      status: 'approved',
      project: null,
      releaseDirectory: 'specs/rocky',
      releasesParent: 'specs',
      name: 'a',
    });
    assert.equal(locateSpec(layout, 'specs/rocky-template.rst'), null);
    assert.equal(locateSpec(layout, 'specs/rocky/a.rst'), null);
    assert.equal(locateSpec(layout, 'specs/rocky/approved/a.txt'), null);
    assert.equal(locateSpec(layout, 'specs/.hidden/approved/a.rst'), null);
  });

  it('supports projects and flat releases', () => {
    const projects = parseLayout('specs/{project}/{release}/{status}/*.rst');
    const location = locateSpec(projects, 'specs/nova/2025.1/approved/a.rst');
    assert.equal(location?.project, 'nova');
    assert.equal(location?.releasesParent, 'specs/nova');
    const flat = parseLayout('specs/{release}/*.rst');
    assert.equal(locateSpec(flat, 'specs/2025.1/a.rst')?.status, null);
  });

  it('never takes a directory\'s index.rst (its Sphinx page, as in neutron-specs\' release directories) for a spec', () => {
    assert.equal(locateSpec(parseLayout('specs/{release}/*.rst'), 'specs/pike/index.rst'), null);
    assert.equal(locateSpec(parseLayout('specs/{release}/{status}/*.rst'), 'specs/pike/approved/index.rst'), null);
    assert.notEqual(locateSpec(parseLayout('specs/{release}/*.rst'), 'specs/pike/index-cleanup.rst'), null);
  });

  it('takes <name>/index.rst where a spec file would be for the spec <name>, with spec-directories (tacker-specs)', () => {
    const flat = parseLayout('specs/{release}/*.rst', { specDirectories: true });
    assert.deepEqual(
      { ...locateSpec(flat, 'specs/2025.1/enhance-scale/index.rst') },
      { relativePath: 'specs/2025.1/enhance-scale/index.rst', release: '2025.1', status: null, project: null, releaseDirectory: 'specs/2025.1', releasesParent: 'specs', name: 'enhance-scale' },
    );
    assert.equal(locateSpec(flat, 'specs/2025.1/enhance-scale.rst')?.name, 'enhance-scale');
    assert.equal(locateSpec(flat, 'specs/2025.1/enhance-scale/other.rst'), null);
    assert.equal(locateSpec(parseLayout('specs/{release}/*.rst'), 'specs/2025.1/enhance-scale/index.rst'), null);
  });
});

describe('layout read off the repository (no layout.specs configured)', () => {
  const open = (files: Record<string, string>) => SpecRepository.open(makeTree(files)).layout.pattern;

  it('is OpenStack\'s when a release directory has approved/, implemented/ or redirects/', () => {
    assert.equal(open({ 'specs/rocky/approved/a.rst': 'x\n' }), 'specs/{release}/{status}/*.rst');
    // A spec misplaced beside approved/ keeps the OpenStack layout, so directory-layout still reports it.
    assert.equal(open({ 'specs/rocky/implemented/a.rst': 'x\n', 'specs/stein/b.rst': 'x\n' }), 'specs/{release}/{status}/*.rst');
    assert.equal(open({ 'specs/rocky/redirects/x': '', 'specs/rocky/b.rst': 'x\n' }), 'specs/{release}/{status}/*.rst');
  });

  it('is specs/{release}/*.rst when releases hold specs themselves and no status directory exists', () => {
    const root = makeTree({ 'specs/kilo/a.rst': 'x\n', 'specs/liberty/b.rst': 'x\n', 'specs/.hidden/approved/c.rst': 'x\n' });
    const repository = SpecRepository.open(root);
    assert.equal(repository.layout.pattern, 'specs/{release}/*.rst');
    assert.deepEqual(repository.specFiles().map((path) => repository.relative(path)), ['specs/kilo/a.rst', 'specs/liberty/b.rst']);
  });

  it('is OpenStack\'s when there is nothing to tell by, and never overrides a configured one', () => {
    assert.equal(open({ 'README.rst': 'x\n' }), 'specs/{release}/{status}/*.rst');
    assert.equal(open({ 'specs/rocky/notes.txt': 'x\n' }), 'specs/{release}/{status}/*.rst');
    assert.equal(open({ 'specwright.toml': '[layout]\nspecs = "specs/{release}/{status}/*.rst"\n', 'specs/kilo/a.rst': 'x\n' }), 'specs/{release}/{status}/*.rst');
  });
});

describe('spec repository', () => {
  it('lists spec files and releases, leaving out excluded ones', () => {
    const root = makeTree({
      'specwright.toml': 'exclude = ["specs/abandoned", "**/draft-*.rst"]\n',
      'specs/rocky/approved/a.rst': 'x\n',
      'specs/rocky/implemented/b.rst': 'x\n',
      'specs/rocky/approved/draft-c.rst': 'x\n',
      'specs/rocky/approved/notes.txt': 'x\n',
      'specs/stein/approved/.hidden.rst': 'x\n',
      'specs/abandoned/approved/d.rst': 'x\n',
      'specs/rocky-template.rst': 'x\n',
    });
    const repository = SpecRepository.open(root, { cwd: root });
    assert.deepEqual(
      repository.specFiles().map((path) => repository.relative(path)),
      ['specs/rocky/approved/a.rst', 'specs/rocky/implemented/b.rst'],
    );
    assert.deepEqual(
      repository.releaseDirectories().map((release) => release.release),
      ['rocky', 'stein'],
    );
  });

  it('finds <release>-template.rst, then template.rst, then the embedded template', () => {
    const root = makeTree({
      'specs/rocky-template.rst': 'rocky template\n',
      'specs/template.rst': 'global template\n',
      'specs/rocky/approved/a.rst': 'x\n',
      'specs/stein/approved/b.rst': 'x\n',
    });
    const repository = SpecRepository.open(root, { cwd: root });
    const rocky = repository.templateFor(repository.locate(join(root, 'specs/rocky/approved/a.rst'))!);
    assert.equal(rocky.name, 'specs/rocky-template.rst');
    assert.equal(rocky.text, 'rocky template\n');
    const stein = repository.templateFor(repository.locate(join(root, 'specs/stein/approved/b.rst'))!);
    assert.equal(stein.name, 'specs/template.rst');

    const bare = makeTree({ 'specs/rocky/approved/a.rst': 'x\n' });
    const embedded = SpecRepository.open(bare, { cwd: bare });
    const fallback = embedded.templateFor(embedded.locate(join(bare, 'specs/rocky/approved/a.rst'))!);
    assert.equal(fallback.path, null);
    assert.equal(fallback.name, DEFAULT_TEMPLATE_NAME);
    assert.equal(fallback.text, DEFAULT_TEMPLATE_TEXT);
  });

  it('looks for project templates before the global one', () => {
    const root = makeTree({
      'specwright.toml': '[layout]\nspecs = "specs/{project}/{release}/{status}/*.rst"\n',
      'specs/template.rst': 'global\n',
      'specs/nova/template.rst': 'nova\n',
      'specs/nova/2025.1/approved/a.rst': 'x\n',
      'specs/cinder/2025.1/approved/b.rst': 'x\n',
    });
    const repository = SpecRepository.open(root, { cwd: root });
    assert.equal(repository.templateFor(repository.locate(join(root, 'specs/nova/2025.1/approved/a.rst'))!).name, 'specs/nova/template.rst');
    assert.equal(repository.templateFor(repository.locate(join(root, 'specs/cinder/2025.1/approved/b.rst'))!).name, 'specs/template.rst');
  });

  it('uses a configured template path and reports a missing one', () => {
    const root = makeTree({
      'specwright.toml': '[template]\npath = "doc/template.rst"\n[template.release.rocky]\npath = "missing.rst"\n',
      'doc/template.rst': 'configured\n',
      'specs/stein/approved/a.rst': 'x\n',
      'specs/rocky/approved/b.rst': 'x\n',
    });
    const repository = SpecRepository.open(root, { cwd: root });
    assert.equal(repository.templateFor({ release: 'stein', releasesParent: 'specs' }).text, 'configured\n');
    assert.throws(() => repository.templateFor({ release: 'rocky', releasesParent: 'specs' }), /template "missing.rst" \(set in the configuration\) does not exist/);
  });

  it('reads Sphinx extensions from conf.py unless the configuration sets them', () => {
    const root = makeTree({ 'doc/source/conf.py': "extensions = ['sphinx.ext.todo']\n" });
    assert.deepEqual(SpecRepository.open(root, { cwd: root }).sphinxExtensions(), {
      extensions: ['sphinx.ext.todo'],
      source: 'conf.py',
      unresolved: [],
    });
    const configured = makeTree({ 'doc/source/conf.py': "extensions = ['a']\n", 'specwright.toml': '[sphinx]\nextensions = ["b"]\n' });
    assert.deepEqual(SpecRepository.open(configured, { cwd: configured }).sphinxExtensions().extensions, ['b']);
    const none = makeTree({});
    mkdirSync(join(none, 'doc'));
    const defaults = SpecRepository.open(none, { cwd: none }).sphinxExtensions();
    assert.equal(defaults.source, 'default');
    assert.ok(defaults.extensions.includes('sphinx.ext.todo'));
  });
});
