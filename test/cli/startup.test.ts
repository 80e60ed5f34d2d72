/**
 * Startup: commands are registered without loading their implementations
 * (`specwright doctree` never loads the linter, `--help` loads neither),
 * and help still lists every command and option.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PROFILE_NAMES as DECLARED_PROFILES } from '../../src/cli/definitions.js';
import { FORMAT_NAMES } from '../../src/lint/formatters/index.js';
import { PROFILE_NAMES } from '../../src/rst/profiles/index.js';

const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');
const scratch = mkdtempSync(join(tmpdir(), 'specwright-startup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Records the URL of every module loaded (ES modules, and the entry module of each CommonJS package). */
const RECORD_LOADS = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.SPECWRIGHT_LOAD_LOG, url + '\\\\n');
  return next(url, context);
}
\`));
`)}`;

function run(args: readonly string[], name: string): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const log = join(scratch, `${name}.log`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), '--import', RECORD_LOADS, MAIN, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', SPECWRIGHT_LOAD_LOG: log },
  });
  const loaded = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
}

const isLinter = (url: string) => (/\/src\/(lint|spec)\//.test(url) && !url.endsWith('/src/lint/formatters/names.ts')) || /\/node_modules\/(ajv|smol-toml)\//.test(url);
const isEngine = (url: string) => url.includes('/src/rst/');

describe('startup', () => {
  it('loads neither the linter nor the engine for --help, and lists every command', () => {
    const help = run(['--help'], 'help');
    assert.equal(help.status, 0);
    for (const command of ['doctree', 'lint', 'rules']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.ok(help.loaded.some((url) => url.endsWith('/src/cli/main.ts')), 'the load log works');
    assert.deepEqual(help.loaded.filter((url) => isLinter(url) || isEngine(url)), []);
  });

  it('prints its version (from package.json) for --version and -V, loading neither', () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = run([flag], `version${flag}`);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${version}\n`);
      assert.deepEqual(result.loaded.filter((url) => isLinter(url) || isEngine(url)), []);
    }
  });

  it('lists every lint option in lint --help, without loading the linter', () => {
    const help = run(['lint', '--help'], 'lint-help');
    assert.equal(help.status, 0);
    for (const option of ['--format', '--config', '--fix', '--output', '--quiet', '--rule', '--cache', '--cache-location', '--concurrency', '--color', '--no-color']) {
      assert.match(help.stdout, new RegExp(`${option}\\b`), option);
    }
    assert.match(help.stdout, new RegExp(FORMAT_NAMES.join(', ')));
    assert.deepEqual(help.loaded.filter(isLinter), []);
  });

  it('runs doctree without loading the linter', () => {
    writeFileSync(join(scratch, 'a.rst'), 'Title\n=====\n\nText.\n');
    const doctree = run(['doctree', 'a.rst'], 'doctree');
    assert.equal(doctree.status, 0, doctree.stderr);
    assert.match(doctree.stdout, /^<document ids="title" names="title" source="a\.rst" title="Title">/);
    assert.ok(doctree.loaded.some(isEngine));
    assert.deepEqual(doctree.loaded.filter(isLinter), []);
  });

  it('loads the linter for lint, and the rules for rules', () => {
    const lint = run(['lint', 'a.rst'], 'lint');
    assert.ok(lint.loaded.some(isLinter));
    const rules = run(['rules'], 'rules');
    assert.equal(rules.status, 0);
    assert.match(rules.stdout, /^rule\s+default\s+fix\s+description$/m);
  });

  it('names the engine\'s profiles in doctree --help', () => {
    assert.deepEqual([...DECLARED_PROFILES], [...PROFILE_NAMES]);
  });
});
