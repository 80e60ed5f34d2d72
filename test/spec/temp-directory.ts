/**
 * Throw-away directory trees for tests: `makeTree({ 'specs/x.rst': 'text' })`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

const created: string[] = [];
// Registered when the test file loads, so it runs once the whole file is done.
after(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

/** Creates a directory with the given files (a value of null makes an empty directory). */
export function makeTree(files: Record<string, string | Buffer | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'specwright-test-'));
  created.push(root);
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    if (content === null) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

/** An empty directory, removed when the test file ends. */
export function tempDirectory(prefix = 'specwright-test-'): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  created.push(directory);
  return directory;
}
