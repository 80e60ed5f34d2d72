/**
 * ajv, loaded on first use. Most runs validate nothing (no configuration
 * file, no rule options, no JSON schema in a spec), and loading ajv is a
 * quarter of the linter's start-up; ajv is CommonJS, so it can be required
 * synchronously when it is needed.
 */
import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';

const require = createRequire(import.meta.url);

export function createAjv(options: Options): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass(options);
}
