/**
 * The directives of Sphinx's py, c, cpp, js and rst domains.
 *
 * py:module, py:currentmodule and js:module are Sphinx's: they set the
 * module the document's roles refer to and (module) add a target and an
 * index entry.
 *
 * The object directives (py:function, py:class, c:function, js:method,
 * rst:directive, ...) are recognised with the options Sphinx 5.3 gives them,
 * so a document using them gets no "Unknown directive type" error, and they
 * make Sphinx's desc / desc_signature / desc_content structure with the
 * domain and object type. Their signatures are NOT parsed as Sphinx parses
 * them (Python's ast for argument lists and annotations, the C and C++
 * grammars): one desc_name holds the whole signature, and nothing is
 * indexed. Trees with these directives therefore differ from Sphinx's.
 */
import { type Node, element } from '../../nodes.js';
import type { DirectiveClass, OptionSpec } from '../../directives/directive.js';
import { flag, unchanged } from '../../directives/options.js';
import { strip } from '../../python-text.js';
import { indexEntry, sphinxElement } from '../nodes.js';
import { SphinxDirective } from './base.js';
import { GenericDescription, nestedParseWithTitles, sphinxMakeId } from './std.js';

/** An object directive of a domain, with Sphinx's option spec for it. */
function objectDirective(optionNames: readonly string[]): DirectiveClass {
  const spec: OptionSpec = {};
  for (const name of optionNames) spec[name] = FLAG_OPTIONS.has(name) ? flag : unchanged;
  return class extends GenericDescription {
    static override optionSpec: OptionSpec = spec;
  } as unknown as DirectiveClass;
}

const FLAG_OPTIONS = new Set([
  'noindex', 'noindexentry', 'nocontentsentry', 'async', 'final', 'abstractmethod', 'classmethod', 'staticmethod',
  'property', 'noroot', 'deprecated', 'tparam-line-spec',
]);

const PY_OBJECT = ['noindex', 'noindexentry', 'nocontentsentry', 'module', 'canonical', 'annotation'];
const PY_METHOD = [...PY_OBJECT, 'abstractmethod', 'async', 'classmethod', 'final', 'property', 'staticmethod'];
const C_OBJECT = ['noindexentry', 'nocontentsentry'];
const CPP_OBJECT = [...C_OBJECT, 'tparam-line-spec'];
const JS_OBJECT = ['noindex', 'noindexentry', 'nocontentsentry'];
const ALIAS = ['maxdepth', 'noroot'];

/** A module directive (py:module, js:module): sets the module, parses the content, and adds a target and an index entry. */
abstract class ModuleDirective extends SphinxDirective {
  static override hasContent = true;
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = false;

  protected abstract readonly domain: 'py' | 'js';
  protected abstract indexEntry(moduleName: string, nodeId: string): ReturnType<typeof indexEntry>;
  /** Whether the target gets the directive's source and line (PyModule sets them, JSModule does not). */
  protected abstract readonly targetHasSource: boolean;

  run(): Node[] {
    const moduleName = strip(this.args[0]!);
    this.env.refContext.set(`${this.domain}:module`, moduleName);
    const contentNode = element('section');
    nestedParseWithTitles(this, this.content, contentNode);
    const nodes: Node[] = [];
    if (!('noindex' in this.options)) {
      const nodeId = sphinxMakeId(this.env, this.state.document.idMap, 'module', moduleName);
      const target = element('target', '', '', [], { ids: [nodeId], ismod: true });
      if (this.targetHasSource) this.setSourceInfo(target);
      this.state.document.noteExplicitTarget(target);
      // py notes the object at the target, js at the directive.
      const [source, line] = this.getSourceInfo();
      this.env.noteDomainObject(this.domain, moduleName, 'module', this.targetHasSource ? { source: target.source, line: target.line } : { source, line });
      nodes.push(target, sphinxElement('index', '', '', [], { entries: [this.indexEntry(moduleName, nodeId)] }));
    }
    nodes.push(...contentNode.children);
    return nodes;
  }
}

/** sphinx.domains.python.PyModule. */
class PyModule extends ModuleDirective {
  static override optionSpec: OptionSpec = { platform: unchanged, synopsis: unchanged, noindex: flag, nocontentsentry: flag, deprecated: flag };
  protected readonly domain = 'py';
  protected readonly targetHasSource = true;
  protected indexEntry(moduleName: string, nodeId: string) {
    return indexEntry('pair', `module; ${moduleName}`, nodeId, '', null);
  }
}

/** sphinx.domains.javascript.JSModule. */
class JSModule extends ModuleDirective {
  static override optionSpec: OptionSpec = { noindex: flag, nocontentsentry: flag };
  protected readonly domain = 'js';
  protected readonly targetHasSource = false;
  protected indexEntry(moduleName: string, nodeId: string) {
    return indexEntry('single', `${moduleName} (module)`, nodeId, '', null);
  }
}

/** sphinx.domains.python.PyCurrentModule. */
class PyCurrentModule extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = false;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const moduleName = strip(this.args[0]!);
    if (moduleName === 'None') this.env.refContext.delete('py:module');
    else this.env.refContext.set('py:module', moduleName);
    return [];
  }
}

/** c:namespace, namespace-push, namespace-pop and the cpp ones: they change the scope of later declarations, and make no nodes. */
function namespaceDirective(requiredArguments: 0 | 1): DirectiveClass {
  return class extends SphinxDirective {
    static override requiredArguments = requiredArguments;
    static override finalArgumentWhitespace = true;
    static override optionSpec: OptionSpec = {};

    run(): Node[] {
      return [];
    }
  } as unknown as DirectiveClass;
}

function table(entries: [string, DirectiveClass][]): Map<string, DirectiveClass> {
  return new Map(entries);
}

/** Directives of the py, c, cpp, js and rst domains, by domain. */
export function codeDomainDirectives(): Map<string, Map<string, DirectiveClass>> {
  const pyObject = objectDirective(PY_OBJECT);
  const pyFunction = objectDirective([...PY_OBJECT, 'async']);
  const pyVariable = objectDirective([...PY_OBJECT, 'type', 'value']);
  const pyClass = objectDirective([...PY_OBJECT, 'final']);
  const pyMethod = objectDirective(PY_METHOD);
  const cObject = objectDirective(C_OBJECT);
  const cppObject = objectDirective(CPP_OBJECT);
  const jsObject = objectDirective(JS_OBJECT);
  const alias = objectDirective(ALIAS);
  const withScope = namespaceDirective(1);
  const popScope = namespaceDirective(0);
  return new Map([
    [
      'py',
      table([
        ['function', pyFunction],
        ['data', pyVariable],
        ['class', pyClass],
        ['exception', pyClass],
        ['method', pyMethod],
        ['classmethod', pyObject],
        ['staticmethod', pyObject],
        ['attribute', pyVariable],
        ['property', objectDirective([...PY_OBJECT, 'abstractmethod', 'classmethod', 'type'])],
        ['module', PyModule as unknown as DirectiveClass],
        ['currentmodule', PyCurrentModule as unknown as DirectiveClass],
        ['decorator', pyFunction],
        ['decoratormethod', pyMethod],
      ]),
    ],
    [
      'c',
      table([
        ...['member', 'var', 'function', 'macro', 'struct', 'union', 'enum', 'enumerator', 'type'].map((name) => [name, cObject] as [string, DirectiveClass]),
        ['namespace', withScope],
        ['namespace-push', withScope],
        ['namespace-pop', popScope],
        ['alias', alias],
      ]),
    ],
    [
      'cpp',
      table([
        ...['class', 'struct', 'union', 'function', 'member', 'var', 'type', 'concept', 'enum', 'enum-struct', 'enum-class', 'enumerator'].map(
          (name) => [name, cppObject] as [string, DirectiveClass],
        ),
        ['namespace', withScope],
        ['namespace-push', withScope],
        ['namespace-pop', popScope],
        ['alias', alias],
      ]),
    ],
    [
      'js',
      table([
        ...['function', 'method', 'class', 'data', 'attribute'].map((name) => [name, jsObject] as [string, DirectiveClass]),
        ['module', JSModule as unknown as DirectiveClass],
      ]),
    ],
    [
      'rst',
      table([
        ['directive', jsObject],
        ['directive:option', objectDirective([...JS_OBJECT, 'type'])],
        ['role', jsObject],
      ]),
    ],
  ]);
}
