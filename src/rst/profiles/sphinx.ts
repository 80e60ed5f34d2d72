/**
 * The sphinx profile: docutils' directives and roles plus those of Sphinx
 * 5.3 (Debian 12's) and of the extensions a project loads, looked up as
 * Sphinx looks them up while it reads a document.
 *
 *     const registry = sphinxRegistry({ extensions: ['sphinx.ext.todo', 'sphinxcontrib.seqdiag'] });
 *     const { document } = publish(text, { sourcePath, registry });
 *     sphinxWarnings(document);   // Sphinx's own warnings (toctree, ...)
 *
 * Extensions are named by their module names, as conf.py lists them.
 * Extensions that add no directives or roles at read time (themes,
 * intersphinx, viewcode, feed builders, ...) are accepted and change
 * nothing.
 */
import type { DirectiveClass } from '../directives/directive.js';
import type { RoleFunction } from '../roles/role.js';
import { Class } from '../directives/misc.js';
import { standardDirectives } from './docutils.js';
import { STANDARD_ROLES } from '../roles/standard.js';
import { DEFAULT_SPHINX_CONFIG, type SphinxConfig, type SphinxProject } from '../sphinx/environment.js';
import { SphinxRegistry, type SphinxDomain } from '../sphinx/registry.js';
import { domainRoles, extlinkRole, sphinxCodeRole, sphinxLocalRoles } from '../sphinx/roles.js';
import { Code, CodeBlock, Highlight, LiteralInclude } from '../sphinx/directives/code.js';
import {
  Acks,
  Author,
  CSVTable,
  Centered,
  DefaultDomain,
  DefaultRole,
  Figure,
  HList,
  Include,
  IndexDirective,
  MathDirective,
  Only,
  SeeAlso,
  TabularColumns,
  TocTree,
  VersionChange,
} from '../sphinx/directives/other.js';
import { Cmdoption, EnvVar, GenericDescription, Glossary, ProductionList, Program } from '../sphinx/directives/std.js';
import { codeDomainDirectives } from '../sphinx/directives/domains.js';
import { type DiagramKind, Todo, TodoList, diagramDirective } from '../sphinx/directives/extensions.js';
import { Graphviz, GraphvizSimple } from '../sphinx/directives/graphviz.js';
import '../sphinx/nodes.js';

/**
 * The extensions OpenStack spec repositories load (nova-specs and
 * watcher-specs doc/source/conf.py): the theme, todo, the diagram
 * extensions, autodoc, intersphinx, viewcode and the feed builder.
 */
export const OPENSTACK_SPEC_EXTENSIONS: readonly string[] = [
  'openstackdocstheme',
  'oslosphinx',
  'sphinx.ext.autodoc',
  'sphinx.ext.todo',
  'sphinx.ext.viewcode',
  'sphinx.ext.intersphinx',
  'sphinxcontrib.seqdiag',
  'sphinxcontrib.blockdiag',
  'sphinxcontrib.nwdiag',
  'sphinxcontrib.actdiag',
  'yasfb',
];

export interface SphinxProfileOptions {
  /** Extension module names, as conf.py's `extensions` lists them (default: OPENSTACK_SPEC_EXTENSIONS). */
  extensions?: readonly string[];
  /** conf.py values that change what roles and directives make (highlight_language, extlinks, ...). */
  config?: Partial<SphinxConfig>;
  /** Sphinx's source directory (default: the working directory); document names are relative to it. */
  srcdir?: string;
  /** Whether a document exists (toctree entries); default: a source file under srcdir. */
  documentExists?: SphinxProject['documentExists'];
  /** Every document name (toctree globs); default: the source files under srcdir. */
  documents?: SphinxProject['documents'];
  /** The document name of a source path; default: relative to srcdir, suffix removed. */
  docnameOf?: SphinxProject['docnameOf'];
}

/** Module name of each diagram extension (sphinxcontrib-nwdiag ships rackdiag and packetdiag too). */
const DIAGRAM_EXTENSIONS: Readonly<Record<string, DiagramKind>> = {
  'sphinxcontrib.blockdiag': 'blockdiag',
  'sphinxcontrib.seqdiag': 'seqdiag',
  'sphinxcontrib.actdiag': 'actdiag',
  'sphinxcontrib.nwdiag': 'nwdiag',
  'sphinxcontrib.rackdiag': 'rackdiag',
  'sphinxcontrib.packetdiag': 'packetdiag',
};

/** Directives Sphinx registers with docutils' register_directive (found without a language lookup). */
function builtinDirectDirectives(): Map<string, DirectiveClass> {
  return new Map<string, DirectiveClass>([
    // sphinx.directives
    ['default-role', DefaultRole],
    ['default-domain', DefaultDomain],
    ['describe', GenericDescription],
    ['object', GenericDescription],
    // sphinx.directives.code
    ['highlight', Highlight],
    ['code-block', CodeBlock],
    ['sourcecode', CodeBlock],
    ['literalinclude', LiteralInclude],
    // sphinx.directives.other
    ['toctree', TocTree],
    ['sectionauthor', Author],
    ['moduleauthor', Author],
    ['codeauthor', Author],
    ['seealso', SeeAlso],
    ['tabularcolumns', TabularColumns],
    ['centered', Centered],
    ['acks', Acks],
    ['hlist', HList],
    ['only', Only],
    ['include', Include],
    ['cssclass', Class],
    ['rst-class', Class],
    // sphinx.directives.patches
    ['figure', Figure],
    ['csv-table', CSVTable],
    ['code', Code],
    ['math', MathDirective],
    // sphinx.domains.changeset, sphinx.domains.index
    ['versionadded', VersionChange],
    ['versionchanged', VersionChange],
    ['deprecated', VersionChange],
    ['index', IndexDirective],
  ]);
}

function builtinDomains(): Map<string, SphinxDomain> {
  const roles = domainRoles();
  const domains = new Map<string, SphinxDomain>();
  const stdDirectives = new Map<string, DirectiveClass>([
    ['program', Program],
    ['cmdoption', Cmdoption],
    ['option', Cmdoption],
    ['envvar', EnvVar],
    ['glossary', Glossary],
    ['productionlist', ProductionList],
  ]);
  const codeDirectives = codeDomainDirectives();
  for (const [name, domainRoleMap] of roles) {
    domains.set(name, { directives: name === 'std' ? stdDirectives : (codeDirectives.get(name) ?? new Map()), roles: domainRoleMap });
  }
  return domains;
}

/** A registry with docutils', Sphinx's and the extensions' directives and roles. */
export function sphinxRegistry(options: SphinxProfileOptions = {}): SphinxRegistry {
  const extensions = [...(options.extensions ?? OPENSTACK_SPEC_EXTENSIONS)];
  const config: SphinxConfig = { ...DEFAULT_SPHINX_CONFIG, ...options.config };
  const directives = standardDirectives();
  const roles = new Map<string, RoleFunction>(STANDARD_ROLES);
  roles.set('code', sphinxCodeRole);
  const directDirectives = builtinDirectDirectives();
  const localRoles = sphinxLocalRoles();
  for (const extension of extensions) {
    const diagram = DIAGRAM_EXTENSIONS[extension];
    if (diagram) directDirectives.set(diagram, diagramDirective(diagram));
    if (extension === 'sphinx.ext.todo') {
      directDirectives.set('todo', Todo);
      directDirectives.set('todolist', TodoList);
    }
    if (extension === 'sphinx.ext.graphviz') {
      directDirectives.set('graphviz', Graphviz);
      directDirectives.set('graph', GraphvizSimple);
      directDirectives.set('digraph', GraphvizSimple);
    }
    if (extension === 'sphinx.ext.extlinks') {
      for (const [name, [baseUrl, caption]] of Object.entries(config.extlinks)) localRoles.set(name, extlinkRole(baseUrl, caption));
    }
  }
  const project: SphinxProject = { srcdir: options.srcdir ?? process.cwd() };
  if (options.documentExists) project.documentExists = options.documentExists;
  if (options.documents) project.documents = options.documents;
  if (options.docnameOf) project.docnameOf = options.docnameOf;
  return new SphinxRegistry({
    directives,
    roles,
    directDirectives,
    localRoles,
    domains: builtinDomains(),
    config,
    project,
    extensions,
  });
}
