/**
 * Publishes test/fixtures/transforms/*.rst and compares the pseudo-XML and
 * the warning stream with docutils' (NAME.pseudoxml, NAME.messages).
 *
 * UPDATE=1 regenerates the expectations with ../shared/tools/docutils-oracle.
 * A fixture that uses a directive the engine does not have yet is skipped,
 * with the directive named in the skip reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { publish } from '../../../src/rst/publish.js';
import { testRegistry } from './registry.js';

const FIXTURES = 'test/fixtures/transforms';
const ORACLE = ['../shared/tools/docutils-oracle', '/work/shared/tools/docutils-oracle'].find((path) => existsSync(path));

const DIRECTIVE_USE = /^\s*\.\.\s+(?:\|[^|]+\|\s+)?([A-Za-z][\w-]*)::/gm;

const registry = await testRegistry();

for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.rst')).sort()) {
  const base = name.slice(0, -'.rst'.length);
  const input = readFileSync(join(FIXTURES, name), 'utf8');
  if (process.env['UPDATE'] && ORACLE) {
    const result = spawnSync(ORACLE, ['document', name], { cwd: FIXTURES, encoding: 'utf8' });
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
      settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none' },
      registry: registry(),
    });
    assert.equal(result.document.pformat(), readFileSync(join(FIXTURES, `${base}.pseudoxml`), 'utf8'));
    assert.equal(result.messages, readFileSync(join(FIXTURES, `${base}.messages`), 'utf8'));
  });
}
