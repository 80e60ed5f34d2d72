/**
 * The sphinx profile's registry: Sphinx's lookup of directives and roles
 * while it reads a document (sphinx.util.docutils.sphinx_domains). A name is
 * first looked up in the domains ("py:func" in the py domain; a bare name in
 * the default domain, then in the std domain), then as docutils looks it
 * up: the names Sphinx and its extensions registered directly, then the
 * language's names and docutils' canonical ones. An unknown name therefore
 * gets docutils' messages, word for word.
 */
import type { Document, Reporter } from '../document.js';
import type { Element } from '../nodes.js';
import type { Language } from '../languages/language.js';
import { Registry } from '../registry.js';
import type { DirectiveClass } from '../directives/directive.js';
import type { RoleFunction } from '../roles/role.js';
import {
  type SphinxConfig,
  type SphinxEnvironment,
  type SphinxEnvironmentProvider,
  type SphinxProject,
  type SphinxWarning,
  environmentFor,
  noteReporterWarnings,
} from './environment.js';
import { renamed } from './directives/base.js';

export interface SphinxDomain {
  directives: ReadonlyMap<string, DirectiveClass>;
  roles: ReadonlyMap<string, RoleFunction>;
}

export interface SphinxRegistryParts {
  /** docutils' canonical directives (with Sphinx's replacements). */
  directives: Map<string, DirectiveClass>;
  /** docutils' canonical roles (with Sphinx's code role). */
  roles: Map<string, RoleFunction>;
  /** Directives registered with register_directive / add_directive. */
  directDirectives: Map<string, DirectiveClass>;
  /** Roles registered with register_local_role / add_role. */
  localRoles: Map<string, RoleFunction>;
  domains: ReadonlyMap<string, SphinxDomain>;
  config: SphinxConfig;
  project: SphinxProject;
  /** Extension module names loaded. */
  extensions: readonly string[];
}

export class SphinxRegistry extends Registry implements SphinxEnvironmentProvider {
  readonly parts: SphinxRegistryParts;
  /** Sphinx's warnings of the parse this registry serves. */
  readonly warnings: SphinxWarning[] = [];
  private environment: SphinxEnvironment | null = null;
  private readonly directiveAdapters = new Map<string, DirectiveClass>();
  private readonly roleAdapters = new Map<string, RoleFunction>();

  constructor(parts: SphinxRegistryParts) {
    super(parts.directives, parts.roles, parts.directDirectives);
    this.parts = parts;
    for (const [name, role] of parts.localRoles) this.localRoles.set(name, role);
  }

  get config(): SphinxConfig {
    return this.parts.config;
  }

  get extensions(): readonly string[] {
    return this.parts.extensions;
  }

  /** A registry for one parse: fresh local roles and environment, shared implementations. */
  override fork(): SphinxRegistry {
    return new SphinxRegistry(this.parts);
  }

  sphinxEnvironment(document: Document): SphinxEnvironment {
    if (this.environment && this.environment.document === document) return this.environment;
    const environment = environmentFor(document, this.parts.config, this.parts.project, this.warnings);
    environment.knownDomains = new Set(this.parts.domains.keys());
    this.environment ??= environment;
    return environment;
  }

  /** The default domain's name: the default-domain directive's, else the configuration's. */
  private defaultDomain(): string | null {
    if (this.environment) return this.environment.defaultDomain;
    return this.parts.config.primary_domain;
  }

  /** A warning Sphinx logs without a location. */
  private warn(message: string): void {
    this.warnings.push({ message, source: null, line: null });
  }

  /**
   * sphinx_domains.lookup_domain_element. Methods, not callbacks: a closure
   * made per call and called from shared code keeps its registry (and the
   * document) alive in V8's young generation (see Reporter.sourceLocator).
   */
  private lookupDomainElement(kind: 'directive', name: string): DirectiveClass | undefined;
  private lookupDomainElement(kind: 'role', name: string): RoleFunction | undefined;
  private lookupDomainElement(kind: 'directive' | 'role', name: string): DirectiveClass | RoleFunction | undefined {
    let elementName = name.toLowerCase();
    const colon = elementName.indexOf(':');
    if (colon >= 0) {
      const domainName = elementName.slice(0, colon);
      elementName = elementName.slice(colon + 1);
      if (this.parts.domains.has(domainName)) {
        const found = this.domainElement(kind, domainName, elementName);
        if (found) return found;
      } else {
        this.warn(`unknown directive or role name: ${domainName}:${elementName}`);
      }
    } else {
      const defaultDomain = this.defaultDomain();
      if (defaultDomain && this.parts.domains.has(defaultDomain)) {
        const found = this.domainElement(kind, defaultDomain, elementName);
        if (found) return found;
      }
    }
    return this.domainElement(kind, 'std', elementName);
  }

  private domainElement(kind: 'directive' | 'role', domain: string, name: string): DirectiveClass | RoleFunction | undefined {
    return kind === 'directive' ? this.domainDirective(domain, name) : this.domainRole(domain, name);
  }

  private domainDirective(domain: string, name: string): DirectiveClass | undefined {
    const base = this.parts.domains.get(domain)?.directives.get(name);
    if (!base) return undefined;
    const fullname = `${domain}:${name}`;
    let adapter = this.directiveAdapters.get(fullname);
    if (!adapter) {
      adapter = renamed(base, fullname);
      this.directiveAdapters.set(fullname, adapter);
    }
    return adapter;
  }

  /** Domain.role(name): the domain's role, called with its full name (`js:func`). */
  domainRole(domain: string, name: string): RoleFunction | undefined {
    const base = this.parts.domains.get(domain)?.roles.get(name);
    if (!base) return undefined;
    const fullname = `${domain}:${name}`;
    let adapter = this.roleAdapters.get(fullname);
    if (!adapter) {
      const role: RoleFunction = (_name, rawtext, text, lineno, inliner, options, content) =>
        base(fullname, rawtext, text, lineno, inliner, options, content);
      if (base.options) role.options = base.options;
      if (base.content !== undefined) role.content = base.content;
      adapter = role;
      this.roleAdapters.set(fullname, adapter);
    }
    return adapter;
  }

  override directive(name: string, language: Language, document: Document): [DirectiveClass | null, Element[]] {
    this.sphinxEnvironment(document);
    const found = this.lookupDomainElement('directive', name);
    if (found) return [found, []];
    return super.directive(name, language, document);
  }

  override role(name: string, language: Language, lineno: number, reporter: Reporter): [RoleFunction | null, Element[]] {
    noteReporterWarnings(reporter, this.warnings);
    const found = this.lookupDomainElement('role', name);
    if (found) return [found, []];
    return super.role(name, language, lineno, reporter);
  }
}
