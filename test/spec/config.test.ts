import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  defaultConfig,
  loadConfig,
  parseConfigText,
  pyprojectHasSpecwrightTable,
  templateSettingsFor,
} from '../../src/spec/config.js';
import { SpecError } from '../../src/spec/errors.js';
import { makeTree } from './temp-directory.js';

function errorOf(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  assert.fail('expected a SpecError');
}

describe('configuration', () => {
  it('has OpenStack defaults', () => {
    const config = defaultConfig();
    assert.equal(config.layout.specs, 'specs/{release}/{status}/*.rst');
    assert.deepEqual(config.layout.releaseEntries, ['approved', 'implemented', 'redirects']);
    assert.deepEqual(config.template.optionalSections, ['History']);
    assert.deepEqual(config.template.optionalSubsections, []);
  });

  it('reads the issue\'s example', () => {
    const config = parseConfigText(
      [
        '[template]',
        'optional-sections = ["History"]',
        'optional-subsections = ["Feature Liaison"]',
        '[template.release.queens]',
        'optional-subsections = ["Upgrade impact"]',
        '[rules]',
        'line-length = { max = 79 }',
        'ascii-diagrams = "off"',
      ].join('\n'),
      'specwright.toml',
      'specwright',
    );
    assert.deepEqual(config.template.optionalSubsections, ['Feature Liaison']);
    assert.deepEqual({ ...(config.rules['line-length'] as object) }, { max: 79 });
    assert.equal(config.rules['ascii-diagrams'], 'off');
  });

  it('lets a release replace the global lists', () => {
    const config = parseConfigText(
      '[template]\noptional-subsections = ["Feature Liaison"]\n[template.release.queens]\noptional-subsections = ["Upgrade impact"]\n',
      'specwright.toml',
      'specwright',
    );
    assert.deepEqual(templateSettingsFor(config, 'queens').optionalSubsections, ['Upgrade impact']);
    assert.deepEqual(templateSettingsFor(config, 'queens').optionalSections, ['History']);
    assert.deepEqual(templateSettingsFor(config, 'rocky').optionalSubsections, ['Feature Liaison']);
    assert.deepEqual(templateSettingsFor(config, null).optionalSubsections, ['Feature Liaison']);
  });

  it('names the file, line and column of a TOML syntax error', () => {
    const error = errorOf(() => parseConfigText('[rules\nx = 1\n', 'specwright.toml', 'specwright'));
    assert.equal(error.code, 'config-syntax');
    assert.equal(error.file, 'specwright.toml');
    assert.match(error.message, /^1:\d+: invalid TOML/);
  });

  it('names unknown keys with a suggestion', () => {
    const error = errorOf(() => parseConfigText('[template]\noptional-section = ["History"]\n', 'specwright.toml', 'specwright'));
    assert.equal(error.code, 'config-invalid');
    assert.equal(error.message, 'template.optional-section: unknown key (did you mean "optional-sections"?)');
    const top = errorOf(() => parseConfigText('[rule]\n', 'specwright.toml', 'specwright'));
    assert.equal(top.message, 'rule: unknown key (did you mean "rules"?)');
  });

  it('names the key of a wrong type', () => {
    const error = errorOf(() => parseConfigText('exclude = "specs/abandoned"\n', 'x.toml', 'specwright'));
    assert.equal(error.message, 'exclude: must be an array, not the string "specs/abandoned"');
    const nested = errorOf(() => parseConfigText('[template.release.queens]\noptional-subsections = [1]\n', 'x.toml', 'specwright'));
    assert.equal(nested.message, 'template.release.queens.optional-subsections[0]: must be a string, not number 1');
  });

  it('checks rule severities', () => {
    const error = errorOf(() => parseConfigText('[rules]\nline-length = "loud"\n', 'x.toml', 'specwright'));
    assert.match(error.message, /^rules\.line-length: must be one of "off", "warning", "error" or a table of options, not "loud"$/);
    const table = errorOf(() => parseConfigText('[rules]\nline-length = { severity = "loud" }\n', 'x.toml', 'specwright'));
    assert.match(table.message, /^rules\.line-length\.severity: must be one of/);
  });

  it('checks the layout pattern', () => {
    const error = errorOf(() => parseConfigText('[layout]\nspecs = "specs/*.rst"\n', 'x.toml', 'specwright'));
    assert.match(error.message, /^layout\.specs: "specs\/\*\.rst" must contain the segment \{release\} exactly once$/);
    const unknown = errorOf(() => parseConfigText('[layout]\nspecs = "specs/{cycle}/{release}/*.rst"\n', 'x.toml', 'specwright'));
    assert.match(unknown.message, /unknown placeholder segment "\{cycle\}"/);
    const ok = parseConfigText('[layout]\nspecs = "specs/{project}/{release}/{status}/*.rst"\n', 'x.toml', 'specwright');
    assert.equal(ok.layout.specs, 'specs/{project}/{release}/{status}/*.rst');
  });

  it('reads [tool.specwright] from pyproject.toml and prefixes its keys', () => {
    const text = '[project]\nname = "x"\n\n[tool.specwright]\nexclude = ["specs/abandoned/**"]\n';
    assert.ok(pyprojectHasSpecwrightTable(text));
    assert.ok(!pyprojectHasSpecwrightTable('[tool.black]\n'));
    assert.deepEqual(parseConfigText(text, 'pyproject.toml', 'pyproject').exclude, ['specs/abandoned/**']);
    const error = errorOf(() => parseConfigText('[tool.specwright]\nexlude = []\n', 'pyproject.toml', 'pyproject'));
    assert.equal(error.message, 'tool.specwright.exlude: unknown key (did you mean "exclude"?)');
  });

  it('finds specwright.toml first, then pyproject.toml, then defaults', () => {
    const both = makeTree({ 'specwright.toml': 'exclude = ["a"]\n', 'pyproject.toml': '[tool.specwright]\nexclude = ["b"]\n' });
    assert.deepEqual(loadConfig(both, { cwd: both }).exclude, ['a']);
    assert.equal(loadConfig(both, { cwd: both }).file, 'specwright.toml');
    const pyproject = makeTree({ 'pyproject.toml': '[tool.specwright]\nexclude = ["b"]\n' });
    assert.deepEqual(loadConfig(pyproject, { cwd: pyproject }).exclude, ['b']);
    const other = makeTree({ 'pyproject.toml': '[tool.black]\nline-length = 80\n' });
    assert.equal(loadConfig(other, { cwd: other }).file, null);
  });

  it('uses --config instead, and reports a missing one', () => {
    const root = makeTree({ 'specwright.toml': 'exclude = ["a"]\n', 'other.toml': 'exclude = ["c"]\n' });
    assert.deepEqual(loadConfig(root, { cwd: root, explicitFile: 'other.toml' }).exclude, ['c']);
    const error = errorOf(() => loadConfig(root, { cwd: root, explicitFile: 'missing.toml' }));
    assert.equal(error.code, 'config-not-found');
    assert.equal(error.describe(), 'missing.toml: configuration file not found');
  });

  it('rejects a configuration file that is not UTF-8', () => {
    const root = makeTree({ 'specwright.toml': Buffer.from([0x65, 0x78, 0xff, 0x0a]) });
    const error = errorOf(() => loadConfig(root, { cwd: root }));
    assert.equal(error.describe(), 'specwright.toml: is not valid UTF-8');
  });
});
