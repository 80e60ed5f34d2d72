/**
 * rest-api: when the "REST API impact" section describes API methods, each
 * gives what the template asks for, and the JSON in it is sound.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv } from '../../spec/lazy-ajv.js';
import type { Element, Node } from '../../rst/nodes.js';
import { isElement, normalizeText, sections, type SpecSection } from '../../spec/spec-model.js';
import { nodeStart } from '../node-position.js';
import { defineFileRule, type FileRuleContext } from '../rule.js';
import type { SourceText } from '../source-text.js';

type MessageId =
  | 'missingNormalCode'
  | 'missingErrorCode'
  | 'missingUrl'
  | 'invalidJson'
  | 'invalidSchema'
  | 'openObject'
  | 'exampleMismatch';

export interface RestApiOptions {
  /** Titles of the section to check (compared case-insensitively). */
  readonly section: string;
}

const HTTP_METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD';
/** "GET /servers/{id}" or "GET ``/servers``" in prose. */
const METHOD_AND_URL = new RegExp(`\\b(${HTTP_METHODS})\\s+\`{0,2}(/[^\\s\`,;)'"]*)`);
/** "Method type: POST" as the template lays a method out. */
const METHOD_TYPE = new RegExp(`\\bmethod(?:\\s+type)?\\s*:\\s*\`{0,2}(${HTTP_METHODS})\\b`, 'i');
const URL_FIELD = /\b(?:URL|URI|path)(?:\s+for\s+the\s+resource)?\s*:\s*`{0,2}((?:\/|v\d+(?:\.\d+)?\/)\S*)/i;
/** A paragraph or list item that is just a path: "/v2/{tenant_id}/things", "``/v2/x``", "V2/<tenant id>/x". */
const BARE_PATH = /^`{0,2}(?:\/|v\d+(?:\.\d+)?\/)[^\s`]/i;

/** Whether the prose of one element gives a method's URL. */
function givesUrl(text: string): boolean {
  return URL_FIELD.test(text) || BARE_PATH.test(text.trim());
}
const STATUS_CODE = /\b([1-5]\d\d)\b/g;
const NONE_TEXT = /^(none|n\/a|no(ne)? (change|impact)s?)\.?$/i;
const JSON_LANGUAGES = new Set(['json']);
/** Keywords that make a JSON object look like a JSON schema rather than an example. */
const SCHEMA_KEYWORDS = ['properties', 'items', 'additionalProperties', 'required', 'patternProperties', '$schema', 'oneOf', 'anyOf', 'allOf'];
const SCHEMA_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);

interface Method {
  readonly label: string;
  readonly node: Element;
  readonly hasUrl: boolean;
}

interface JsonBlock {
  readonly node: Element;
  readonly value: unknown;
  readonly isSchema: boolean;
  /** "request", "response" or null, from the nearest preceding prose. */
  readonly role: string | null;
}

/** Prose elements whose own text may name a method (not literal blocks). */
const PROSE = new Set(['paragraph', 'title', 'term', 'line']);

function isSchemaLike(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  if ('$schema' in object) return true;
  const type = object.type;
  const typed = typeof type === 'string' ? SCHEMA_TYPES.has(type) : Array.isArray(type) && type.every((item) => typeof item === 'string' && SCHEMA_TYPES.has(item));
  return typed && SCHEMA_KEYWORDS.some((keyword) => keyword in object);
}

/** Object schemas (at any depth) that do not set additionalProperties to false. */
function openObjects(schema: unknown, path: string, out: string[]): void {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    schema.forEach((item, index) => openObjects(item, `${path}/${index}`, out));
    return;
  }
  const object = schema as Record<string, unknown>;
  const type = object.type;
  const isObject = type === 'object' || (Array.isArray(type) && type.includes('object')) || (type === undefined && 'properties' in object);
  if (isObject && object.additionalProperties !== false && !('patternProperties' in object && object.additionalProperties === undefined)) {
    out.push(path === '' ? '(top level)' : path);
  }
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs']) {
    const children = object[key];
    if (children && typeof children === 'object' && !Array.isArray(children)) {
      for (const [name, child] of Object.entries(children)) openObjects(child, `${path}/${key}/${name}`, out);
    }
  }
  for (const key of ['items', 'additionalItems', 'not']) if (key in object) openObjects(object[key], `${path}/${key}`, out);
  for (const key of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(object[key])) openObjects(object[key], `${path}/${key}`, out);
}

function documentOrder(root: Element): Node[] {
  const out: Node[] = [];
  const visit = (node: Node) => {
    out.push(node);
    if (isElement(node)) for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

/** The source line where a literal block's content starts (code-block positions point at the directive). */
function contentStartLine(block: Element, source: SourceText): number {
  const start = nodeStart(block, source)?.line ?? 1;
  const firstLine = block.astext().split('\n').find((line) => line.trim() !== '')?.trim();
  if (firstLine === undefined) return start;
  for (let line = start; line <= Math.min(source.lines.length, start + 50); line++) {
    if (source.line(line)!.text.trim() === firstLine) return line;
  }
  return start;
}

/** Line and column of a JSON.parse failure within the block text. */
function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return { line: 0, column: 1 };
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function roleOf(text: string): string | null {
  const lower = text.toLowerCase();
  const request = lower.lastIndexOf('request');
  const response = lower.lastIndexOf('response');
  if (request === -1 && response === -1) return null;
  return request > response ? 'request' : 'response';
}

let ajv: Ajv | undefined;

/** Compiled schemas by their JSON text: specs re-proposed for a later release repeat theirs. Bounded, oldest out first. */
const compiled = new Map<string, { validate: ValidateFunction | null; error: string | null }>();
const COMPILED_LIMIT = 512;

function compileSchema(schema: Record<string, unknown>): { validate: ValidateFunction | null; error: string | null } {
  const key = JSON.stringify(schema);
  let result = compiled.get(key);
  if (!result) {
    result = compileSchemaOnce(schema);
    if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, result);
  }
  return result;
}

function compileSchemaOnce(schema: Record<string, unknown>): { validate: ValidateFunction | null; error: string | null } {
  const copy = { ...schema };
  // The meta-schema a spec names may be any draft; validate against ajv's own.
  delete copy.$schema;
  delete copy.$id;
  const instance = (ajv ??= createAjv({ strict: false, allErrors: false, validateFormats: false }));
  try {
    if (!instance.validateSchema(copy)) {
      const first = instance.errors?.[0];
      return { validate: null, error: first ? `${first.instancePath || '(top level)'} ${first.message ?? 'is invalid'}` : 'is invalid' };
    }
    return { validate: instance.compile(copy), error: null };
  } catch (error) {
    return { validate: null, error: (error as Error).message.split('\n')[0]! };
  } finally {
    // A compiled schema is not wanted again: keep a long run (the language server) from collecting them.
    instance.removeSchema(copy);
  }
}

function checkSection(context: FileRuleContext<RestApiOptions, MessageId>, section: SpecSection): void {
  const source = context.file.source;
  const body = section.element.children.filter((child) => !isElement(child, 'title'));
  const bodyText = normalizeText(body.map((node) => node.astext()).join(' '));
  if (bodyText === '' || NONE_TEXT.test(bodyText)) return;

  // Methods, in document order, each owning the nodes up to the next method.
  const nodes = documentOrder(section.element);
  const methods: Array<{ method: Method; start: number }> = [];
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (!isElement(node) || !PROSE.has(node.tagname)) return;
    const text = normalizeText(node.astext());
    const withUrl = METHOD_AND_URL.exec(text);
    const typed = METHOD_TYPE.exec(text);
    if (withUrl) {
      const label = `${withUrl[1]} ${withUrl[2]!.replace(/[.:]+$/, '')}`;
      if (seen.has(label)) return;
      seen.add(label);
      methods.push({ method: { label, node, hasUrl: true }, start: index });
    } else if (typed) {
      methods.push({ method: { label: typed[1]!.toUpperCase(), node, hasUrl: givesUrl(text) }, start: index });
    }
  });

  const blocks: JsonBlock[][] = methods.map(() => []);
  const looseBlocks: JsonBlock[] = [];
  let recentProse = '';
  nodes.forEach((node, index) => {
    if (!isElement(node)) return;
    if (PROSE.has(node.tagname)) recentProse = node.astext();
    const owner = methods.findLastIndex((entry) => entry.start <= index);
    if (owner !== -1) {
      const method = methods[owner]!;
      if (PROSE.has(node.tagname) && !method.method.hasUrl && givesUrl(normalizeText(node.astext()))) {
        methods[owner] = { ...method, method: { ...method.method, hasUrl: true } };
      }
    }
    if (node.tagname !== 'literal_block') return;
    const classes = Array.isArray(node.attributes.classes) ? (node.attributes.classes as string[]) : [];
    // docutils' code directive puts the language in classes; Sphinx's code-block in `language`.
    const language = node.attributes.language;
    const declared = classes.some((name) => JSON_LANGUAGES.has(name)) || (typeof language === 'string' && JSON_LANGUAGES.has(language));
    const text = node.astext();
    // Blocks declared as JSON must parse; other literal blocks that happen to
    // be JSON (many specs use "::") are checked as JSON when they parse.
    if (!declared && !/^\s*[[{]/.test(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (!declared) return;
      const at = jsonErrorPosition(text, error as Error);
      context.report({
        messageId: 'invalidJson',
        // Node 20 and 22 word V8's message slightly differently: keep the common part.
        data: { error: (error as Error).message.replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)$/, '') },
        line: contentStartLine(node, source) + at.line,
        column: 1,
      });
      return;
    }
    const block: JsonBlock = { node, value, isSchema: isSchemaLike(value), role: roleOf(recentProse) };
    if (owner === -1) looseBlocks.push(block);
    else blocks[owner]!.push(block);
  });

  for (const [index, { method }] of methods.entries()) {
    const end = methods[index + 1]?.start ?? nodes.length;
    const start = methods[index]!.start;
    const prose = nodes
      .slice(start, end)
      .filter((node) => isElement(node) && PROSE.has(node.tagname))
      .map((node) => node.astext())
      .join('\n');
    const codes = [...prose.matchAll(STATUS_CODE)].map((match) => Number(match[1]));
    const at = nodeStart(method.node, source) ?? { line: 1, column: 1 };
    if (!method.hasUrl) context.report({ messageId: 'missingUrl', data: { method: method.label }, line: at.line, column: at.column });
    if (!codes.some((code) => code >= 100 && code < 400)) {
      context.report({ messageId: 'missingNormalCode', data: { method: method.label }, line: at.line, column: at.column });
    }
    if (!codes.some((code) => code >= 400)) {
      context.report({ messageId: 'missingErrorCode', data: { method: method.label }, line: at.line, column: at.column });
    }
  }

  for (const group of [...blocks, looseBlocks]) checkJsonGroup(context, group);
}

function checkJsonGroup(context: FileRuleContext<RestApiOptions, MessageId>, group: readonly JsonBlock[]): void {
  const source = context.file.source;
  const schemas: Array<{ block: JsonBlock; validate: ValidateFunction | null }> = [];
  for (const block of group) {
    const line = contentStartLine(block.node, source);
    if (block.isSchema) {
      const schema = block.value as Record<string, unknown>;
      const { validate, error } = compileSchema(schema);
      if (error) context.report({ messageId: 'invalidSchema', data: { error }, line });
      const open: string[] = [];
      openObjects(schema, '', open);
      for (const path of open) context.report({ messageId: 'openObject', data: { path }, line });
      schemas.push({ block, validate });
      continue;
    }
    // An example: check it against the schema it goes with — the latest one
    // of the same role (request/response), or the only one there is.
    const candidates = schemas.filter((entry) => entry.block.role === block.role);
    const schema = candidates[candidates.length - 1] ?? (schemas.length === 1 && block.role === null ? schemas[0] : undefined);
    if (!schema?.validate) continue;
    if (!schema.validate(block.value)) {
      const first = schema.validate.errors?.[0];
      const schemaLine = contentStartLine(schema.block.node, source);
      context.report({
        messageId: 'exampleMismatch',
        data: { line: schemaLine, error: first ? `${first.instancePath || '(top level)'} ${first.message ?? 'is invalid'}` : 'is invalid' },
        line,
      });
    }
  }
}

export const restApi = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'rest-api',
    description: 'Describe each REST API method fully, with sound JSON',
    // Method descriptions are found in free prose: a warning until a repository opts in.
    defaultSeverity: 'warning',
    fix: 'none',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { section: { type: 'string', minLength: 1 } },
    },
    defaultOptions: { section: 'REST API impact' } as RestApiOptions,
    messages: {
      missingNormalCode: 'REST API method "{{method}}" does not give its normal response code(s).',
      missingErrorCode: 'REST API method "{{method}}" does not give its error response code(s).',
      missingUrl: 'REST API method "{{method}}" does not give the URL of its resource.',
      invalidJson: 'This JSON does not parse: {{error}}.',
      invalidSchema: 'This JSON schema is not valid: {{error}}.',
      openObject: 'Object schema at {{path}} does not set "additionalProperties": false.',
      exampleMismatch: 'This example does not match the schema on line {{line}}: {{error}}.',
    },
    docs: {
      whatItDoes:
        'Checks the "REST API impact" section (and its subsections) when it is not "None":\n\n' +
        '- every method described — "GET /servers/{id}" in the text, or "Method type: POST" as the template lays it out — gives the URL of its resource (after the method, as `URL: /path`, or as a paragraph or list item that is just the path, such as `/v2/{tenant_id}/things`) and its normal (1xx–3xx) and error (4xx–5xx) response codes, in the prose up to the next method;\n' +
        '- every `json` code block parses (other literal blocks are treated as JSON only when they parse);\n' +
        '- every JSON schema among them (an object with a schema `type` and schema keywords) is a valid JSON schema (checked with ajv), and each of its object schemas sets `"additionalProperties": false`;\n' +
        '- every other JSON block (an example) matches the schema it goes with: the latest schema of the same method introduced as the same "request" or "response", or the only schema there is.',
      why: 'The template holds API changes to "a much higher level of scrutiny": once merged, an API must be supported forever. Response codes, URLs and schemas are what reviewers check; JSON that does not parse or examples that contradict their schema are mistakes that reach the API reference.',
      example: '* ``POST /servers/{server_id}/shares``\n\n  Attach a share to an instance.\n\n  .. code-block:: json\n\n     {"share": {"shareId": "e8debdc0", }}',
      useInstead: '* ``POST /servers/{server_id}/shares``\n\n  Attach a share to an instance.\n\n  Normal response code: 202. Error response codes: 400, 403, 404, 409.\n\n  .. code-block:: json\n\n     {"share": {"shareId": "e8debdc0"}}',
      options: '- `section` (string, default `"REST API impact"`): the title of the section to check.\n\nA warning by default: methods are recognised in free prose, so a sentence that merely mentions an existing method is taken for a description. Make it an error where specs follow the template\'s layout.',
    },
  },
  create(context) {
    if (!context.file.location) return {};
    const wanted = context.options.section.trim().toLowerCase();
    return {
      document(document) {
        for (const section of sections(document)) {
          if (normalizeText(section.name).toLowerCase() === wanted) checkSection(context, section);
        }
      },
    };
  },
});
