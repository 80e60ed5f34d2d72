import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages } from './spec-rules-helpers.js';

const rule = 'rest-api';
const lint = (restApi: string) => messages(lintSpecRule(rule, buildSpec({ restApi })));

describe(rule, () => {
  it('skips a section that says None, and prose without methods', () => {
    assert.deepEqual(lint('None'), []);
    assert.deepEqual(lint('N/A'), []);
    assert.deepEqual(lint('The existing API does not change.'), []);
  });

  it('accepts a method with its URL and response codes', () => {
    assert.deepEqual(lint('* ``POST /audits/{audit_id}/scopes``\n\n  Normal response code: 201.\n  Error response codes: 400, 404.'), []);
    assert.deepEqual(lint('* GET ``/audits``\n\n  Return Code(s): 200,400,401,403'), []);
  });

  it('reports missing response codes per method', () => {
    assert.deepEqual(lint('* ``GET /audits``\n\n  Returns 200.\n\n* ``DELETE /audits/{id}``\n\n  Error response codes: 404.'), [
      '18: REST API method "GET /audits" does not give its error response code(s).',
      '22: REST API method "DELETE /audits/{id}" does not give its normal response code(s).',
    ]);
  });

  it('reports a method type without a URL (the template\'s layout)', () => {
    assert.deepEqual(lint('* Method type: POST\n\n* Normal http response code(s): 202\n\n* Expected error http response code(s): 409'), [
      '18: REST API method "POST" does not give the URL of its resource.',
    ]);
    assert.deepEqual(lint('* Method type: POST\n\n* URL: /audits\n\n* Normal response code: 202, error response code: 409'), []);
  });

  it('takes a path on its own as the URL (cinder and other specs list it as a bullet)', () => {
    const method = (url: string) => lint(`* Create a thing\n\n  * Method type: POST\n  * Normal Response Code: 202\n  * Expected error http response code(s): 404\n  * ${url}`);
    for (const url of ['/v2/<tenant id>/things', '/v2/{tenant_id}/things', 'V2/<tenant_id>/things', '``/v2/things``', 'URL: V2/<tenant id>/things']) {
      assert.deepEqual(method(url), [], url);
    }
    // Prose that merely starts with a version is not a URL.
    assert.deepEqual(method('v2 keeps working'), ['20: REST API method "POST" does not give the URL of its resource.']);
  });

  it('ends the URL after a method before a quote', () => {
    assert.deepEqual(lint("Calling 'GET /things' returns 200 or 404."), []);
    assert.deepEqual(lint("Calling 'GET /things' returns 200."), ['18: REST API method "GET /things" does not give its error response code(s).']);
  });

  it('reports JSON that does not parse, on its line', () => {
    assert.deepEqual(lint('.. code-block:: json\n\n   {\n     "audit": {"id": 1,}\n   }'), [
      '21: This JSON does not parse: Expected double-quoted property name in JSON at position 22.',
    ]);
  });

  it('leaves literal blocks alone unless they are declared JSON or parse as JSON', () => {
    assert.deepEqual(lint('Example::\n\n    {"audit": ...}'), []);
  });

  it('checks JSON schemas: valid, with closed objects', () => {
    const schema = (additional: string) =>
      `Request schema::\n\n    {"type": "object", "properties": {"name": {"type": "string"}}${additional}}`;
    assert.deepEqual(lint(schema(', "additionalProperties": false')), []);
    assert.deepEqual(lint(schema('')), ['20: Object schema at (top level) does not set "additionalProperties": false.']);
    assert.deepEqual(lint('Schema::\n\n    {"type": "object", "properties": {"n": {"type": "strin"}}, "additionalProperties": false}'), [
      '20: This JSON schema is not valid: /properties/n/type must be equal to one of the allowed values.',
    ]);
  });

  it('reports schemas that only fail when compiled: a reference to nothing, a broken pattern, an id given twice', () => {
    const unresolved = lint('Schema::\n\n    {"type": "object", "properties": {"a": {"$ref": "#/definitions/missing"}}, "additionalProperties": false}');
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0]!, /^20: This JSON schema is not valid: .*#\/definitions\/missing/);
    const pattern = lint('Schema::\n\n    {"type": "object", "properties": {"a": {"type": "string", "pattern": "("}}, "additionalProperties": false}');
    assert.equal(pattern.length, 1);
    assert.match(pattern[0]!, /^20: This JSON schema is not valid: Invalid regular expression/);
    const twice = lint(
      'Schema::\n\n    {"type": "object", "properties": {"a": {"$id": "x", "type": "string"}, "b": {"$id": "x", "type": "string"}}, "additionalProperties": false}',
    );
    assert.deepEqual(twice, ['20: This JSON schema is not valid: reference "x" resolves to more than one schema.']);
  });

  it('checks nested object schemas too', () => {
    const nested = 'Schema::\n\n    {"type": "object", "properties": {"a": {"type": "object", "properties": {}}}, "additionalProperties": false}';
    assert.deepEqual(lint(nested), ['20: Object schema at /properties/a does not set "additionalProperties": false.']);
  });

  it('validates examples against the schema they go with', () => {
    const text = [
      '* ``POST /audits``',
      '',
      '  Normal response code: 201. Error response code: 400.',
      '',
      '  Request schema::',
      '',
      '    {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}',
      '',
      '  Request example::',
      '',
      '    {"name": 3}',
      '',
      '  Response example::',
      '',
      '    {"id": 7}',
    ].join('\n');
    assert.deepEqual(lint(text), ['28: This example does not match the schema on line 24: /name must be string.']);
  });
});
