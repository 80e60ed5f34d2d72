import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { renderRuleJson, renderRuleList } from '../../src/cli/commands/rules.js';
import { RULES } from '../../src/lint/registry.js';

async function capture(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  // The command writes strings; the test runner's own reports (bytes) may pass while the command loads, and go through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    typeof chunk === 'string' ? ((stdout += chunk), true) : (write.out as (...args: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    typeof chunk === 'string' ? ((stderr += chunk), true) : (write.err as (...args: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = 0;
  }
}

describe('specwright rules', () => {
  it('lists every rule with its default severity and fix', async () => {
    const { code, stdout } = await capture(['rules']);
    assert.equal(code, 0);
    assert.equal(stdout, renderRuleList());
    assert.match(stdout, /^rule +default +fix +description$/m);
    assert.match(stdout, /^trailing-whitespace +error +fix +Disallow whitespace at the end of lines$/m);
    assert.match(stdout, /^ascii-diagrams +warning +Draw diagrams/m);
  });

  it('shows one rule\'s documentation', async () => {
    const { code, stdout } = await capture(['rules', 'line-length']);
    assert.equal(code, 0);
    assert.match(stdout, /^# line-length\n/);
    assert.match(stdout, /## What it does\n\nReports lines longer than `max`/);
    assert.match(stdout, /## Options\n\n- `max` \(integer, default 79\)/);
  });

  it('names an unknown rule with a suggestion and exits 2', async () => {
    const { code, stderr } = await capture(['rules', 'line-lenght']);
    assert.equal(code, 2);
    assert.equal(stderr, 'specwright: unknown rule "line-lenght" (did you mean "line-length"?); `specwright rules` lists them\n');
  });

  it('prints every rule\'s metadata as JSON', () => {
    const rules = JSON.parse(renderRuleJson()) as Array<{ id: string; docs: { whatItDoes: string } }>;
    assert.deepEqual(rules.map((rule) => rule.id), RULES.map((rule) => rule.meta.id));
    assert.ok(rules.every((rule) => rule.docs.whatItDoes.length > 0));
  });
});
