/**
 * Inputs on which docutils 0.19 itself raises inside a transform: the
 * publish fails too, with an error naming the Python exception.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publish } from '../../../src/rst/publish.js';
import { TransformCrash } from '../../../src/rst/transforms/transform.js';
import { testRegistry } from './registry.js';

const registry = await testRegistry();
const hasReplace = registry().directives.has('replace');

test(
  'a substitution whose definition uses an undefined substitution (docutils: KeyError)',
  { skip: hasReplace ? false : 'the replace directive is not available yet' },
  () => {
    const input = 'Use |a|.\n\n.. |a| replace:: x |b|\n';
    assert.throws(
      () => publish(input, { sourcePath: 'n.rst', registry: registry() }),
      (error: unknown) =>
        error instanceof TransformCrash && error.pythonType === 'KeyError' && error.message.startsWith("KeyError: 'b'"),
    );
  },
);
