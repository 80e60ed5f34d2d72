/**
 * Turns ajv's validation errors into one-line messages that name the
 * configuration key ("rules.line-length.max: must be an integer").
 */
import type { ErrorObject } from 'ajv';
import { didYouMean } from './suggest.js';

/** `/rules/line-length/max` → `rules.line-length.max`; array indexes as `[0]`. */
export function keyPath(instancePath: string, prefix = ''): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = prefix;
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(part)) out += out ? `.${part}` : part;
    else out += `${out ? '.' : ''}"${part}"`;
  }
  return out;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a table';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'a table',
};

function valueAt(root: unknown, instancePath: string): unknown {
  let value = root;
  for (const part of instancePath.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/**
 * The most useful single message for a failed validation. ajv reports a
 * `oneOf` failure together with each branch's failure; the deepest,
 * most specific error wins.
 */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  options: { prefix?: string; knownKeys?: (path: string) => readonly string[] | undefined } = {},
): string {
  const ranked = [...errors].sort((left, right) => {
    const depth = (error: ErrorObject) => error.instancePath.split('/').length;
    const weight = (error: ErrorObject) => (error.keyword === 'oneOf' ? 1 : 0);
    return depth(right) - depth(left) || weight(left) - weight(right);
  });
  const error = ranked[0];
  if (!error) return 'invalid value';
  const path = keyPath(error.instancePath, options.prefix);
  const value = valueAt(data, error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const where = path ? `${path}.${key}` : key;
      const known = options.knownKeys?.(path) ?? [];
      return `${where}: unknown key${didYouMean(key, known)}`;
    }
    case 'type': {
      const expected = String(error.params.type)
        .split(',')
        .map((name) => TYPE_NAMES[name] ?? name)
        .join(' or ');
      return `${path || '(top level)'}: must be ${expected}, not ${describeType(value)}`;
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(', ');
      return `${path}: must be one of ${allowed}, not ${describeType(value)}`;
    }
    case 'oneOf':
    case 'anyOf':
      return `${path}: ${describeType(value)} is not a valid setting`;
    case 'required':
      return `${path ? `${path}.` : ''}${String(error.params.missingProperty)}: required`;
    default:
      return `${path || '(top level)'}: ${error.message ?? 'invalid value'}`;
  }
}
