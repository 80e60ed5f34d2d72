/**
 * Regenerates test/fixtures/lint-parity/<repo>.json.br from the shared
 * conformance data (../shared/conformance/mutants/<repo>): the mutated
 * specs and their release templates (only .rst files), what the repo's
 * own tests and doc8 said about each (lint-verdicts.json), and what was
 * mutated (mutations.json). One brotli-compressed JSON file per repo
 * keeps the vendored data small.
 *
 *     node --import tsx test/lint/parity-fixtures.ts [MUTANTS_DIR]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { PARITY_REPOSITORIES, type ParityFixture } from './parity-data.js';

const source = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared/conformance/mutants'));
const target = join(import.meta.dirname, '../fixtures/lint-parity');

function collect(directory: string, root: string, out: Record<string, string>): void {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) collect(path, root, out);
    else if (name.endsWith('.rst')) out[relative(root, path).split(sep).join('/')] = readFileSync(path, 'latin1');
  }
}

for (const repository of PARITY_REPOSITORIES) {
  const root = join(source, repository.name);
  const files: Record<string, string> = {};
  collect(join(root, 'specs'), root, files);
  const fixture: ParityFixture = {
    name: repository.name,
    files,
    verdicts: JSON.parse(readFileSync(join(root, 'lint-verdicts.json'), 'utf8')),
    mutations: JSON.parse(readFileSync(join(root, 'mutations.json'), 'utf8')),
  };
  const json = Buffer.from(JSON.stringify(fixture), 'utf8');
  const compressed = brotliCompressSync(json, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  writeFileSync(join(target, `${repository.name}.json.br`), compressed);
  console.log(`${repository.name}: ${Object.keys(files).length} files, ${json.length} bytes → ${compressed.length} bytes`);
}
