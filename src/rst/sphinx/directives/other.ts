/**
 * Sphinx's general directives (sphinx.directives.other, sphinx.directives,
 * sphinx.domains.changeset, sphinx.domains.index, sphinx.directives.patches):
 * toctree, the author directives, seealso, tabularcolumns, centered, acks,
 * hlist, only, include, versionadded/versionchanged/deprecated, index,
 * default-role, default-domain, and Sphinx's figure and math.
 */
import { Element, type Node, Text, element, makeId } from '../../nodes.js';
import type { Directive, OptionSpec } from '../../directives/directive.js';
import { classOption, flag, int, unchanged, unchangedRequired } from '../../directives/options.js';
import { DefaultRole as DocutilsDefaultRole, Include as DocutilsInclude } from '../../directives/misc.js';
import { Figure as DocutilsFigure } from '../../directives/images.js';
import { CSVTable as DocutilsCSVTable } from '../../directives/tables.js';
import { existsSync } from 'node:fs';
import * as posixPath from 'node:path/posix';
import { pyReprString } from '../../python-text.js';
import { type SphinxEnvironment, docnameJoin, environmentFromRegistry, globToRegExp } from '../environment.js';
import { type PyTuple, pyTuple, sphinxElement } from '../nodes.js';
import { processIndexEntry } from '../roles.js';
import { BaseAdmonition, SphinxDirective } from './base.js';

/** sphinx.directives.other.int_or_nothing. */
const intOrNothing = (argument: string | null): number => (argument ? int(argument) : 999);

/** sphinx.util.url_re. */
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
/** sphinx.util.nodes.explicit_title_re. */
const EXPLICIT_TITLE = /^(.+?)\s*(?<!\x00)<([^<]*?)>$/s;
/** sphinx.directives.other.glob_re. */
const GLOB = /^.*[*?[].*$/s;
/** The std domain's initial labels, which count as documents in a toctree. */
const GENERATED_DOCNAMES: ReadonlySet<string> = new Set(['genindex', 'modindex', 'search']);

export class TocTree extends SphinxDirective {
  static override hasContent = true;
  static override optionSpec: OptionSpec = {
    maxdepth: int,
    name: unchanged,
    caption: unchangedRequired,
    glob: flag,
    hidden: flag,
    includehidden: flag,
    numbered: intOrNothing,
    titlesonly: flag,
    reversed: flag,
  };

  run(): Node[] {
    const env = this.env;
    const entries: PyTuple[] = [];
    const includefiles: string[] = [];
    const toctree = sphinxElement('toctree', '', '', [], {
      parent: env.docname,
      entries,
      includefiles,
      maxdepth: (this.options['maxdepth'] as number | undefined) ?? -1,
      caption: (this.options['caption'] as string | undefined) ?? null,
      glob: 'glob' in this.options,
      hidden: 'hidden' in this.options,
      includehidden: 'includehidden' in this.options,
      numbered: (this.options['numbered'] as number | undefined) ?? 0,
      titlesonly: 'titlesonly' in this.options,
    });
    this.setSourceInfo(toctree);
    const wrapper = element('compound', '', '', [toctree], { classes: ['toctree-wrapper'] });
    this.addName(wrapper);
    this.parseContent(toctree, entries, includefiles);
    if ('reversed' in this.options) {
      entries.reverse();
      includefiles.reverse();
    }
    return [wrapper];
  }

  private parseContent(toctree: Element, entries: PyTuple[], includefiles: string[]): void {
    const env = this.env;
    // Sphinx's all_docnames: found documents plus the generated ones, minus
    // the current document and each document once it is listed.
    const listed = new Set<string>([env.docname]);
    for (const entry of this.content.data) {
      if (!entry) continue;
      const explicit = EXPLICIT_TITLE.exec(entry);
      if (toctree.get('glob') === true && GLOB.test(entry) && !explicit && !URL.test(entry)) {
        const pattern = globToRegExp(docnameJoin(env.docname, entry));
        const candidates = [...env.allDocnames(), ...GENERATED_DOCNAMES];
        const matches = candidates.filter((name) => !listed.has(name) && pattern.test(name)).sort();
        for (const docname of matches) {
          if (GENERATED_DOCNAMES.has(docname)) continue;
          listed.add(docname);
          entries.push(pyTuple(null, docname));
          includefiles.push(docname);
        }
        if (matches.length === 0) {
          env.warn(`toctree glob pattern ${pyReprString(entry)} didn't match any documents`, toctree.line);
        }
        continue;
      }
      let ref: string;
      let title: string | null;
      let docname: string;
      if (explicit) {
        ref = explicit[2]!;
        title = explicit[1]!;
        docname = ref;
      } else {
        ref = docname = entry;
        title = null;
      }
      for (const suffix of env.config.source_suffix) {
        if (docname.endsWith(suffix)) {
          docname = docname.slice(0, -suffix.length);
          break;
        }
      }
      docname = docnameJoin(env.docname, docname);
      if (URL.test(ref) || ref === 'self') {
        entries.push(pyTuple(title, ref));
      } else if (!GENERATED_DOCNAMES.has(docname) && !env.documentExists(docname)) {
        env.warn(`toctree contains reference to nonexisting document ${pyReprString(docname)}`, toctree.line, {
          type: 'toc',
          subtype: 'not_readable',
        });
      } else {
        if (listed.has(docname)) env.warn(`duplicated entry found in toctree: ${docname}`, toctree.line);
        listed.add(docname);
        entries.push(pyTuple(title, docname));
        includefiles.push(docname);
      }
    }
  }
}

/** sectionauthor, moduleauthor, codeauthor: shown only with show_authors. */
export class Author extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    if (!this.env.config.show_authors) return [];
    const emphasis = element('emphasis');
    const paragraph = element('paragraph', '', '', [emphasis], { translatable: false });
    const label =
      this.name === 'sectionauthor'
        ? 'Section author: '
        : this.name === 'moduleauthor'
          ? 'Module author: '
          : this.name === 'codeauthor'
            ? 'Code author: '
            : 'Author: ';
    emphasis.append(new Text(label));
    const [textNodes, messages] = this.state.inlineText(this.args[0]!, this.lineno);
    emphasis.extend(textNodes);
    return [paragraph, ...messages];
  }
}

export class SeeAlso extends BaseAdmonition {
  protected readonly nodeKind = 'seealso';
}

export class TabularColumns extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const node = element('tabular_col_spec', '', '', [], { spec: this.args[0]! });
    this.setSourceInfo(node);
    return [node];
  }
}

export class Centered extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    if (this.args.length === 0) return [];
    const node = element('centered');
    const [textNodes, messages] = this.state.inlineText(this.args[0]!, this.lineno);
    node.extend(textNodes);
    return [node, ...messages];
  }
}

export class Acks extends SphinxDirective {
  static override hasContent = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const node = element('acks');
    node.document = this.state.document;
    this.state.nestedParse(this.content, this.contentOffset, node);
    if (node.children.length !== 1 || !(node.children[0] instanceof Element && node.children[0].tagname === 'bullet_list')) {
      this.env.warn('.. acks content is not a list', this.lineno, { source: this.env.docname });
      return [];
    }
    return [node];
  }
}

export class HList extends SphinxDirective {
  static override hasContent = true;
  static override optionSpec: OptionSpec = { columns: int };

  run(): Node[] {
    const columns = (this.options['columns'] as number | undefined) ?? 2;
    const holder = element('paragraph');
    holder.document = this.state.document;
    this.state.nestedParse(this.content, this.contentOffset, holder);
    const fullList = holder.children[0];
    if (holder.children.length !== 1 || !(fullList instanceof Element && fullList.tagname === 'bullet_list')) {
      this.env.warn('.. hlist content is not a list', this.lineno, { source: this.env.docname });
      return [];
    }
    // Sphinx's divmod by a column count of 0 fails with ZeroDivisionError, an
    // uncaught exception that stops the build: here, the directive's error.
    if (columns === 0) {
      throw this.error('Error in "hlist" directive:\n":columns:" must not be 0 (Sphinx fails with "ZeroDivisionError: integer division or modulo by zero").');
    }
    const items = [...fullList.children];
    const perColumn = Math.floor(items.length / columns);
    const more = items.length - perColumn * columns;
    const hlist = element('hlist', '', '', [], { ncolumns: String(columns) });
    let index = 0;
    for (let column = 0; column < columns; column++) {
      const end = index + (column < more ? perColumn + 1 : perColumn);
      const bulletList = element('bullet_list', '', '', items.slice(index, Math.max(index, end)));
      hlist.append(element('hlistcol', '', '', [bulletList]));
      index = end;
    }
    return [hlist];
  }
}

export class Only extends SphinxDirective {
  static override hasContent = true;
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const node = element('only');
    node.document = this.state.document;
    this.setSourceInfo(node);
    node.set('expr', this.args[0]!);
    const memo = this.state.memo;
    const surroundingTitleStyles = memo.titleStyles;
    const surroundingSectionLevel = memo.sectionLevel;
    memo.titleStyles = [];
    memo.sectionLevel = 0;
    try {
      this.state.nestedParse(this.content, this.contentOffset, node, true);
      const titleStyles = memo.titleStyles;
      const firstStyle = titleStyles[0];
      const styleIndex = (style: (typeof titleStyles)[number]): number =>
        surroundingTitleStyles.findIndex((known) => JSON.stringify(known) === JSON.stringify(style));
      if (surroundingTitleStyles.length === 0 || firstStyle === undefined || styleIndex(firstStyle) < 0 || !this.state.parent) {
        return [node];
      }
      let currentDepth = 0;
      let parent: Element | null = this.state.parent;
      while (parent) {
        currentDepth++;
        parent = parent.parent;
      }
      currentDepth -= 2;
      const nestedDepth = styleIndex(firstStyle);
      const sectionsToRaise = currentDepth - nestedDepth + 1;
      let target: Element = this.state.parent;
      for (let step = 0; step < sectionsToRaise; step++) {
        if (target.parent) target = target.parent;
      }
      target.append(node);
      return [];
    } finally {
      memo.titleStyles = surroundingTitleStyles;
      memo.sectionLevel = surroundingSectionLevel;
    }
  }
}

/** The environment for a directive that extends a docutils directive class. */
function envOf(directive: Directive): SphinxEnvironment {
  return environmentFromRegistry(directive.state.memo.registry, directive.state.document);
}

/** Sphinx's include: a path starting with "/" is relative to the source directory. */
export class Include extends DocutilsInclude {
  override run(): Node[] {
    const argument = this.args[0]!;
    if (argument.startsWith('<') && argument.endsWith('>')) return super.run();
    this.args[0] = envOf(this).relfn2path(argument)[1];
    return super.run();
  }
}

const VERSION_LABELS: Record<string, string> = {
  versionadded: 'New in version %s',
  versionchanged: 'Changed in version %s',
  deprecated: 'Deprecated since version %s',
};

const VERSION_LABEL_CLASSES: Record<string, string> = {
  versionadded: 'added',
  versionchanged: 'changed',
  deprecated: 'deprecated',
};

/** versionadded, versionchanged, deprecated (sphinx.domains.changeset.VersionChange). */
export class VersionChange extends SphinxDirective {
  static override hasContent = true;
  static override requiredArguments = 1;
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const node = element('versionmodified');
    node.document = this.state.document;
    this.setSourceInfo(node);
    node.set('type', this.name);
    node.set('version', this.args[0]!);
    const text = (VERSION_LABELS[this.name] ?? '%s').replace('%s', this.args[0]!);
    let messages: Element[] = [];
    if (this.args.length === 2) {
      const [textNodes, inlineMessages] = this.state.inlineText(this.args[1]!, this.lineno + 1);
      messages = inlineMessages;
      const paragraph = element('paragraph', this.args[1]!, '', textNodes, { translatable: false });
      this.setSourceInfo(paragraph);
      node.append(paragraph);
    }
    if (this.content.length > 0) this.state.nestedParse(this.content, this.contentOffset, node);
    const classes = ['versionmodified', VERSION_LABEL_CLASSES[this.name] ?? this.name];
    const first = node.children[0];
    if (first instanceof Element && first.tagname === 'paragraph') {
      let paragraph: Element = first;
      if (first.rawsource) {
        const content = element('inline', first.rawsource, '', [], { translatable: true });
        content.source = first.source;
        content.line = first.line;
        content.extend([...first.children]);
        paragraph = element('paragraph', '', '', [content], { translatable: false });
        first.replaceSelf(paragraph);
      }
      paragraph.insert(0, element('inline', '', `${text}: `, [], { classes }));
    } else if (node.children.length > 0) {
      node.insert(0, element('paragraph', '', '', [element('inline', '', `${text}: `, [], { classes })], { translatable: false }));
    } else {
      node.append(element('paragraph', '', '', [element('inline', '', `${text}.`, [], { classes })], { translatable: false }));
    }
    return [node, ...messages];
  }
}

/** The index directive (sphinx.domains.index.IndexDirective). */
export class IndexDirective extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { name: unchanged };

  run(): Node[] {
    const lines = this.args[0]!.split('\n');
    let target: Element;
    if ('name' in this.options) {
      target = element('target', '', '', [], { names: [this.options['name'] as string] });
    } else {
      target = element('target', '', '', [], { ids: [`index-${this.env.newSerialno('index')}`] });
    }
    this.state.document.noteExplicitTarget(target);
    const entries: PyTuple[] = [];
    const index = sphinxElement('index', '', '', [], { entries, inline: false });
    this.setSourceInfo(index);
    for (const entry of lines) entries.push(...processIndexEntry(entry, target.ids[0]!));
    return [index, target];
  }
}

/** Sphinx's default-role: also remembers the name, which Sphinx's roles read when called without one. */
export class DefaultRole extends DocutilsDefaultRole {
  override run(): Node[] {
    const result = super.run();
    const unknown = result.some((node) => node instanceof Element && node.tagname === 'system_message' && node.get('level') === 3);
    if (this.args.length > 0 && !unknown) envOf(this).tempData.set('default_role', this.args[0]!);
    return result;
  }
}

export class DefaultDomain extends SphinxDirective {
  static override requiredArguments = 1;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const domainName = this.args[0]!.toLowerCase();
    const known = this.env.knownDomains.has(domainName);
    this.env.tempData.set('default_domain', known ? domainName : null);
    return [];
  }
}

/** Sphinx's figure: :name: names the figure, not the image. */
export class Figure extends DocutilsFigure {
  override run(): Node[] {
    const name = this.options['name'];
    delete this.options['name'];
    const result = super.run();
    if (result.length === 2 || (result[0] instanceof Element && result[0].tagname === 'system_message')) return result;
    const figure = result[0] as Element;
    if (name !== undefined) {
      this.options['name'] = name;
      this.addName(figure);
    }
    if (figure.line === null && figure.children.length === 2) figure.line = figure.children[1]!.line;
    return [figure];
  }
}

/** Sphinx's math directive (sphinx.directives.patches.MathDirective). */
export class MathDirective extends SphinxDirective {
  static override hasContent = true;
  static override optionalArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { label: unchanged, name: unchanged, class: classOption, nowrap: flag };

  run(): Node[] {
    let latex = this.content.data.join('\n');
    if (this.args.length > 0 && this.args[0]) latex = this.args[0] + '\n\n' + latex;
    const label = (this.options['label'] as string | undefined) ?? (this.options['name'] as string | undefined) ?? null;
    const node = element('math_block', latex, latex, [], {
      classes: (this.options['class'] as string[] | undefined) ?? [],
      docname: this.env.docname,
      number: null,
      label,
      nowrap: 'nowrap' in this.options,
    });
    this.addName(node);
    this.setSourceInfo(node);
    const result: Node[] = [node];
    let nodeLabel = node.get('label') as string | null;
    if (nodeLabel === '' || (this.env.config.math_number_all && !nodeLabel)) {
      nodeLabel = `${this.env.docname}:${this.env.newSerialno('sphinx.ext.math#equations')}`;
      node.set('label', nodeLabel);
    }
    if (!nodeLabel) return result;
    node.set('number', this.env.equationNumber(nodeLabel, node.line));
    const target = element('target', '', '', [], { ids: [makeId(`equation-${nodeLabel}`)] });
    this.state.document.noteExplicitTarget(target);
    result.unshift(target);
    return result;
  }
}

/** Sphinx's csv-table: a :file: path starting with "/" is relative to the source directory. */
export class CSVTable extends DocutilsCSVTable {
  override run(): Node[] {
    const file = this.options['file'];
    if (typeof file === 'string' && file.startsWith('/')) {
      const env = envOf(this);
      if (existsSync(file)) {
        env.warn(
          '":file:" option for csv-table directive now recognizes an absolute path as a relative path from source directory. Please update your document.',
          this.lineno,
          { source: env.docname },
        );
      } else {
        const absolute = posixPath.join(posixPath.resolve(env.project.srcdir), file.slice(1));
        const docdir = posixPath.dirname(posixPath.resolve(env.project.srcdir, env.docname));
        this.options['file'] = posixPath.relative(docdir, absolute);
      }
    }
    return super.run();
  }
}
