/**
 * Which directives and roles a parse knows (docutils' directive and role
 * registries, per parse instead of per process), and their lookup by
 * localised name with docutils' messages.
 */
import type { Document, Reporter } from './document.js';
import type { Element } from './nodes.js';
import type { Language } from './languages/language.js';
import { getLanguage } from './languages/language.js';
import type { DirectiveClass } from './directives/directive.js';
import type { RoleFunction } from './roles/role.js';

/** The role used for interpreted text without an explicit role. */
export const DEFAULT_INTERPRETED_ROLE = 'title-reference';

const EMPTY_DIRECTIVES: ReadonlyMap<string, DirectiveClass> = new Map();

export class Registry {
  /** Canonical directive name → implementation (shared by forks, never changed). */
  readonly directives: ReadonlyMap<string, DirectiveClass>;
  /** Canonical role name → implementation (docutils' _role_registry; shared by forks, never changed). */
  readonly roles: ReadonlyMap<string, RoleFunction>;
  /** Directives registered under their own name, found without a language lookup (Sphinx's; shared, never changed). */
  readonly directDirectives: ReadonlyMap<string, DirectiveClass>;
  /** docutils' _directives: names this parse has resolved. */
  private readonly resolvedDirectives = new Map<string, DirectiveClass>();
  /** docutils' _roles: names already resolved, local roles and the default role (key ""). */
  readonly localRoles = new Map<string, RoleFunction>();

  /** The maps are kept, not copied: they must not change afterwards. */
  constructor(
    directives: ReadonlyMap<string, DirectiveClass>,
    roles: ReadonlyMap<string, RoleFunction>,
    direct?: ReadonlyMap<string, DirectiveClass>,
  ) {
    this.directives = directives;
    this.roles = roles;
    this.directDirectives = direct ?? EMPTY_DIRECTIVES;
  }

  /**
   * When true, local roles (the role directive's, and names already
   * resolved) outlive a parse, as they do in one docutils process: the
   * registry is then used as is instead of forked, and only the default
   * role is reset after each parse. Off by default: each document starts
   * from the profile's roles.
   */
  sharedAcrossParses = false;

  /** A copy sharing the implementations, with fresh per-parse state (or itself when shared across parses). */
  fork(): Registry {
    if (this.sharedAcrossParses) return this;
    return new Registry(this.directives, this.roles, this.directDirectives);
  }

  /** docutils' Parser.parse end: the default role does not outlive the document. */
  endParse(): void {
    this.localRoles.delete('');
  }

  /** docutils.parsers.rst.directives.directive(). */
  directive(name: string, language: Language, document: Document): [DirectiveClass | null, Element[]] {
    const normname = name.toLowerCase();
    const messages: Element[] = [];
    const direct = this.resolvedDirectives.get(normname) ?? this.directDirectives.get(normname);
    if (direct) return [direct, messages];
    const text: string[] = [];
    let canonical: string | undefined;
    if (language.directives) {
      canonical = language.directives[normname];
      if (canonical === undefined) text.push(`No directive entry for "${name}" in module "${language.rstModuleName}".`);
    } else {
      text.push(`Problem retrieving directive entry from language module ${language.rstModuleName}.`);
    }
    if (!canonical) {
      const fallback = getLanguage('en').directives![normname];
      if (fallback !== undefined) {
        canonical = fallback;
        text.push(`Using English fallback for directive "${name}".`);
      } else {
        text.push(`Trying "${name}" as canonical directive name.`);
        canonical = normname;
      }
    }
    if (text.length > 0) {
      messages.push(document.reporter.info(text.join('\n'), [], { line: document.currentLine }));
    }
    const implementation = this.directives.get(canonical);
    if (!implementation) return [null, messages];
    this.resolvedDirectives.set(normname, implementation);
    return [implementation, messages];
  }

  /** docutils.parsers.rst.roles.role(). */
  role(name: string, language: Language, lineno: number, reporter: Reporter): [RoleFunction | null, Element[]] {
    const normname = name.toLowerCase();
    const messages: Element[] = [];
    const known = this.localRoles.get(normname);
    if (known) return [known, messages];
    const text: string[] = [];
    let canonical: string | undefined;
    if (name) {
      if (language.roles) {
        canonical = language.roles[normname];
        if (canonical === undefined) text.push(`No role entry for "${name}" in module "${language.rstModuleName}".`);
      } else {
        text.push(`Problem retrieving role entry from language module ${language.rstModuleName}.`);
      }
    } else {
      canonical = DEFAULT_INTERPRETED_ROLE;
    }
    if (!canonical) {
      const fallback = getLanguage('en').roles![normname];
      if (fallback !== undefined) {
        canonical = fallback;
        text.push(`Using English fallback for role "${name}".`);
      } else {
        text.push(`Trying "${name}" as canonical role name.`);
        canonical = normname;
      }
    }
    if (text.length > 0) messages.push(reporter.info(text.join('\n'), [], { line: lineno }));
    const implementation = this.roles.get(canonical);
    if (implementation) {
      this.localRoles.set(normname, implementation);
      return [implementation, messages];
    }
    return [null, messages];
  }

  /** docutils.parsers.rst.roles.register_local_role. */
  registerLocalRole(name: string, role: RoleFunction): void {
    this.localRoles.set(name, role);
  }
}
