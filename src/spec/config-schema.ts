/**
 * The JSON schema of specwright's configuration (specwright.toml, or the
 * `[tool.specwright]` table of pyproject.toml). Keys are kebab-case as in
 * the file. Rule options are checked later against each rule's own schema,
 * so `rules` only fixes the shape of a rule setting here.
 */

const STRING_LIST = { type: 'array', items: { type: 'string' } } as const;

export const SEVERITY_NAMES = ['off', 'warning', 'error'] as const;

const TEMPLATE_SETTINGS_PROPERTIES = {
  'optional-sections': STRING_LIST,
  'optional-subsections': STRING_LIST,
  path: { type: 'string', minLength: 1 },
} as const;

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    exclude: STRING_LIST,
    layout: {
      type: 'object',
      additionalProperties: false,
      properties: {
        specs: { type: 'string', minLength: 1 },
        'release-entries': STRING_LIST,
        'spec-directories': { type: 'boolean' },
      },
    },
    template: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...TEMPLATE_SETTINGS_PROPERTIES,
        release: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: TEMPLATE_SETTINGS_PROPERTIES,
          },
        },
      },
    },
    rules: {
      type: 'object',
      // Each value is a severity name or a table of options; the values are
      // checked against each rule's own schema when the rules are known.
      additionalProperties: { type: ['string', 'object'] },
    },
    'per-file-ignores': {
      type: 'object',
      additionalProperties: STRING_LIST,
    },
    sphinx: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extensions: STRING_LIST,
        conf: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;

/** Known keys per table, for "did you mean" on unknown keys. */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(CONFIG_SCHEMA.properties),
  layout: Object.keys(CONFIG_SCHEMA.properties.layout.properties),
  template: Object.keys(CONFIG_SCHEMA.properties.template.properties),
  'template.release.*': Object.keys(TEMPLATE_SETTINGS_PROPERTIES),
  sphinx: Object.keys(CONFIG_SCHEMA.properties.sphinx.properties),
};
