/**
 * Inputs on which docutils 0.19 itself raises inside a transform: the
 * publish records a TransformCrash naming the Python exception, reports it
 * as a severe system message and goes on.
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
    const { transformer, messages, document } = publish(input, {
      sourcePath: 'n.rst',
      settings: { haltLevel: 5 },
      registry: registry(),
    });
    const [crash] = transformer.crashes;
    assert.ok(crash instanceof TransformCrash);
    assert.equal(crash.pythonType, 'KeyError');
    assert.ok(crash.message.startsWith("KeyError: 'b'"));
    assert.equal(
      messages,
      "n.rst:: (SEVERE/4) Transform failed: KeyError: 'b' (in docutils.transforms.references.Substitutions, where docutils 0.19 raises too).\n",
    );
    assert.match(document.pformat(), /Docutils System Messages[\s\S]*Transform failed: KeyError: 'b'/);
  },
);
