import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_TEMPLATE_TEXT } from '../../src/spec/default-template.js';

const SHARED = join(import.meta.dirname, '../../../shared/conformance/corpus/watcher-specs/specs/rocky-template.rst');

describe('embedded default template', () => {
  it('is the Watcher template: its title, sections and final newline', () => {
    assert.ok(DEFAULT_TEMPLATE_TEXT.includes('Example Spec - The title of your blueprint\n'));
    for (const section of ['Problem description', 'Proposed change', 'Implementation', 'Dependencies', 'Testing', 'Documentation Impact', 'References', 'History']) {
      assert.ok(DEFAULT_TEMPLATE_TEXT.includes(`\n${section}\n${'='.repeat(section.length)}\n`), section);
    }
    assert.ok(DEFAULT_TEMPLATE_TEXT.endsWith('\n'));
  });

  it('is a byte-for-byte copy of watcher-specs\' rocky-template.rst', { skip: !existsSync(SHARED) && 'the shared corpus is not available' }, () => {
    assert.equal(DEFAULT_TEMPLATE_TEXT, readFileSync(SHARED, 'utf8'));
  });
});
