/**
 * Files → rules → findings.
 *
 * Paths are resolved to spec repositories (each with its configuration,
 * layout and templates); each file is read without ever throwing, its
 * raw text handed to the rules' `source` visitors and — when an enabled
 * rule needs it — its published document walked node by node. Findings
 * turned off by per-file ignores or disable comments are dropped.
 *
 * A run (lintPaths, lintPathsAsync) resolves its targets, answers the
 * files it can from the results cache (cache.ts), lints the others — in
 * this thread, or in worker threads too for long lists (parallel.ts) —
 * and assembles the report in target order, so the output never depends
 * on who linted what. Repository-level rules run once, in this thread.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { threadCount } from '../util/threads.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Document } from '../rst/document.js';
import type { Element, Node } from '../rst/nodes.js';
import { DocumentTooLargeError } from '../rst/memory-guard.js';
import { codePointLength } from '../rst/python-text.js';
import type { RuleSettingInput, SpecwrightConfig } from '../spec/config.js';
import { SpecError, type SpecErrorCode } from '../spec/errors.js';
import { PathPattern } from '../spec/glob.js';
import { findRepositoryRoot, SpecRepository, type TemplateSource } from '../spec/repository.js';
import type { SpecLocation } from '../spec/layout.js';
import { compareDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';
import { isDisabled, parseDisableComments } from './disable-comments.js';
import { fixUntilStable, writeFileAtomic, type TreeGuard } from './fix.js';
import { decodeSpecBytes, readSpecFile } from './read-file.js';
import { resolveRules, type ActiveRule } from './rule-settings.js';
import {
  formatMessage,
  type AnyFileRule,
  type AnyRepositoryRule,
  type FileRuleContext,
  type LintedFile,
  type NodeVisitor,
  type ReportDescriptor,
  type RuleVisitors,
} from './rule.js';
import { SourceText } from './source-text.js';
import { fileEncoding } from './rules/file-encoding.js';
import { publishForLint, treeGuard } from './engine.js';
import { getRule } from './registry.js';
import { contentHash, LintCache, readsOtherFiles } from './cache.js';
import { OPENSTACK_SPEC_EXTENSIONS } from '../rst/profiles/sphinx.js';

/** Publishes a document for the rules that read the tree (the engine's publish). */
export type PublishFunction = (
  text: string,
  options: {
    /** Path of the file (absolute): messages name it and includes are relative to it. */
    readonly sourcePath: string;
    /** Sphinx extensions the repository loads. */
    readonly extensions: readonly string[];
    /** Files outside this directory may not be included; also Sphinx's source directory. */
    readonly root?: string;
    /** Which roles and directives exist; default "sphinx" (with `extensions`). */
    readonly profile?: 'docutils' | 'sphinx';
  },
) => { readonly document: Document; readonly messages?: string };

export interface FixSettings {
  /** Checks that the fixed text publishes to the same tree; null = no check available. */
  readonly guard: TreeGuard | null;
  /** Write fixed files (false: compute fixes only). */
  readonly write: boolean;
}

export interface LintOptions {
  /** Directory paths are relative to; default process.cwd(). */
  readonly cwd?: string;
  /** `--config FILE`: used for every repository instead of its own configuration. */
  readonly configFile?: string;
  /** Rule settings that win over the configuration (from the command line). */
  readonly ruleOverrides?: Readonly<Record<string, RuleSettingInput>>;
  /** Publishes documents for the rules that read the tree; default the engine, null skips those rules (see `notices`). */
  readonly publish?: PublishFunction | null;
  readonly fix?: FixSettings | null;
  /** Called with the error when checking a file fails unexpectedly (the CLI prints its stack with --debug). */
  readonly onInternalError?: (file: string, error: unknown) => void;
  /**
   * The results cache file (`--cache`): files whose content and effective
   * configuration are unchanged since it was written are not linted again.
   * Used only with the engine's own publish (no `publish` option).
   */
  readonly cacheFile?: string | null;
  /**
   * Threads for `lintPathsAsync` (`lintPaths` always uses one): 'auto'
   * (the default) lints long file lists (PARALLEL_THRESHOLD files or more)
   * in one thread per 1.5 of os.availableParallelism() CPUs (so one thread
   * on 2 CPUs; see CPUS_PER_THREAD); a number uses that many threads
   * whatever the number of files; 'off' (or 1) uses one. Threads need the
   * engine's own publish and, with fixes, the tree guard of `treeGuard()`
   * (or none); other settings lint in one thread.
   */
  readonly concurrency?: number | 'auto' | 'off';
}

export interface FileFixResult {
  readonly applied: number;
  readonly converged: boolean;
  readonly written: boolean;
  /** 'equal': the guard compared the trees; 'none': no guard was available; 'changed': refused. */
  readonly guard: 'equal' | 'none' | 'changed';
  readonly reason?: string;
}

export interface FileResult {
  readonly path: string;
  readonly displayPath: string;
  /** The text the findings refer to (after fixes); null when the file could not be decoded. */
  readonly source: SourceText | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly fix?: FileFixResult;
}

/** A path that could not be linted at all (missing, unreadable). */
export interface PathProblem {
  readonly path: string;
  readonly message: string;
}

export interface LintReport {
  readonly files: readonly FileResult[];
  /** Every finding, files' and repositories', sorted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly problems: readonly PathProblem[];
  /** Things the user should know that are not findings (rules skipped, ...). */
  readonly notices: readonly string[];
  readonly stats?: LintStats;
}

/** How the files of a run were linted (`--debug` prints it). */
export interface LintStats {
  readonly files: number;
  /** Files answered by the results cache. */
  readonly fromCache: number;
  /** Threads that linted the others (1: the calling thread alone). */
  readonly threads: number;
  /** Files linted in worker threads. */
  readonly lintedInWorkers: number;
}

interface RepositoryState {
  readonly repository: SpecRepository;
  readonly rules: readonly ActiveRule[];
  readonly perFileIgnores: ReadonlyArray<readonly [PathPattern, readonly string[]]>;
}

/** A repository's state as worker threads receive it (structured-clone-able: no classes, no functions). */
export interface RepositoryDescription {
  readonly root: string;
  readonly config: SpecwrightConfig;
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: Severity; readonly options: unknown }>;
}

function describeRepository(state: RepositoryState): RepositoryDescription {
  return {
    root: state.repository.root,
    config: state.repository.config,
    rules: state.rules.map((active) => ({ id: active.rule.meta.id, severity: active.severity, options: active.options })),
  };
}

/** The state a description describes: the configuration is taken as already loaded and validated. */
export function repositoryFromDescription(description: RepositoryDescription): RepositoryState {
  const repository = new SpecRepository(description.root, description.config);
  return {
    repository,
    rules: description.rules.map((active) => {
      const rule = getRule(active.id);
      if (!rule) throw new Error(`unknown rule ${active.id} in a worker thread`);
      return { rule, severity: active.severity, options: active.options };
    }),
    perFileIgnores: perFileIgnorePatterns(description.config),
  };
}

function perFileIgnorePatterns(config: SpecwrightConfig): RepositoryState['perFileIgnores'] {
  return Object.entries(config.perFileIgnores).map(([pattern, ids]) => [new PathPattern(pattern), ids] as const);
}

export interface FileTarget {
  readonly path: string;
  readonly displayPath: string;
  readonly state: RepositoryState;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);

function statIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
const RST_EXTENSION = '.rst';

function isFileRule(rule: ActiveRule['rule']): rule is AnyFileRule {
  return rule.scope === 'file';
}

function needsDocument(rule: AnyFileRule, options: unknown): boolean {
  return typeof rule.needsDocument === 'function' ? rule.needsDocument(options) : rule.needsDocument;
}

/* ------------------------------------------------------------------ */
/* One text                                                             */
/* ------------------------------------------------------------------ */

export interface LintTextInput {
  readonly text: string;
  readonly path: string;
  readonly displayPath: string;
  readonly repository: SpecRepository | null;
  readonly location: SpecLocation | null;
  readonly rules: readonly ActiveRule[];
  readonly publish: PublishFunction | null;
}

export interface LintTextResult {
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[];
  /** Rules that needed the document but could not have it. */
  readonly skippedRules: string[];
}

function walk(root: Node, enter: Map<string, NodeVisitor[]>, exit: Map<string, NodeVisitor[]>): void {
  const visit = (node: Node): void => {
    if (!node.isElement()) return;
    const element = node as Element;
    for (const handler of enter.get(element.tagname) ?? []) handler(element);
    for (const child of element.children) visit(child);
    for (const handler of exit.get(element.tagname) ?? []) handler(element);
  };
  visit(root);
}

function addHandlers(target: Map<string, NodeVisitor[]>, handlers: Readonly<Record<string, NodeVisitor>> | undefined): void {
  if (!handlers) return;
  for (const [kind, handler] of Object.entries(handlers)) {
    const list = target.get(kind);
    if (list) list.push(handler);
    else target.set(kind, [handler]);
  }
}

/** Lints one text with the given rules; the core of every entry point. */
export function lintText(input: LintTextInput): LintTextResult {
  const source = new SourceText(input.text);
  const disables = parseDisableComments(source);
  const diagnostics: Diagnostic[] = [];
  const skippedRules: string[] = [];
  const file: LintedFile = {
    path: input.path,
    displayPath: input.displayPath,
    source,
    repository: input.repository,
    location: input.location,
  };
  const visitors: RuleVisitors[] = [];
  const documentVisitors: RuleVisitors[] = [];
  const extensions = input.repository?.sphinxExtensions().extensions ?? OPENSTACK_SPEC_EXTENSIONS;
  for (const active of input.rules) {
    const rule = active.rule;
    if (!isFileRule(rule) || rule.meta.id === fileEncoding.meta.id) continue;
    const ruleId = rule.meta.id;
    const severity: Severity = active.severity;
    const context: FileRuleContext<unknown, string> = {
      ruleId,
      options: active.options,
      file,
      publish(text: string, sourcePath: string, profile?: 'docutils' | 'sphinx') {
        if (!input.publish) throw new Error(`rule ${ruleId} needs the document but declares needsDocument false`);
        return input.publish(text, {
          sourcePath,
          extensions,
          ...(input.repository ? { root: input.repository.root } : {}),
          ...(profile ? { profile } : {}),
        }).document;
      },
      template() {
        if (!input.repository || !input.location) return null;
        return {
          source: input.repository.templateFor(input.location),
          settings: input.repository.templateSettings(input.location.release),
        };
      },
      report(descriptor: ReportDescriptor<string>) {
        const template = (rule.meta.messages as Record<string, string>)[descriptor.messageId];
        if (template === undefined) throw new Error(`rule ${ruleId} reported unknown message id "${descriptor.messageId}"`);
        if (isDisabled(disables, ruleId, descriptor.line)) return;
        const lineText = source.line(descriptor.line)?.text ?? '';
        const endLine = descriptor.endLine ?? descriptor.line;
        const endText = source.line(endLine)?.text ?? '';
        if (descriptor.fix && rule.meta.fix === 'none') throw new Error(`rule ${ruleId} offers a fix but its meta says it has none`);
        diagnostics.push({
          file: input.displayPath,
          rule: ruleId,
          messageId: descriptor.messageId,
          severity,
          message: formatMessage(template, descriptor.data),
          range: {
            start: { line: descriptor.line, column: descriptor.column ?? 1 },
            end: { line: endLine, column: descriptor.endColumn ?? Math.max(codePointLength(endText), codePointLength(lineText)) + 1 },
          },
          ...(descriptor.fix && rule.meta.fix !== 'none'
            ? { fix: { description: descriptor.fix.description, applicability: rule.meta.fix, edits: descriptor.fix.edits } }
            : {}),
        });
      },
    };
    if (needsDocument(rule, active.options)) {
      if (!input.publish) {
        skippedRules.push(ruleId);
        continue;
      }
      documentVisitors.push(rule.create(context));
    } else {
      visitors.push(rule.create(context));
    }
  }
  for (const visitor of [...visitors, ...documentVisitors]) visitor.source?.(source);
  if (documentVisitors.length > 0 && input.publish) {
    const { document } = input.publish(input.text, {
      sourcePath: input.path,
      extensions,
      ...(input.repository ? { root: input.repository.root } : {}),
    });
    for (const visitor of documentVisitors) visitor.document?.(document);
    const enter = new Map<string, NodeVisitor[]>();
    const exit = new Map<string, NodeVisitor[]>();
    for (const visitor of documentVisitors) {
      addHandlers(enter, visitor.enter);
      addHandlers(exit, visitor.exit);
    }
    if (enter.size > 0 || exit.size > 0) walk(document, enter, exit);
  }
  diagnostics.sort(compareDiagnostics);
  return { source, diagnostics, skippedRules };
}

/* ------------------------------------------------------------------ */
/* Paths                                                                */
/* ------------------------------------------------------------------ */

class Session {
  readonly repositories = new Map<string, RepositoryState>();
  readonly problems: PathProblem[] = [];
  readonly notices = new Set<string>();
  readonly skippedRules = new Set<string>();
  readonly cwd: string;

  constructor(readonly options: LintOptions) {
    this.cwd = resolve(options.cwd ?? process.cwd());
  }

  private readonly roots = new Map<string, string>();

  repositoryFor(path: string): RepositoryState {
    // Files of one directory share a repository: look the root up once per directory.
    const directory = dirname(path);
    let root = this.roots.get(directory);
    if (root === undefined) {
      root = findRepositoryRoot(path);
      if (!statIsDirectory(path)) this.roots.set(directory, root);
    }
    let state = this.repositories.get(root);
    if (!state) {
      const repository = SpecRepository.open(root, { configFile: this.options.configFile, cwd: this.cwd });
      state = {
        repository,
        rules: resolveRules(repository.config, this.options.ruleOverrides),
        perFileIgnores: perFileIgnorePatterns(repository.config),
      };
      this.repositories.set(root, state);
      const sphinx = repository.sphinxExtensions();
      for (const statement of sphinx.unresolved) {
        this.notices.add(`${this.display(join(root, repository.config.sphinx.conf))}: cannot read "${statement}" statically; set [sphinx] extensions in the configuration if it matters`);
      }
    }
    return state;
  }

  display(path: string): string {
    const shown = relative(this.cwd, path);
    return shown === '' ? '.' : shown;
  }
}

function rulesForFile(state: RepositoryState, path: string): readonly ActiveRule[] {
  if (state.perFileIgnores.length === 0) return state.rules;
  const shown = state.repository.relative(path);
  const ignored = new Set<string>();
  for (const [pattern, ids] of state.perFileIgnores) {
    if (pattern.matches(shown)) for (const id of ids) ignored.add(id);
  }
  return ignored.size === 0 ? state.rules : state.rules.filter((active) => !ignored.has(active.rule.meta.id));
}

function collectRstFiles(directory: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) collectRstFiles(path, out);
    else if (entry.name.endsWith(RST_EXTENSION)) out.push(path);
  }
}

function joinDisplay(given: string, relativePath: string): string {
  if (given === '.' || given === './') return relativePath;
  return join(given, relativePath);
}

interface Targets {
  files: FileTarget[];
  repositoryChecks: Array<{ state: RepositoryState; scope: { kind: 'repository' } | { kind: 'files'; files: string[] } }>;
}

function resolveTargets(session: Session, paths: readonly string[]): Targets {
  const files: FileTarget[] = [];
  const seen = new Set<string>();
  const wholeRepositories = new Set<RepositoryState>();
  const namedFiles = new Map<RepositoryState, string[]>();
  const add = (path: string, displayPath: string, state: RepositoryState) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, displayPath, state });
  };
  const addRepository = (state: RepositoryState, given: string | null) => {
    wholeRepositories.add(state);
    const specs = state.repository.specFiles();
    if (specs.length === 0) {
      throw new SpecError(
        'path-not-found',
        `no spec files found (layout "${state.repository.layout.pattern}"); name the files to check, or set [layout] specs in specwright.toml`,
        given ?? session.display(state.repository.root),
      );
    }
    for (const path of specs) {
      const inRepository = state.repository.relative(path);
      const displayPath = given === null ? session.display(path) : joinDisplay(given, relative(resolve(session.cwd, given), path));
      add(path, displayPath || inRepository, state);
    }
  };

  if (paths.length === 0) {
    addRepository(session.repositoryFor(session.cwd), null);
  }
  for (const given of paths) {
    const absolute = resolve(session.cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      session.problems.push({ path: given, message: code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : `cannot read: ${code ?? String(error)}` });
      continue;
    }
    if (stats.isDirectory()) {
      const state = session.repositoryFor(absolute);
      if (state.repository.relative(absolute) === '') {
        addRepository(state, given);
        continue;
      }
      const specs = state.repository.specFiles().filter((path) => {
        const shown = relative(absolute, path);
        return !shown.startsWith('..') && !isAbsolute(shown);
      });
      const found = specs.length > 0 ? specs : [];
      if (found.length === 0) {
        const all: string[] = [];
        collectRstFiles(absolute, all);
        for (const path of all) if (!state.repository.isExcluded(path)) found.push(path);
      }
      if (found.length === 0) {
        session.problems.push({ path: given, message: 'no .rst files found in this directory' });
        continue;
      }
      for (const path of found) {
        add(path, joinDisplay(given, relative(absolute, path)), state);
        namedFiles.set(state, [...(namedFiles.get(state) ?? []), path]);
      }
      continue;
    }
    const state = session.repositoryFor(absolute);
    if (state.repository.isExcluded(absolute)) continue;
    add(absolute, given, state);
    namedFiles.set(state, [...(namedFiles.get(state) ?? []), absolute]);
  }
  const repositoryChecks: Targets['repositoryChecks'] = [];
  for (const state of wholeRepositories) repositoryChecks.push({ state, scope: { kind: 'repository' } });
  for (const [state, named] of namedFiles) {
    if (!wholeRepositories.has(state)) repositoryChecks.push({ state, scope: { kind: 'files', files: named } });
  }
  return { files, repositoryChecks };
}

/* ------------------------------------------------------------------ */
/* Files                                                                */
/* ------------------------------------------------------------------ */

/** How every file of a run is linted (the same in every thread). */
export interface FileJob {
  readonly publish: PublishFunction | null;
  readonly fix: FixSettings | null;
  /** Hash what is linted, for the results cache (`FileOutcome.cacheableContent`). */
  readonly hashContent: boolean;
}

/**
 * What linting one file gives, in a form a worker thread can post
 * (structured-clone-able); the main thread turns it into a FileResult.
 */
export interface FileOutcome {
  /** The text the findings refer to (after fixes); null when the file could not be read or decoded. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly fix?: FileFixResult;
  /** Problems with this file (unreadable, internal error, fixed text not written). */
  readonly problems: readonly string[];
  /** Rules that needed the document but could not have it. */
  readonly skippedRules: readonly string[];
  /** The internal error (a bug in a rule or the engine), for `onInternalError`. */
  readonly internalError?: unknown;
  /** A configuration error (SpecError): it stops the run, in threads as in one. */
  readonly fatal?: { readonly code: SpecErrorCode; readonly message: string; readonly file?: string };
  /** With `hashContent`: contentHash of `text`, when its findings depend on nothing but the text and the configuration. */
  readonly cacheableContent?: string;
}

function encodingDiagnostic(
  target: FileTarget,
  severity: Severity,
  messageId: 'invalidUtf8' | 'nulByte',
  data: Record<string, string | number>,
): Diagnostic {
  return {
    file: target.displayPath,
    rule: fileEncoding.meta.id,
    messageId,
    severity,
    message: formatMessage(fileEncoding.meta.messages[messageId], data),
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  };
}

/**
 * Lints one file; an internal error (a bug, in a rule or the engine) is
 * reported as a problem with that file and the other files still run.
 * Configuration errors (SpecError) stop the run: they concern every file.
 */
export function lintFileOutcome(target: FileTarget, job: FileJob): FileOutcome {
  try {
    return lintFile(target, job);
  } catch (error) {
    if (error instanceof SpecError) {
      return {
        text: null,
        diagnostics: [],
        problems: [],
        skippedRules: [],
        fatal: { code: error.code, message: error.message, ...(error.file !== undefined ? { file: error.file } : {}) },
      };
    }
    if (error instanceof DocumentTooLargeError) return { text: null, diagnostics: [], problems: [error.message], skippedRules: [] };
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { text: null, diagnostics: [], problems: [`internal error while checking this file: ${message}`], skippedRules: [], internalError: error };
  }
}

function lintFile(target: FileTarget, job: FileJob): FileOutcome {
  const read = readSpecFile(target.path);
  const rules = rulesForFile(target.state, target.path);
  if (read.kind === 'unreadable') return { text: null, diagnostics: [], problems: [read.reason], skippedRules: [] };
  if (read.kind !== 'text') {
    const encoding = rules.find((active) => active.rule.meta.id === fileEncoding.meta.id);
    const diagnostics = encoding
      ? [
          read.kind === 'nul-byte'
            ? encodingDiagnostic(target, encoding.severity, 'nulByte', { offset: read.offset })
            : encodingDiagnostic(target, encoding.severity, 'invalidUtf8', {
                offset: read.offset,
                byte: read.byte.toString(16).padStart(2, '0'),
              }),
        ]
      : [];
    return { text: null, diagnostics, problems: [], skippedRules: [] };
  }
  const repository = target.state.repository;
  const location = repository.locate(target.path);
  const skipped = new Set<string>();
  const lintOnce = (text: string): LintTextResult => {
    const result = lintText({
      text,
      path: target.path,
      displayPath: target.displayPath,
      repository,
      location,
      rules,
      publish: job.publish,
    });
    for (const id of result.skippedRules) skipped.add(id);
    return result;
  };
  // The cache keys findings by the text's bytes: the UTF-8 of a text decoded from valid UTF-8 is those bytes.
  const cacheable = (text: string): { cacheableContent?: string } =>
    job.hashContent && !readsOtherFiles(text) ? { cacheableContent: contentHash(text) } : {};
  const fix = job.fix;
  if (!fix) {
    const result = lintOnce(read.text);
    return { text: read.text, diagnostics: result.diagnostics, problems: [], skippedRules: [...skipped], ...cacheable(read.text) };
  }
  const outcome = fixUntilStable(read.text, (text) => lintOnce(text).diagnostics);
  if (outcome.text === read.text) {
    return { text: read.text, diagnostics: [...outcome.diagnostics], problems: [], skippedRules: [...skipped], ...cacheable(read.text) };
  }
  const verdict = fix.guard
    ? fix.guard(read.text, outcome.text, { path: target.path, root: repository.root, extensions: repository.sphinxExtensions().extensions })
    : null;
  if (verdict && !verdict.equal) {
    const original = lintOnce(read.text);
    return {
      text: read.text,
      diagnostics: original.diagnostics,
      fix: { applied: 0, converged: outcome.converged, written: false, guard: 'changed', reason: verdict.reason },
      problems: [],
      skippedRules: [...skipped],
      ...cacheable(read.text),
    };
  }
  let written = false;
  const problems: string[] = [];
  if (fix.write) {
    try {
      writeFileAtomic(target.path, outcome.text);
      written = true;
    } catch (error) {
      problems.push(`cannot write the fixed file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return {
    text: outcome.text,
    diagnostics: [...outcome.diagnostics],
    fix: { applied: outcome.applied, converged: outcome.converged, written, guard: verdict ? 'equal' : 'none' },
    problems,
    skippedRules: [...skipped],
    ...cacheable(outcome.text),
  };
}

function runRepositoryRules(
  session: Session,
  state: RepositoryState,
  scope: { kind: 'repository' } | { kind: 'files'; files: string[] },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const active of state.rules) {
    if (active.rule.scope !== 'repository') continue;
    const rule = active.rule as AnyRepositoryRule;
    rule.check({
      ruleId: rule.meta.id,
      options: active.options,
      repository: state.repository,
      scope,
      report(descriptor) {
        const template = (rule.meta.messages as Record<string, string>)[descriptor.messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${descriptor.messageId}"`);
        const ignored = state.perFileIgnores.some(
          ([pattern, ids]) => ids.includes(rule.meta.id) && pattern.matches(state.repository.relative(descriptor.path)),
        );
        if (ignored) return;
        diagnostics.push({
          file: session.display(descriptor.path),
          rule: rule.meta.id,
          messageId: descriptor.messageId,
          severity: active.severity,
          message: formatMessage(template, descriptor.data),
          range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        });
      },
    });
  }
  return diagnostics;
}

/* ------------------------------------------------------------------ */
/* Runs                                                                 */
/* ------------------------------------------------------------------ */

const templateHashes = new WeakMap<TemplateSource, string | null>();

/** A template's name and text, hashed; null when its tree depends on other files. */
function templateHash(template: TemplateSource): string | null {
  let hash = templateHashes.get(template);
  if (hash === undefined) {
    hash = readsOtherFiles(template.text) ? null : contentHash(`${template.name}\0${template.text}`);
    templateHashes.set(template, hash);
  }
  return hash;
}

/**
 * One run of lintPaths or lintPathsAsync: the targets resolved, the cache
 * consulted, then each remaining file's outcome recorded by index (in any
 * order, by any thread); `finish` assembles the report in target order.
 */
class Run {
  readonly session: Session;
  readonly files: readonly FileTarget[];
  readonly job: FileJob;
  /** Indices of the files to lint (not answered by the cache), in order. */
  readonly pending: number[] = [];
  readonly outcomes: Array<FileOutcome | undefined>;
  /** Whether worker threads can lint these files: they publish with the engine and guard fixes with treeGuard(). */
  readonly threadable: boolean;
  private readonly targets: Targets;
  private readonly cache: LintCache | null;
  private readonly fromCache = new Map<number, FileResult>();
  private readonly settingsKeys = new Map<number, string>();

  constructor(
    paths: readonly string[],
    readonly options: LintOptions,
  ) {
    this.session = new Session(options);
    this.targets = resolveTargets(this.session, paths);
    this.files = this.targets.files;
    this.outcomes = new Array<FileOutcome | undefined>(this.files.length);
    const fix = options.fix ?? null;
    this.cache = options.cacheFile && options.publish === undefined ? new LintCache(options.cacheFile) : null;
    this.job = { publish: options.publish === undefined ? publishForLint : options.publish, fix, hashContent: this.cache !== null };
    this.threadable = options.publish === undefined && (fix === null || fix.guard === null || fix.guard === treeGuard());
    this.files.forEach((target, index) => {
      const cached = this.cache ? this.lookup(target, index) : undefined;
      if (cached) this.fromCache.set(index, cached);
      else this.pending.push(index);
    });
  }

  /** Lints one pending file in this thread. */
  lintHere(index: number): FileOutcome {
    const outcome = lintFileOutcome(this.files[index]!, this.job);
    this.outcomes[index] = outcome;
    return outcome;
  }

  /**
   * The hash of everything besides its text that a file's findings depend
   * on; null when they may depend on more (a template that reads other
   * files) or the template cannot be read (linting reports why).
   */
  private settingsKey(target: FileTarget): string | null {
    const state = target.state;
    const repository = state.repository;
    const location = repository.locate(target.path);
    let template: string | null = null;
    if (location) {
      try {
        template = templateHash(repository.templateFor(location));
        if (template === null) return null;
      } catch (error) {
        if (error instanceof SpecError) return null;
        throw error;
      }
    }
    const rules = rulesForFile(state, target.path).map((active) => [active.rule.meta.id, active.severity, active.options]);
    // The configuration's values, not where it was read from (named relative to the current directory).
    const config = { ...repository.config, file: null };
    return contentHash(JSON.stringify([target.path, repository.root, config, rules, location, template, repository.sphinxExtensions().extensions]));
  }

  /** The file's result from the cache, if its content and configuration are unchanged (and, with --fix, nothing is left to fix). */
  private lookup(target: FileTarget, index: number): FileResult | undefined {
    const settings = this.settingsKey(target);
    if (settings === null) return undefined;
    this.settingsKeys.set(index, settings);
    let bytes: Buffer;
    try {
      bytes = readFileSync(target.path);
    } catch {
      return undefined;
    }
    const cached = this.cache!.lookup(target.path, contentHash(bytes), settings);
    if (!cached) return undefined;
    if (this.job.fix && cached.some((diagnostic) => diagnostic.fix?.applicability === 'safe')) return undefined;
    const read = decodeSpecBytes(bytes);
    if (read.kind !== 'text') return undefined;
    return {
      path: target.path,
      displayPath: target.displayPath,
      source: new SourceText(read.text),
      diagnostics: cached.map((diagnostic) => ({ file: target.displayPath, ...diagnostic })),
    };
  }

  /** The report, files in target order. Throws the first configuration error a file met. */
  finish(threads: number, lintedInWorkers: number): LintReport {
    const session = this.session;
    const files: FileResult[] = [];
    this.files.forEach((target, index) => {
      const hit = this.fromCache.get(index);
      if (hit) {
        files.push(hit);
        return;
      }
      const outcome = this.outcomes[index];
      if (!outcome) throw new Error(`internal error: ${target.displayPath} was not linted`);
      if (outcome.fatal) throw new SpecError(outcome.fatal.code, outcome.fatal.message, outcome.fatal.file);
      for (const message of outcome.problems) session.problems.push({ path: target.displayPath, message });
      for (const id of outcome.skippedRules) session.skippedRules.add(id);
      if (outcome.internalError !== undefined && this.options.onInternalError) this.options.onInternalError(target.displayPath, outcome.internalError);
      files.push({
        path: target.path,
        displayPath: target.displayPath,
        source: outcome.text === null ? null : new SourceText(outcome.text),
        diagnostics: outcome.diagnostics,
        ...(outcome.fix ? { fix: outcome.fix } : {}),
      });
      const settings = this.settingsKeys.get(index);
      if (this.cache && settings !== undefined && outcome.cacheableContent !== undefined && outcome.problems.length === 0) {
        this.cache.store(target.path, outcome.cacheableContent, settings, outcome.diagnostics);
      }
    });
    const repositoryDiagnostics = this.targets.repositoryChecks.flatMap(({ state, scope }) => runRepositoryRules(session, state, scope));
    const diagnostics = [...files.flatMap((file) => file.diagnostics), ...repositoryDiagnostics].sort(compareDiagnostics);
    const notices = [...session.notices];
    if (session.skippedRules.size > 0) {
      notices.push(
        `skipped ${[...session.skippedRules].sort().join(', ')}: ${session.skippedRules.size === 1 ? 'this rule needs' : 'these rules need'} the reStructuredText engine, which this build does not provide yet`,
      );
    }
    if (this.cache) {
      try {
        this.cache.save();
      } catch (error) {
        notices.push(`cannot write the cache ${session.display(this.cache.file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
    }
    const stats: LintStats = { files: files.length, fromCache: this.fromCache.size, threads, lintedInWorkers };
    return { files, diagnostics, problems: session.problems, notices, stats };
  }
}

/**
 * Lints paths (files or directories; none = the repository around `cwd`)
 * in this thread. Throws SpecError for configuration problems; every
 * problem with a single path is reported in `problems` and the other paths
 * are still linted.
 */
export function lintPaths(paths: readonly string[], options: LintOptions = {}): LintReport {
  const run = new Run(paths, options);
  for (const index of run.pending) if (run.lintHere(index).fatal) break;
  return run.finish(1, 0);
}

/**
 * As lintPaths, but long file lists are linted in worker threads as well
 * as this one (see `concurrency`); the report is the same as lintPaths'.
 * Repository-level rules (directory-layout) run in this thread.
 */
export async function lintPathsAsync(paths: readonly string[], options: LintOptions & ThreadOptions = {}): Promise<LintReport> {
  const run = new Run(paths, options);
  const threads = run.threadable ? threadCount(options.concurrency, run.pending.length) : 1;
  if (threads < 2) {
    for (const index of run.pending) if (run.lintHere(index).fatal) break;
    return run.finish(1, 0);
  }
  const { lintInThreads } = await import('./parallel.js');
  const states = [...new Set(run.files.map((target) => target.state))];
  const fix = run.job.fix;
  const { lintedInWorkers } = await lintInThreads({
    repositories: states.map(describeRepository),
    targets: run.pending.map((index) => {
      const target = run.files[index]!;
      return { path: target.path, displayPath: target.displayPath, repository: states.indexOf(target.state) };
    }),
    job: { fix: fix ? { write: fix.write, guard: fix.guard !== null } : null, hashContent: run.job.hashContent },
    threads,
    mainThreadLints: options.mainThreadLints ?? true,
    lintHere: (position) => run.lintHere(run.pending[position]!),
    record: (position, outcome) => {
      run.outcomes[run.pending[position]!] = outcome;
    },
  });
  return run.finish(threads, lintedInWorkers);
}

/** Options of lintPathsAsync only. */
export interface ThreadOptions {
  /**
   * Whether this thread lints files too while the workers run (default
   * true: it saves starting one more worker). The tests turn it off to
   * make the workers do every file.
   */
  readonly mainThreadLints?: boolean;
}

/** Whether some path or rule could not be checked at all. */
export function hasProblems(report: LintReport): boolean {
  return report.problems.length > 0;
}
