/**
 * A vendored sample of real specs and broken variants (from
 * ../shared/conformance, see scripts/vendor-conformance-sample.py), and of
 * documents from elsewhere (unseen/, see its README): the published tree
 * and the warning stream must equal docutils' stored output.
 * `npm run conformance` runs the whole set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publish } from '../../src/rst/publish.js';
import { profileRegistry } from '../../src/rst/profiles/index.js';

const fixtures = new URL('../fixtures/conformance/', import.meta.url).pathname;

function rstFiles(root: string, dir = root, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) rstFiles(root, full, out);
    else if (name.endsWith('.rst')) out.push(relative(root, full));
  }
  return out;
}

for (const kind of readdirSync(fixtures).sort()) {
  for (const repo of readdirSync(join(fixtures, kind)).sort()) {
    const root = join(fixtures, kind, repo);
    if (!statSync(root).isDirectory()) continue;
    test(`${kind}/${repo}: published trees and messages equal docutils'`, () => {
      const files = rstFiles(root);
      assert.ok(files.length > 0);
      for (const file of files) {
        const stem = join(root, file.slice(0, -4));
        const { document, messages } = publish(readFileSync(join(root, file), 'utf8'), {
          sourcePath: file,
          settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', root },
          registry: profileRegistry('docutils'),
        });
        assert.equal(document.pformat(), readFileSync(stem + '.pseudoxml', 'utf8'), `${file}: tree`);
        assert.equal(messages, readFileSync(stem + '.messages', 'utf8'), `${file}: messages`);
      }
    });
  }
}
