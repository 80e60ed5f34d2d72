import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { brief, lintJson, specRepository } from '../lint-helpers.js';

const CLEAN = 'Title\n=====\n\nText.\n';

describe('directory-layout', () => {
  it('accepts approved, implemented and redirects, ignoring dot-files', () => {
    const root = specRepository({
      'specs/rocky/approved/a.rst': CLEAN,
      'specs/rocky/implemented/b.rst': CLEAN,
      'specs/rocky/redirects': 'a.rst ../approved/a.rst\n',
      'specs/rocky/.gitkeep': '',
      'specs/rocky/approved/.b.rst.swp': 'x',
      'specs/rocky-template.rst': CLEAN,
    });
    const { findings } = lintJson(root, [], { rule: ['line-length=off'] });
    assert.deepEqual(brief(findings.filter((finding) => finding.rule === 'directory-layout')), []);
  });

  it('reports other entries of a release directory and non-.rst files', () => {
    const root = specRepository({
      'specs/rocky/approved/a.rst': CLEAN,
      'specs/rocky/b.rst': CLEAN,
      'specs/rocky/proposed/c.rst': CLEAN,
      'specs/rocky/approved/d.txt': CLEAN,
      'specs/rocky/approved/images': null,
    });
    const { code, findings } = lintJson(root);
    assert.equal(code, 1);
    assert.deepEqual(
      findings.filter((finding) => finding.rule === 'directory-layout').map((finding) => [finding.file, finding.message]),
      [
        ['specs/rocky/approved/d.txt', '"d.txt" in specs/rocky/approved/ is not a spec: spec files must match *.rst.'],
        ['specs/rocky/approved/images', '"images" in specs/rocky/approved/ is not a spec: spec files must match *.rst.'],
        [
          'specs/rocky/b.rst',
          'Unexpected "b.rst" in specs/rocky/: a release directory holds only approved, implemented, redirects; specs should be submitted to specs/rocky/approved/.',
        ],
        [
          'specs/rocky/proposed',
          'Unexpected "proposed" in specs/rocky/: a release directory holds only approved, implemented, redirects; specs should be submitted to specs/rocky/approved/.',
        ],
      ],
    );
  });

  it('follows a layout with a project level below the status (glance-specs)', () => {
    const root = specRepository({
      'specwright.toml': '[layout]\nspecs = "specs/{release}/{status}/{project}/*.rst"\n',
      'specs/2024.1/approved/glance/a.rst': CLEAN,
      'specs/2024.1/approved/glance/b.txt': CLEAN,
      'specs/2024.1/approved/stray.rst': CLEAN,
      'specs/2024.1/implemented/glance-store/c.rst': CLEAN,
    });
    const layout = (paths: string[]) =>
      lintJson(root, paths, { rule: ['line-length=off'] })
        .findings.filter((finding) => finding.rule === 'directory-layout')
        .map((finding) => [finding.file, finding.message]);
    const expected = [
      ['specs/2024.1/approved/glance/b.txt', '"b.txt" in specs/2024.1/approved/glance/ is not a spec: spec files must match *.rst.'],
      ['specs/2024.1/approved/stray.rst', '"stray.rst" in specs/2024.1/approved/ is not a spec: spec files must match *.rst.'],
    ];
    assert.deepEqual(layout([]), expected);
    // The same, file by file, as pre-commit names them.
    assert.deepEqual(layout(['specs/2024.1/approved/glance/a.rst', 'specs/2024.1/approved/glance/b.txt', 'specs/2024.1/approved/stray.rst']), expected);
  });

  it('takes a directory holding index.rst for a spec with layout.spec-directories (tacker-specs)', () => {
    const spec = (url: string) => `=====\nTitle\n=====\n\n${url}\n\nSection\n=======\n\nText.\n`;
    const files = {
      'specs/template.rst': '=====\nTitle\n=====\n\nSection\n=======\n\nText.\n',
      'specs/2025.1/flat-spec.rst': spec('https://blueprints.launchpad.net/tacker/+spec/flat-spec'),
      'specs/2025.1/enhance-scale/index.rst': spec('https://blueprints.launchpad.net/tacker/+spec/enhance-scale'),
      'specs/2025.1/enhance-scale/diagram.png': 'png',
      'specs/2025.1/renamed/index.rst': spec('https://blueprints.launchpad.net/tacker/+spec/other-name'),
      'specs/2025.1/images': null,
    };
    const brief = (config: string) =>
      lintJson(specRepository({ ...files, 'specwright.toml': config }), [], { rule: ['line-length=off', 'filename-matches-blueprint=error'] })
        .findings.filter((finding) => ['directory-layout', 'filename-matches-blueprint'].includes(finding.rule))
        .map((finding) => `${finding.file} ${finding.rule}: ${finding.message}`);
    assert.deepEqual(brief('[layout]\nspecs = "specs/{release}/*.rst"\nspec-directories = true\n'), [
      'specs/2025.1/images directory-layout: "images" in specs/2025.1/ is not a spec: spec files must match *.rst.',
      'specs/2025.1/renamed/index.rst filename-matches-blueprint: The spec directory is named "renamed" but its blueprint is "other-name": name it other-name.',
    ]);
    // Without the setting, the directories are not specs.
    assert.deepEqual(brief('[layout]\nspecs = "specs/{release}/*.rst"\n').filter((line) => line.includes('directory-layout')).length, 3);
  });

  it('checks only where named files sit (as pre-commit passes them)', () => {
    const root = specRepository({
      'specs/rocky/approved/a.rst': CLEAN,
      'specs/rocky/b.rst': CLEAN,
      'specs/stein/elsewhere/c.rst': CLEAN,
    });
    const named = lintJson(root, ['specs/rocky/b.rst']);
    assert.deepEqual(brief(named.findings), ['specs/rocky/b.rst:1 directory-layout']);
    const fine = lintJson(root, ['specs/rocky/approved/a.rst']);
    assert.deepEqual(brief(fine.findings), []);
  });

  it('follows the configured layout and release entries', () => {
    const root = specRepository({
      'specwright.toml': '[layout]\nspecs = "specs/{release}/*.rst"\nrelease-entries = ["redirects"]\n',
      'specs/2025.1/a.rst': CLEAN,
      'specs/2025.1/redirects': 'x\n',
      'specs/2025.1/notes.md': 'x\n',
    });
    const { findings } = lintJson(root);
    assert.deepEqual(brief(findings), ['specs/2025.1/notes.md:1 directory-layout']);
  });

  it('skips excluded directories and honours per-file ignores', () => {
    const root = specRepository({
      'specwright.toml': 'exclude = ["specs/abandoned"]\n[per-file-ignores]\n"specs/legacy/**" = ["directory-layout"]\n',
      'specs/rocky/approved/a.rst': CLEAN,
      'specs/abandoned/x.rst': CLEAN,
      'specs/legacy/y.rst': CLEAN,
    });
    const { findings } = lintJson(root);
    assert.deepEqual(brief(findings), []);
    assert.ok(join(root, 'x'));
  });
});
