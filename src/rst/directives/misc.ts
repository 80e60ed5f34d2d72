/**
 * Miscellaneous directives (docutils.parsers.rst.directives.misc): include,
 * raw, replace, unicode, class, role, default-role, title, date and the
 * test directive.
 */
import { Element, Pending, Text, element, type Node } from '../nodes.js';
import { PY_SPACE, codePointLength, expandTabs, pyRepr, splitWhitespace, splitlines, type PyValue } from '../python-text.js';
import { StringList } from '../string-list.js';
import { newDocument } from '../document.js';
import { Inliner } from '../inline/inliner.js';
import { SIMPLENAME } from '../inline/patterns.js';
import { RSTStateMachine, type Memo } from '../parser/rst-state.js';
import { string2lines } from '../parser/state-machine.js';
import { STATE_FACTORIES } from '../parser/states.js';
import { MarkupError } from '../parser/body.js';
import { parseDirectiveBlock } from '../parser/explicit-markup.js';
import type { Body } from '../parser/body.js';
import { customRole, genericCustomRole, roleOptionSpec } from '../roles/standard.js';
import type { RoleFunction } from '../roles/role.js';
import { Directive, OptionValueError, type DirectiveClass, type OptionSpec } from './directive.js';
import {
  InputDecodeError,
  InputError,
  readInputFile,
  relativeToWorkingDirectory,
  resolveInsertionPath,
  sourceDirectory,
} from './file-input.js';
import {
  classOption,
  encoding,
  flag,
  int,
  parserName,
  path as pathOption,
  type ParserName,
  unchanged,
  unchangedRequired,
  unicodeCode,
  uri,
} from './options.js';
import { CodeBlock, appendCodeTokens, numberLines, numberLinesStart } from './body.js';
import { strftime } from './strftime.js';
import { STANDARD_INCLUDES } from './standard-includes.js';
import { applyStandardTransforms, RST_PARSER } from '../transforms/pipeline.js';
import { absolutePath, normalizeNewlines } from './file-input.js';

/** The state docutils parses substitution definition contents in. */
const SUBSTITUTION_DEF_STATE = 'SubstitutionDef';

/** Where docutils (Debian's python3-docutils 0.19) keeps the standard "<name>" include files. */
export const STANDARD_INCLUDE_DIRECTORY = '/usr/share/docutils/parsers/rst/include';

export const CLASS_ATTRIBUTE_TRANSFORM = { name: 'docutils.transforms.misc.ClassAttribute', priority: 210 } as const;

/** The date format of the "date" directive without content. */
const DEFAULT_DATE_FORMAT = '%Y-%m-%d';

/** The clock the "date" directive reads (replaceable in tests). */
export const dateClock = { now: (): Date => new Date() };

/** Python's `sequence[start:end]` with None as undefined. */
function pySlice<T>(items: readonly T[], start: number | undefined, end: number | undefined): T[] {
  const length = items.length;
  const bound = (value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (value < 0) return Math.max(0, length + value);
    return Math.min(value, length);
  };
  const from = bound(start, 0);
  const to = bound(end, length);
  return to > from ? items.slice(from, to) : [];
}

/**
 * A standard include file ("<isonum.txt>"), from docutils' data bundled
 * with the engine; names that leave the standard directory do not exist.
 */
function readStandardInclude(path: string): string {
  const absolute = absolutePath(path);
  const prefix = `${STANDARD_INCLUDE_DIRECTORY}/`;
  const name = absolute.startsWith(prefix) ? absolute.slice(prefix.length) : '';
  const text = Object.prototype.hasOwnProperty.call(STANDARD_INCLUDES, name) ? STANDARD_INCLUDES[name] : undefined;
  if (text === undefined) throw new InputError(2, 'No such file or directory', path);
  return normalizeNewlines(text);
}

type ClipOptions = [number | null, number | null, string | null, string | null];

function sameLogEntry(entry: [string, unknown], path: string, clip: ClipOptions): boolean {
  if (entry[0] !== path) return false;
  const logged = entry[1] as ClipOptions;
  return Array.isArray(logged) && clip.every((value, index) => logged[index] === value);
}

/** Read a file for a directive; a failure becomes docutils' severe "Problems with ... path" message. */
function readForDirective(directive: Directive, read: () => string): string {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) {
      throw directive.severe(`Problems with "${directive.name}" directive path:\n${error.errorString()}.`);
    }
    if (error instanceof InputDecodeError) {
      throw directive.severe(`Problem with "${directive.name}" directive:\n${error.errorString()}`);
    }
    throw error;
  }
}

/** replace, unicode and date only make sense inside a substitution definition. */
function assertInSubstitutionDefinition(directive: Directive): void {
  if (directive.state.name !== SUBSTITUTION_DEF_STATE) {
    throw directive.error(
      `Invalid context: the "${directive.name}" directive can only be used within a substitution definition.`,
    );
  }
}

export class Include extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {
    literal: flag,
    code: unchanged,
    encoding,
    parser: parserName,
    'tab-width': int,
    'start-line': int,
    'end-line': int,
    'start-after': unchangedRequired,
    'end-before': unchangedRequired,
    'number-lines': unchanged,
    class: classOption,
    name: unchanged,
  };

  run(): Node[] {
    const document = this.state.document;
    const settings = document.settings;
    if (!settings.fileInsertionEnabled) throw this.warning(`"${this.name}" directive disabled.`);
    const machine = this.stateMachine;
    const source = machine.inputLines.source(this.lineno - machine.inputOffset - 1);
    let path = pathOption(this.args[0]!);
    const standard = path.startsWith('<') && path.endsWith('>');
    if (standard) {
      path = relativeToWorkingDirectory(`${STANDARD_INCLUDE_DIRECTORY}/${path.slice(1, -1)}`);
    } else {
      path = resolveInsertionPath(path, sourceDirectory(source), settings);
    }
    const encodingName = (this.options['encoding'] as string | undefined) ?? null;
    const tabWidth = (this.options['tab-width'] as number | undefined) ?? settings.tabWidth;
    let rawtext = readForDirective(this, () =>
      standard ? readStandardInclude(path) : readInputFile(path, settings, encodingName),
    );

    const startline = this.options['start-line'] as number | undefined;
    const endline = this.options['end-line'] as number | undefined;
    if (startline || endline !== undefined) {
      rawtext = pySlice(splitlines(rawtext, true), startline, endline).join('');
    }
    const afterText = this.options['start-after'] as string | undefined;
    if (afterText) {
      const afterIndex = rawtext.indexOf(afterText);
      if (afterIndex < 0) {
        throw this.severe(`Problem with "start-after" option of "${this.name}" directive:\nText not found.`);
      }
      rawtext = rawtext.slice(afterIndex + afterText.length);
    }
    const beforeText = this.options['end-before'] as string | undefined;
    if (beforeText) {
      const beforeIndex = rawtext.indexOf(beforeText);
      if (beforeIndex < 0) {
        throw this.severe(`Problem with "end-before" option of "${this.name}" directive:\nText not found.`);
      }
      rawtext = rawtext.slice(0, beforeIndex);
    }

    let includeLines = string2lines(rawtext, tabWidth, true);
    includeLines.forEach((line, index) => {
      if (codePointLength(line) > settings.lineLengthLimit) {
        throw this.warning(`"${path}": line ${index + 1} exceeds the line-length-limit.`);
      }
    });

    if ('literal' in this.options) return [this.literalBlock(rawtext, path, tabWidth, includeLines.length)];

    if ('code' in this.options) {
      this.options['source'] = path;
      if (tabWidth < 0) includeLines = splitlines(rawtext);
      const language = String(this.options['code']);
      delete this.options['code'];
      const codeBlock = new CodeBlock(
        this.name,
        [language],
        this.options,
        new StringList(includeLines, path),
        this.lineno,
        this.contentOffset,
        this.blockText,
        this.state,
        this.stateMachine,
      );
      return codeBlock.run();
    }

    const clipOptions: ClipOptions = [startline ?? null, endline ?? null, beforeText ?? null, afterText ?? null];
    const includeLog = document.includeLog;
    if (includeLog.length === 0) {
      includeLog.push([relativeToWorkingDirectory(source ?? ''), [null, null, null, null]]);
    }
    if (includeLog.some((entry) => sameLogEntry(entry, path, clipOptions))) {
      const masterPaths = includeLog.map(([logged]) => logged).reverse();
      throw this.warning(`circular inclusion in "${this.name}" directive:\n${[path, ...masterPaths].join('\n> ')}`);
    }

    const parser = this.options['parser'] as ParserName | null | undefined;
    if (parser) {
      return this.parseSeparately(parser, includeLines, path, [...includeLog, [path, clipOptions]]);
    }

    includeLines = [...includeLines, '', `.. end of inclusion from "${path}"`];
    machine.insertInput(new StringList(includeLines, path), path);
    includeLog.push([path, clipOptions]);
    return [];
  }

  /** The :literal: option: the file as one literal block, optionally with line numbers. */
  private literalBlock(rawtext: string, path: string, tabWidth: number, lineCount: number): Element {
    let text = tabWidth >= 0 ? expandTabs(rawtext, tabWidth) : rawtext;
    const literal = new Element('literal_block', rawtext, [], {
      source: path,
      classes: (this.options['class'] as string[] | undefined) ?? [],
    });
    literal.line = 1;
    this.addName(literal);
    if ('number-lines' in this.options) {
      const startline = numberLinesStart(this.options['number-lines']);
      if (startline === null) throw this.error(':number-lines: with non-integer start value');
      if (text.endsWith('\n')) text = text.slice(0, -1);
      appendCodeTokens(literal, numberLines([[[], text]], startline, startline + lineCount));
    } else {
      literal.append(new Text(text));
    }
    return literal;
  }

  /**
   * The :parser: option: parse the text as a document of its own and return
   * that document's children.
   */
  private parseSeparately(
    parser: ParserName,
    includeLines: string[],
    path: string,
    includeLog: [string, unknown][],
  ): Node[] {
    const settings = this.state.document.settings;
    const document = newDocument(path, settings);
    document.includeLog = includeLog;
    if (parser === 'null') return [];
    const text = includeLines.join('\n');
    document.sourceText = text;
    document.trackPositions = this.state.document.trackPositions;
    const inliner = new Inliner();
    inliner.initCustomizations(settings);
    const memo: Memo = {
      document,
      reporter: document.reporter,
      language: this.state.memo.language,
      titleStyles: [],
      sectionLevel: 0,
      sectionBubbleUpKludge: false,
      inliner,
      // docutils' directive and role registries are process-wide.
      registry: this.state.memo.registry,
    };
    const machine = new RSTStateMachine(STATE_FACTORIES, 'Body');
    machine.runDocument(new StringList(string2lines(text, settings.tabWidth, true), path), document, memo);
    // docutils' populate_from_components((parser,)) and apply_transforms().
    applyStandardTransforms(document, { components: [RST_PARSER] });
    return [...document.children];
  }
}


/** Refusal reason for raw :url: (nothing is fetched from the network). */
const URL_REFUSED = 'URLError: <urlopen error fetching URLs is disabled>';

export class Raw extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { file: pathOption, url: uri, encoding, class: classOption };
  static override hasContent = true;

  run(): Node[] {
    const document = this.state.document;
    const settings = document.settings;
    if (!settings.rawEnabled || (!settings.fileInsertionEnabled && ('file' in this.options || 'url' in this.options))) {
      throw this.warning(`"${this.name}" directive disabled.`);
    }
    const attributes: Record<string, string> = { format: splitWhitespace(this.args[0]!.toLowerCase()).join(' ') };
    const encodingName = (this.options['encoding'] as string | undefined) ?? null;
    let text: string;
    if (this.content.length > 0) {
      if ('file' in this.options || 'url' in this.options) {
        throw this.error(`"${this.name}" directive may not both specify an external file and have content.`);
      }
      text = this.content.data.join('\n');
    } else if ('file' in this.options) {
      if ('url' in this.options) {
        throw this.error(
          `The "file" and "url" options may not be simultaneously specified for the "${this.name}" directive.`,
        );
      }
      const path = resolveInsertionPath(
        String(this.options['file']),
        sourceDirectory(document.currentSource),
        settings,
      );
      text = readForDirective(this, () => readInputFile(path, settings, encodingName));
      attributes['source'] = path;
    } else if ('url' in this.options) {
      throw this.severe(`Problems with "${this.name}" directive URL "${String(this.options['url'])}":\n${URL_REFUSED}.`);
    } else {
      this.assertHasContent();
      text = '';
    }
    const rawNode = element('raw', '', text, [], {
      classes: (this.options['class'] as string[] | undefined) ?? [],
      ...attributes,
    });
    [rawNode.source, rawNode.line] = this.stateMachine.getSourceAndLine(this.lineno);
    return [rawNode];
  }
}

export class Replace extends Directive {
  static override hasContent = true;

  run(): Node[] {
    assertInSubstitutionDefinition(this);
    this.assertHasContent();
    const container = new Element('Element', this.content.data.join('\n'));
    this.state.nestedParse(this.content, this.contentOffset, container);
    let paragraph: Element | null = null;
    const messages: Node[] = [];
    for (const node of container.children) {
      if (!paragraph && node instanceof Element && node.tagname === 'paragraph') {
        paragraph = node;
      } else if (node instanceof Element && node.tagname === 'system_message') {
        node.set('backrefs', []);
        messages.push(node);
      } else {
        return [
          this.reporter.error(`Error in "${this.name}" directive: may contain a single paragraph only.`, [], {
            line: this.lineno,
          }),
        ];
      }
    }
    if (paragraph) return [...messages, ...paragraph.children];
    return messages;
  }
}

/** Text after " .. " in a unicode directive's argument is a comment. */
const UNICODE_COMMENT = /( |\n|^)\.\. /;

export class Unicode extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { trim: flag, ltrim: flag, rtrim: flag };

  run(): Node[] {
    assertInSubstitutionDefinition(this);
    const substitutionDefinition = this.stateMachine.node;
    if ('trim' in this.options) {
      substitutionDefinition.set('ltrim', 1);
      substitutionDefinition.set('rtrim', 1);
    }
    if ('ltrim' in this.options) substitutionDefinition.set('ltrim', 1);
    if ('rtrim' in this.options) substitutionDefinition.set('rtrim', 1);
    const argument = this.args[0]!;
    const comment = UNICODE_COMMENT.exec(argument);
    const codes = splitWhitespace(comment ? argument.slice(0, comment.index) : argument);
    const nodes: Node[] = [];
    for (const code of codes) {
      try {
        nodes.push(new Text(unicodeCode(code)));
      } catch (error) {
        if (!(error instanceof OptionValueError)) throw error;
        throw this.error(`Invalid character code: ${code}\n${error.pythonType}: ${error.message}`);
      }
    }
    return nodes;
  }
}

export class Class extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override hasContent = true;

  run(): Node[] {
    let classValue: string[];
    try {
      classValue = classOption(this.args[0]!);
    } catch (error) {
      if (!(error instanceof OptionValueError)) throw error;
      throw this.error(`Invalid class attribute value for "${this.name}" directive: "${this.args[0]}".`);
    }
    if (this.content.length > 0) {
      const container = new Element('Element');
      this.state.nestedParse(this.content, this.contentOffset, container);
      for (const node of container.children) {
        if (node instanceof Element) node.classes.push(...classValue);
      }
      return [...container.children];
    }
    const pending = new Pending(
      CLASS_ATTRIBUTE_TRANSFORM.name,
      { class: classValue, directive: this.name },
      this.blockText,
    );
    this.stateMachine.document.notePending(pending, CLASS_ATTRIBUTE_TRANSFORM.priority);
    return [pending];
  }
}

const S = `[${PY_SPACE}]`;
/** "name" or "name(base)", as the role directive's first content line. */
const ROLE_ARGUMENTS = new RegExp(`^(${SIMPLENAME})${S}*(\\(${S}*(${SIMPLENAME})${S}*\\)${S}*)?\\n?$`, 'u');

/** docutils' convert_directive_function for a role: its options and content become a directive's. */
function roleDirectiveClass(role: RoleFunction): DirectiveClass {
  return class extends Directive {
    static override optionSpec: OptionSpec | null = role.options ?? null;
    static override hasContent = role.content ?? false;
    run(): Node[] {
      return [];
    }
  };
}

export class Role extends Directive {
  static override hasContent = true;

  run(): Node[] {
    if (this.contentOffset > this.lineno || this.content.length === 0) {
      throw this.error(`"${this.name}" directive requires arguments on the first line.`);
    }
    const args = this.content.data[0]!;
    const match = ROLE_ARGUMENTS.exec(args);
    if (!match) throw this.error(`"${this.name}" directive arguments not valid role names: "${args}".`);
    const newRoleName = match[1]!;
    const baseRoleName = match[3];
    const registry = this.state.memo.registry;
    let messages: Node[] = [];
    let baseRole: RoleFunction;
    if (baseRoleName) {
      const [found, lookupMessages] = registry.role(
        baseRoleName,
        this.stateMachine.language,
        this.lineno,
        this.state.reporter,
      );
      messages = lookupMessages;
      if (!found) {
        const error = this.state.reporter.error(
          `Unknown interpreted text role "${baseRoleName}".`,
          [element('literal_block', this.blockText, this.blockText)],
          { line: this.lineno },
        );
        return [...messages, error];
      }
      baseRole = found;
    } else {
      baseRole = genericCustomRole;
    }
    roleOptionSpec(baseRole);
    let options: Record<string, unknown>;
    let content: StringList;
    try {
      [, options, content] = parseDirectiveBlock(
        this.state as Body,
        this.content.slice(1),
        this.contentOffset,
        roleDirectiveClass(baseRole),
        {},
      );
    } catch (error) {
      if (!(error instanceof MarkupError)) throw error;
      const message = this.reporter.error(
        `Error in "${this.name}" directive:\n${error.message}.`,
        [element('literal_block', this.blockText, this.blockText)],
        { line: this.lineno },
      );
      return [...messages, message];
    }
    if (!('class' in options)) {
      try {
        options['class'] = classOption(newRoleName);
      } catch (error) {
        if (!(error instanceof OptionValueError)) throw error;
        const message = this.reporter.error(
          `Invalid argument for "${this.name}" directive:\n${error.message}.`,
          [element('literal_block', this.blockText, this.blockText)],
          { line: this.lineno },
        );
        return [...messages, message];
      }
    }
    const role = customRole(newRoleName, baseRole, options, [...content.data]);
    registry.registerLocalRole(newRoleName.toLowerCase(), role);
    return messages;
  }
}

export class DefaultRole extends Directive {
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = false;

  run(): Node[] {
    const registry = this.state.memo.registry;
    if (this.args.length === 0) {
      // Restore the standard default role.
      registry.localRoles.delete('');
      return [];
    }
    const roleName = this.args[0]!;
    const [role, messages] = registry.role(roleName, this.stateMachine.language, this.lineno, this.state.reporter);
    if (!role) {
      const error = this.state.reporter.error(
        `Unknown interpreted text role "${roleName}".`,
        [element('literal_block', this.blockText, this.blockText)],
        { line: this.lineno },
      );
      return [...messages, error];
    }
    registry.localRoles.set('', role);
    return messages;
  }
}

export class Title extends Directive {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;

  run(): Node[] {
    this.stateMachine.document.set('title', this.args[0]!);
    return [];
  }
}

export class DateDirective extends Directive {
  static override hasContent = true;

  run(): Node[] {
    assertInSubstitutionDefinition(this);
    const format = this.content.data.join('\n') || DEFAULT_DATE_FORMAT;
    return [new Text(strftime(format, dateClock.now()))];
  }
}

export class TestDirective extends Directive {
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { option: unchangedRequired };
  static override hasContent = true;

  run(): Node[] {
    const described = `Directive processed. Type="${this.name}", arguments=${pyRepr(this.args)}, options=${pyRepr(
      this.options as Record<string, PyValue>,
    )}, content:`;
    if (this.content.length > 0) {
      const text = this.content.data.join('\n');
      return [this.reporter.info(described, [element('literal_block', text, text)], { line: this.lineno })];
    }
    return [this.reporter.info(`${described} None`, [], { line: this.lineno })];
  }
}
