/**
 * docutils' standard directives and roles (the _directive_registry of
 * docutils.parsers.rst.directives and the _role_registry of
 * docutils.parsers.rst.roles), keyed by canonical name.
 */
import { Registry } from '../registry.js';
import type { DirectiveClass } from '../directives/directive.js';
import {
  Admonition,
  Attention,
  Caution,
  Danger,
  ErrorAdmonition,
  Hint,
  Important,
  Note,
  Tip,
  WarningAdmonition,
} from '../directives/admonitions.js';
import {
  CodeBlock,
  Compound,
  Container,
  Epigraph,
  Highlights,
  LineBlock,
  MathBlock,
  ParsedLiteral,
  PullQuote,
  Rubric,
  Sidebar,
  Topic,
} from '../directives/body.js';
import { Figure, Image } from '../directives/images.js';
import { Contents, Footer, Header, Sectnum } from '../directives/parts.js';
import { TargetNotes } from '../directives/references.js';
import { Meta } from '../directives/html.js';
import {
  Class,
  DateDirective,
  DefaultRole,
  Include,
  Raw,
  Replace,
  Role,
  TestDirective,
  Title,
  Unicode,
} from '../directives/misc.js';
import { TABLE_DIRECTIVES } from '../directives/tables.js';
import { STANDARD_ROLES } from '../roles/standard.js';

function table(name: string): DirectiveClass {
  const directive = TABLE_DIRECTIVES[name];
  if (!directive) throw new Error(`the tables module has no "${name}" directive`);
  return directive;
}

/** docutils' _directive_registry, in its order. */
export function standardDirectives(): Map<string, DirectiveClass> {
  return new Map<string, DirectiveClass>([
    ['attention', Attention],
    ['caution', Caution],
    ['code', CodeBlock],
    ['danger', Danger],
    ['error', ErrorAdmonition],
    ['important', Important],
    ['note', Note],
    ['tip', Tip],
    ['hint', Hint],
    ['warning', WarningAdmonition],
    ['admonition', Admonition],
    ['sidebar', Sidebar],
    ['topic', Topic],
    ['line-block', LineBlock],
    ['parsed-literal', ParsedLiteral],
    ['math', MathBlock],
    ['rubric', Rubric],
    ['epigraph', Epigraph],
    ['highlights', Highlights],
    ['pull-quote', PullQuote],
    ['compound', Compound],
    ['container', Container],
    ['table', table('table')],
    ['csv-table', table('csv-table')],
    ['list-table', table('list-table')],
    ['image', Image],
    ['figure', Figure],
    ['contents', Contents],
    ['sectnum', Sectnum],
    ['header', Header],
    ['footer', Footer],
    ['target-notes', TargetNotes],
    ['meta', Meta],
    ['raw', Raw],
    ['include', Include],
    ['replace', Replace],
    ['unicode', Unicode],
    ['class', Class],
    ['role', Role],
    ['default-role', DefaultRole],
    ['title', Title],
    ['date', DateDirective],
    ['restructuredtext-test-directive', TestDirective],
  ]);
}

/** A registry with docutils' standard directives and roles. */
export function docutilsRegistry(): Registry {
  return new Registry(standardDirectives(), new Map(STANDARD_ROLES));
}
