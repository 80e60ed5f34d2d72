/**
 * What a rule is (modelled on ESLint's rule modules, documented like
 * Ruff's rules): `meta` says what it checks, how bad a finding is by
 * default, whether it can fix it, its options and message templates and
 * its documentation; `create(context)` returns visitors the runner calls.
 *
 * File rules see one file: its raw text (`source`), and — for rules that
 * set `needsDocument` — the published document tree, visited by node
 * kind. Repository rules (directory layout) see the repository.
 */
import type { Document } from '../rst/document.js';
import type { Element } from '../rst/nodes.js';
import type { SpecLocation } from '../spec/layout.js';
import type { SpecRepository, TemplateSource } from '../spec/repository.js';
import type { TemplateSettings } from '../spec/config.js';
import type { TextEdit } from './diagnostic.js';
import type { SourceText } from './source-text.js';

export type RuleSeverity = 'error' | 'warning' | 'off';

/** Documentation sections, as in Ruff's rule pages. Markdown. */
export interface RuleDocs {
  readonly whatItDoes: string;
  readonly why: string;
  readonly example: string;
  readonly useInstead: string;
  readonly fixSafety?: string;
  readonly options?: string;
  /** Which existing check this one reproduces, if any (e.g. "doc8 D002"). */
  readonly compatibility?: string;
}

export interface RuleMeta<Id extends string, Options, MessageId extends string> {
  readonly id: Id;
  /** One line, imperative mood ("Limit line length"). */
  readonly description: string;
  readonly defaultSeverity: RuleSeverity;
  /** Whether the rule offers fixes, and of what kind. */
  readonly fix: 'safe' | 'unsafe' | 'none';
  /** JSON schema of the options table (a `severity` key is always allowed besides). */
  readonly optionsSchema: Record<string, unknown>;
  readonly defaultOptions: Options;
  /** Message templates keyed by message id; `{{name}}` is replaced from the report's data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly docs: RuleDocs;
}

/** What a file rule knows about the file it checks. */
export interface LintedFile {
  /** Absolute path (or a made-up name for text linted without a file). */
  readonly path: string;
  /** The path as shown to the user. */
  readonly displayPath: string;
  readonly source: SourceText;
  readonly repository: SpecRepository | null;
  /** Where the file sits in the repository's layout; null when it is not a spec. */
  readonly location: SpecLocation | null;
}

export interface ReportDescriptor<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly line: number;
  /** 1-based, code points; default 1. */
  readonly column?: number;
  readonly endLine?: number;
  /** Exclusive; default: the end of the start line. */
  readonly endColumn?: number;
  readonly fix?: { readonly description: string; readonly edits: readonly TextEdit[] };
}

export interface FileRuleContext<Options, MessageId extends string> {
  readonly ruleId: string;
  readonly options: Options;
  readonly file: LintedFile;
  /** Publishes another text (a template) as the file itself is published, or with another profile; only for rules that need the document. */
  publish(text: string, sourcePath: string, profile?: 'docutils' | 'sphinx'): Document;
  /** The template this spec is checked against (null when the file is not a spec in the layout). */
  template(): { source: TemplateSource; settings: TemplateSettings } | null;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export type NodeVisitor = (node: Element) => void;

export interface RuleVisitors {
  /** Called once with the file's raw text. */
  source?(source: SourceText): void;
  /** Called once with the published document, before its nodes are visited. */
  document?(document: Document): void;
  /** Called for each node of the given kind (docutils tag name) on the way down. */
  enter?: Readonly<Record<string, NodeVisitor>>;
  /** Called for each node of the given kind on the way up. */
  exit?: Readonly<Record<string, NodeVisitor>>;
}

export interface FileRule<Id extends string, Options, MessageId extends string> {
  readonly scope: 'file';
  /** True when the rule reads the published document tree (the runner publishes only then); may depend on the options. */
  readonly needsDocument: boolean | ((options: Options) => boolean);
  readonly meta: RuleMeta<Id, Options, MessageId>;
  create(context: FileRuleContext<Options, MessageId>): RuleVisitors;
}

export interface RepositoryReportDescriptor<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Absolute path of the file or directory concerned. */
  readonly path: string;
}

export interface RepositoryRuleContext<Options, MessageId extends string> {
  readonly ruleId: string;
  readonly options: Options;
  readonly repository: SpecRepository;
  /**
   * What to check: the whole repository, or only where the given files
   * (absolute paths) sit — as when pre-commit passes the changed files.
   */
  readonly scope: { readonly kind: 'repository' } | { readonly kind: 'files'; readonly files: readonly string[] };
  report(descriptor: RepositoryReportDescriptor<MessageId>): void;
}

export interface RepositoryRule<Id extends string, Options, MessageId extends string> {
  readonly scope: 'repository';
  readonly meta: RuleMeta<Id, Options, MessageId>;
  check(context: RepositoryRuleContext<Options, MessageId>): void;
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds rules of every option type */
export type AnyFileRule = FileRule<string, any, string>;
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above */
export type AnyRepositoryRule = RepositoryRule<string, any, string>;
export type AnyRule = AnyFileRule | AnyRepositoryRule;

/** Identity helpers that keep the rule's id, options and message ids as literal types. */
export function defineFileRule<const Id extends string, Options, const MessageId extends string>(
  rule: FileRule<Id, Options, MessageId>,
): FileRule<Id, Options, MessageId> {
  return rule;
}

export function defineRepositoryRule<const Id extends string, Options, const MessageId extends string>(
  rule: RepositoryRule<Id, Options, MessageId>,
): RepositoryRule<Id, Options, MessageId> {
  return rule;
}

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}
