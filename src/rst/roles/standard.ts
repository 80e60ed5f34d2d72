/**
 * The standard interpreted text roles (docutils.parsers.rst.roles): the
 * generic roles that wrap text in one node kind, the PEP/RFC reference
 * roles, raw, code and math, the roles docutils names but does not
 * implement, and custom roles made by the "role" directive.
 */
import { type AttributeValue, type Attributes, Element, type Node, Text, element, unescape } from '../nodes.js';
import { OptionValueError, type OptionSpec } from '../directives/directive.js';
import { classOption, pythonInt, unchanged } from '../directives/options.js';
import type { Inliner } from '../inline/inliner.js';
import type { RoleFunction, RoleOptions } from './role.js';

/** Inliner.rfc_url: the RFC file name pattern appended to settings.rfcBaseUrl. */
const RFC_URL_TEMPLATE = 'rfc%d.html';

/** PEP numbers the pep-reference role accepts. */
const MAX_PEP_NUMBER = 9999;

/** Node kinds the generic roles wrap text in (docutils' register_generic_role calls). */
const GENERIC_ROLES: readonly [string, string][] = [
  ['abbreviation', 'abbreviation'],
  ['acronym', 'acronym'],
  ['emphasis', 'emphasis'],
  ['literal', 'literal'],
  ['strong', 'strong'],
  ['subscript', 'subscript'],
  ['superscript', 'superscript'],
  ['title-reference', 'title_reference'],
];

/** Canonical role names docutils registers with unimplemented_role. */
const UNIMPLEMENTED_ROLES: readonly string[] = [
  'index',
  'named-reference',
  'anonymous-reference',
  'uri-reference',
  'footnote-reference',
  'citation-reference',
  'substitution-reference',
  'target',
  'restructuredtext-unimplemented-role',
];

/**
 * docutils' set_implicit_options: every role accepts "class" unless its
 * option spec disables it explicitly.
 */
export function setImplicitOptions(role: RoleFunction): void {
  if (!role.options) role.options = { class: classOption };
  else if (!('class' in role.options)) role.options['class'] = classOption;
}

/** normalized_role_options: a copy with "class" renamed to "classes". */
export function normalizedRoleOptions(options: RoleOptions | null | undefined): RoleOptions {
  if (!options) return {};
  const result: RoleOptions = { ...options };
  if ('class' in result) {
    result['classes'] = result['class'];
    delete result['class'];
  }
  return result;
}

/** set_classes: rename options.class to options.classes in place (directives use it). */
export function setClasses(options: Record<string, unknown>): void {
  if (options && 'class' in options) {
    options['classes'] = options['class'];
    delete options['class'];
  }
}

/** Role options as node attributes (Python passes them as keyword arguments). */
export function optionsToAttributes(options: Record<string, unknown>): Attributes {
  const attributes: Attributes = {};
  for (const [name, value] of Object.entries(options)) attributes[name] = toAttributeValue(value);
  return attributes;
}

function toAttributeValue(value: unknown): AttributeValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((item) => toAttributeValue(item)) as AttributeValue;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** GenericRole: wraps the text in one node kind. */
export function genericRole(nodeKind: string): RoleFunction {
  const role: RoleFunction = (_name, rawtext, text, _lineno, _inliner, options) => {
    const attributes = optionsToAttributes(normalizedRoleOptions(options));
    return [[element(nodeKind, rawtext, text, [], attributes)], []];
  };
  setImplicitOptions(role);
  return role;
}

/** generic_custom_role: the base of a custom role without an explicit base role. */
export const genericCustomRole: RoleFunction = (_name, rawtext, text, _lineno, _inliner, options) => {
  const attributes = optionsToAttributes(normalizedRoleOptions(options));
  return [[element('inline', rawtext, text, [], attributes)], []];
};
genericCustomRole.options = { class: classOption };

/**
 * CustomRole: a role made by the "role" directive from a base role, with
 * the options and content the directive supplied.
 */
export function customRole(
  roleName: string,
  baseRole: RoleFunction,
  suppliedOptions: RoleOptions | null,
  suppliedContent: string[] | null,
): RoleFunction {
  const role: RoleFunction = (name, rawtext, text, lineno, inliner, options, content) => {
    const merged = normalizedRoleOptions(suppliedOptions);
    if (options) Object.assign(merged, options);
    const supplied = suppliedContent ?? [];
    const given = content ?? [];
    const delimiter = supplied.length > 0 && given.length > 0 ? ['\n'] : [];
    return baseRole(name, rawtext, text, lineno, inliner, merged, [...supplied, ...delimiter, ...given]);
  };
  // The custom role shares its base role's option spec object, as docutils' does.
  role.options = baseRole.options;
  if (baseRole.content !== undefined) role.content = baseRole.content;
  Object.defineProperty(role, 'name', { value: roleName });
  return role;
}

function problem(inliner: Inliner, rawtext: string, message: Element): [Node[], Element[]] {
  return [[inliner.problematic(rawtext, rawtext, message)], [message]];
}

/** Python's `int(text)`, or null where Python raises ValueError. */
function intOrNull(text: string): number | null {
  try {
    return pythonInt(text);
  } catch (error) {
    if (error instanceof OptionValueError) return null;
    throw error;
  }
}

/** pep-reference: "PEP n" linked to settings.pepBaseUrl + pepFileUrlTemplate % n. */
export const pepReferenceRole: RoleFunction = (_name, rawtext, text, lineno, inliner, options) => {
  const attributes = optionsToAttributes(normalizedRoleOptions(options));
  const pepNumber = intOrNull(unescape(text));
  if (pepNumber === null || pepNumber < 0 || pepNumber > MAX_PEP_NUMBER) {
    const message = inliner.reporter.error(
      `PEP number must be a number from 0 to ${MAX_PEP_NUMBER}; "${text}" is invalid.`,
      [],
      { line: lineno },
    );
    return problem(inliner, rawtext, message);
  }
  const settings = inliner.document.settings;
  const refuri = settings.pepBaseUrl + pythonPercentFormat(settings.pepFileUrlTemplate, pepNumber);
  return [[element('reference', rawtext, 'PEP ' + text, [], { refuri, ...attributes })], []];
};

/** rfc-reference: "RFC n" linked to settings.rfcBaseUrl, keeping a "#section" part. */
export const rfcReferenceRole: RoleFunction = (_name, rawtext, text, lineno, inliner, options) => {
  const attributes = optionsToAttributes(normalizedRoleOptions(options));
  const unescaped = unescape(text);
  const hash = unescaped.indexOf('#');
  const numberText = hash >= 0 ? unescaped.slice(0, hash) : unescaped;
  const section = hash >= 0 ? unescaped.slice(hash + 1) : null;
  const rfcNumber = intOrNull(numberText);
  if (rfcNumber === null || rfcNumber < 1) {
    const message = inliner.reporter.error(
      `RFC number must be a number greater than or equal to 1; "${text}" is invalid.`,
      [],
      { line: lineno },
    );
    return problem(inliner, rawtext, message);
  }
  let refuri = inliner.document.settings.rfcBaseUrl + pythonPercentFormat(RFC_URL_TEMPLATE, rfcNumber);
  if (section !== null) refuri += '#' + section;
  return [[element('reference', rawtext, `RFC ${rfcNumber}`, [], { refuri, ...attributes })], []];
};

/** raw: passes the text through for the format a derived role names. */
export const rawRole: RoleFunction = (name, rawtext, text, lineno, inliner, options) => {
  const normalized = normalizedRoleOptions(options);
  if (!inliner.document.settings.rawEnabled) {
    const message = inliner.reporter.warning('raw (and derived) roles disabled');
    return problem(inliner, rawtext, message);
  }
  if (!('format' in normalized)) {
    const message = inliner.reporter.error(
      `No format (Writer name) is associated with this role: "${name}".\n` +
        'The "raw" role cannot be used directly.\n' +
        'Instead, use the "role" directive to create a new role with an associated format.',
      [],
      { line: lineno },
    );
    return problem(inliner, rawtext, message);
  }
  const node = element('raw', rawtext, unescape(text, true), [], optionsToAttributes(normalized));
  const locator = inliner.reporter.sourceLocator;
  if (locator) [node.source, node.line] = locator.getSourceAndLine(lineno);
  return [[node], []];
};
rawRole.options = { format: unchanged };

/**
 * code: a literal with classes "code", the role's classes and the
 * language. The text is never tokenised (docutils with syntax_highlight
 * "none"): token classes need Pygments.
 */
export const codeRole: RoleFunction = (_name, rawtext, text, _lineno, _inliner, options) => {
  const normalized = normalizedRoleOptions(options);
  const language = typeof normalized['language'] === 'string' ? normalized['language'] : '';
  const classes = ['code'];
  if ('classes' in normalized) classes.push(...(normalized['classes'] as string[]));
  if (language && !classes.includes(language)) classes.push(language);
  const node = element('literal', rawtext, '', [], { classes });
  const code = unescape(text, true);
  if (code) node.append(new Text(code));
  return [[node], []];
};
codeRole.options = { language: unchanged };

/** math: the text with backslashes restored, for a math renderer. */
export const mathRole: RoleFunction = (_name, rawtext, text, _lineno, _inliner, options) => {
  const attributes = optionsToAttributes(normalizedRoleOptions(options));
  return [[element('math', rawtext, unescape(text, true), [], attributes)], []];
};

/** Roles docutils reserves names for but does not implement. */
export const unimplementedRole: RoleFunction = (name, rawtext, _text, lineno, inliner) => {
  const message = inliner.reporter.error(`Interpreted text role "${name}" not implemented.`, [], { line: lineno });
  return problem(inliner, rawtext, message);
};

function buildStandardRoles(): Map<string, RoleFunction> {
  const roles = new Map<string, RoleFunction>();
  const register = (name: string, role: RoleFunction): void => {
    setImplicitOptions(role);
    roles.set(name, role);
  };
  for (const [name, kind] of GENERIC_ROLES) register(name, genericRole(kind));
  register('pep-reference', pepReferenceRole);
  register('rfc-reference', rfcReferenceRole);
  register('raw', rawRole);
  register('code', codeRole);
  register('math', mathRole);
  for (const name of UNIMPLEMENTED_ROLES) register(name, unimplementedRole);
  return roles;
}

/** docutils' _role_registry: canonical role name → role function. */
export const STANDARD_ROLES: ReadonlyMap<string, RoleFunction> = buildStandardRoles();

/** The option spec a role accepts in the "role" directive (never null once registered). */
export function roleOptionSpec(role: RoleFunction): OptionSpec {
  setImplicitOptions(role);
  return role.options!;
}

/**
 * Python's `template % number` for one integer: %d/%i/%u, %s, %x/%X, %o with
 * flags, width and precision, and %%.
 */
export function pythonPercentFormat(template: string, value: number): string {
  const conversion = /%([-+ 0#]*)(\d*)(?:\.(\d+))?([diouxXs%])/g;
  return template.replace(conversion, (_match, flags: string, width: string, precision: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    const total = Number(width || 0);
    if (kind === 's') {
      const text = String(value);
      return flags.includes('-') ? text.padEnd(total, ' ') : text.padStart(total, ' ');
    }
    const magnitude = Math.abs(value);
    let digits = kind === 'x' || kind === 'X' ? magnitude.toString(16) : kind === 'o' ? magnitude.toString(8) : String(magnitude);
    if (kind === 'X') digits = digits.toUpperCase();
    if (precision !== undefined) digits = digits.padStart(Number(precision), '0');
    const sign = value < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    if (flags.includes('-')) return (sign + digits).padEnd(total, ' ');
    if (flags.includes('0')) return sign + digits.padStart(total - sign.length, '0');
    return (sign + digits).padStart(total, ' ');
  });
}
