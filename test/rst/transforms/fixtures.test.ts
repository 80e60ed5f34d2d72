/**
 * Publishes test/fixtures/transforms/*.rst and compares the pseudo-XML and
 * the warning stream with docutils' (NAME.pseudoxml, NAME.messages).
 *
 * NAME.settings.json, when present, holds docutils settings (docutils' names)
 * that differ from the oracle's profile; those expectations come from
 * scripts/transform-oracle.py.
 *
 * UPDATE=1 regenerates the expectations with ../shared/tools/docutils-oracle
 * (or scripts/transform-oracle.py for fixtures with settings).
 *
 * docutils reports "Using <module '…' from '/path/…'> for language …" once
 * per process for a non-English language; the text names docutils' install
 * path, so those lines are left out of the comparison.
 * A fixture that uses a directive the engine does not have yet is skipped,
 * with the directive named in the skip reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { publish } from '../../../src/rst/publish.js';
import { testRegistry } from './registry.js';

const FIXTURES = 'test/fixtures/transforms';
const ORACLE = ['../shared/tools/docutils-oracle', '/work/shared/tools/docutils-oracle']
  .map((path) => resolve(path))
  .find((path) => existsSync(path));

const DIRECTIVE_USE = /^\s*\.\.\s+(?:\|[^|]+\|\s+)?([A-Za-z][\w-]*)::/gm;

const LANGUAGE_MODULE_REPORT = /^[^:]*:\d*: \(INFO\/1\) Using <module '/;

/** docutils setting names → the engine's (snake_case → camelCase; false backlinks → "none"). */
function toSettings(docutilsSettings: Record<string, unknown>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(docutilsSettings)) {
    const camel = name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    settings[camel] = name === 'toc_backlinks' && value === false ? 'none' : value;
  }
  return settings;
}

const registry = await testRegistry();

for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.rst')).sort()) {
  const base = name.slice(0, -'.rst'.length);
  const input = readFileSync(join(FIXTURES, name), 'utf8');
  const settingsFile = join(FIXTURES, `${base}.settings.json`);
  const docutilsSettings = existsSync(settingsFile)
    ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)
    : null;
  if (process.env['UPDATE'] && ORACLE) {
    const result = docutilsSettings
      ? spawnSync('python3', ['../../../scripts/transform-oracle.py', name, JSON.stringify(docutilsSettings)], {
          cwd: FIXTURES,
          encoding: 'utf8',
        })
      : spawnSync(ORACLE, ['document', name], { cwd: FIXTURES, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`reference output for ${name} failed: ${String(result.error ?? result.stderr)}`);
    writeFileSync(join(FIXTURES, `${base}.pseudoxml`), result.stdout);
    writeFileSync(join(FIXTURES, `${base}.messages`), result.stderr);
  }
  const missing = [...input.matchAll(DIRECTIVE_USE)]
    .map((match) => match[1]!.toLowerCase())
    .filter((directive) => !registry().directives.has(directive));
  const skip = missing.length > 0 ? `directives not available yet: ${[...new Set(missing)].join(', ')}` : false;
  test(`publish ${name}`, { skip }, () => {
    const result = publish(input, {
      sourcePath: name,
      settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', ...toSettings(docutilsSettings ?? {}) },
      registry: registry(),
    });
    assert.equal(result.document.pformat(), readFileSync(join(FIXTURES, `${base}.pseudoxml`), 'utf8'));
    const expectedMessages = readFileSync(join(FIXTURES, `${base}.messages`), 'utf8')
      .split('\n')
      .filter((line) => !LANGUAGE_MODULE_REPORT.test(line))
      .join('\n');
    assert.equal(result.messages, expectedMessages);
  });
}
