/**
 * The names of the output formats, without the formatters: the command
 * line lists them in its help without loading the linter.
 */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'rdjson'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
