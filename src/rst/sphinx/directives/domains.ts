/**
 * The directives of Sphinx's py, c, cpp, js and rst domains.
 *
 * The py domain is Sphinx 5.3's: signatures parsed as PyObject parses them
 * (python-signature.ts), targets and index entries, class and module
 * nesting, duplicate-description warnings; py:module and py:currentmodule
 * set the module roles refer to; doc fields (`:param x:`, ...) are grouped
 * as Sphinx groups them (doc-fields.ts).
 *
 * The js domain (JSObject, JSCallable with its doc fields, JSConstructor,
 * js:module) and the rst domain (rst:directive, rst:directive:option,
 * rst:role) are Sphinx's too.
 *
 * The object directives of c and cpp are recognised with the
 * options Sphinx 5.3 gives them, so a document using them gets no "Unknown
 * directive type" error, and they make the desc / desc_signature /
 * desc_content structure with the domain and object type; their signatures
 * are NOT parsed (the C and C++ grammars): one desc_name holds the whole
 * signature, and nothing is indexed.
 */
import { type Element, type Node, Text, element } from '../../nodes.js';
import type { DirectiveClass, OptionSpec } from '../../directives/directive.js';
import { flag, unchanged } from '../../directives/options.js';
import { pyReprString, strip } from '../../python-text.js';
import { descNode, indexEntry, sphinxElement } from '../nodes.js';
import { type DocField, JAVASCRIPT_CALLABLE_DOC_FIELDS, PYTHON_DOC_FIELDS } from '../doc-fields.js';
import { DuplicateParameter, ParserLimit, PythonSyntaxError, UnsupportedPython, parseAnnotation, parseArglist, pseudoParseArglist } from '../python-signature.js';
import { SphinxDirective } from './base.js';
import { GenericDescription, ObjectDescription, SignatureError, nestedParseWithTitles, sphinxMakeId } from './std.js';

/** An object directive of a domain, with Sphinx's option spec for it. */
function objectDirective(optionNames: readonly string[]): DirectiveClass {
  return class extends GenericDescription {
    static override optionSpec: OptionSpec = options(optionNames);
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

/** py_sig_re: (class prefix, name, argument list, return annotation). */
const PY_SIGNATURE = /^([\p{L}\p{N}_.]*\.)?([\p{L}\p{N}_]+)\s*(?:\(\s*(.*)\s*\)(?:\s*->\s*(.*))?)?$/u;

const space = (): Node => descNode('desc_sig_space', '', ' ');

/**
 * An object of the py or js domain: its table-of-contents parts are the
 * module and the dotted full name, and functions and methods get "()".
 */
abstract class DottedObjectDescription extends ObjectDescription {
  protected override objectHierarchyParts(signode: Element): string[] {
    const fullname = signode.get('fullname');
    if (typeof fullname !== 'string') return [];
    const modname = signode.get('module');
    return typeof modname === 'string' && modname ? [modname, ...fullname.split('.')] : fullname.split('.');
  }

  protected override tocEntryName(signode: Element): string {
    const config = this.env.config;
    const parts = this.objectHierarchyParts(signode);
    const objtype = signode.parent?.get('objtype');
    const parens = config.add_function_parentheses && (objtype === 'function' || objtype === 'method') ? '()' : '';
    const name = parts[parts.length - 1]!;
    if (config.toc_object_entries_show_parents === 'domain') {
      const fullname = signode.get('fullname');
      return (typeof fullname === 'string' ? fullname : name) + parens;
    }
    if (config.toc_object_entries_show_parents === 'hide') return name + parens;
    return [...parts.slice(0, -1), name + parens].join('.');
  }
}

/** sphinx.domains.python.PyObject: signature parsing, targets, index entries and class nesting. */
abstract class PyObject extends DottedObjectDescription {
  static override optionSpec: OptionSpec = options(PY_OBJECT);
  /** Classes nest: their members are described inside them. */
  protected allowNesting = false;

  protected signaturePrefix(): Node[] {
    return [];
  }

  protected needsArglist(): boolean {
    return false;
  }

  protected indexText(_modname: string | null, _name: [string, string]): string | null {
    return null;
  }

  protected override docFields(): readonly DocField[] {
    return PYTHON_DOC_FIELDS;
  }

  /** The :module: option, else the current module. */
  protected get modname(): string | null {
    return (this.options['module'] as string | undefined) ?? this.env.refName('py:module');
  }

  protected override handleSignature(signature: string, signode: Element): [string, string] {
    const match = PY_SIGNATURE.exec(signature);
    if (!match) throw new SignatureError();
    let prefix = match[1] ?? '';
    const name = match[2]!;
    const arglist = match[3];
    const retann = match[4];
    const modname = this.modname;
    let classname = this.env.refName('py:class') ?? '';
    let addModule: boolean;
    let fullname: string;
    if (classname) {
      addModule = false;
      if (prefix && (prefix === classname || prefix.startsWith(classname + '.'))) {
        fullname = prefix + name;
        prefix = prefix.slice(classname.length).replace(/^\.+/, '');
      } else if (prefix) {
        fullname = classname + '.' + prefix + name;
      } else {
        fullname = classname + '.' + name;
      }
    } else {
      addModule = true;
      if (prefix) {
        classname = prefix.replace(/\.+$/, '');
        fullname = prefix + name;
      } else {
        classname = '';
        fullname = name;
      }
    }
    signode.set('module', modname);
    signode.set('class', classname);
    signode.set('fullname', fullname);
    const sigPrefix = this.signaturePrefix();
    if (sigPrefix.length > 0) signode.append(descNode('desc_annotation', '', '', sigPrefix));
    if (prefix) {
      signode.append(descNode('desc_addname', prefix, prefix));
    } else if (modname && addModule && this.env.config.add_module_names) {
      signode.append(descNode('desc_addname', modname + '.', modname + '.'));
    }
    signode.append(descNode('desc_name', name, name));
    if (arglist) {
      try {
        signode.append(parseArglist(arglist, this.env));
      } catch (error) {
        // inspect.Signature's ValueError ends handle_signature: the signature is shown whole.
        if (error instanceof DuplicateParameter) throw new SignatureError();
        if (error instanceof UnsupportedPython) {
          this.env.warn(`could not parse arglist (${pyReprString(arglist)}): ${error.message}`, signode.line, { source: signode.source });
        } else if (!(error instanceof PythonSyntaxError || error instanceof ParserLimit)) {
          throw error;
        }
        pseudoParseArglist(signode, arglist);
      }
    } else if (this.needsArglist()) {
      signode.append(descNode('desc_parameterlist'));
    }
    if (retann) signode.append(descNode('desc_returns', retann, '', parseAnnotation(retann, this.env)));
    const annotation = this.options['annotation'] as string | undefined;
    if (annotation) signode.append(descNode('desc_annotation', ' ' + annotation, '', [space(), new Text(annotation)]));
    return [fullname, prefix];
  }

  protected override addTargetAndIndex(nameClass: unknown, _signature: string, signode: Element): void {
    const [name] = nameClass as [string, string];
    const modname = this.modname;
    const fullname = (modname ? modname + '.' : '') + name;
    const nodeId = sphinxMakeId(this.env, this.state.document.idMap, '', fullname);
    signode.ids.push(nodeId);
    this.state.document.noteExplicitTarget(signode);
    const location = { source: signode.source, line: signode.line };
    this.env.noteDomainObject('py', fullname, this.objtype, location);
    const canonical = this.options['canonical'] as string | undefined;
    if (canonical) this.env.noteDomainObject('py', canonical, this.objtype, location, true);
    if (!('noindexentry' in this.options)) {
      const text = this.indexText(modname, nameClass as [string, string]);
      if (text) this.indexEntries.push(indexEntry('single', text, nodeId, '', null));
    }
  }

  protected override beforeContent(): void {
    let prefix: string | null = null;
    if (this.names.length > 0) {
      const [fullname, namePrefix] = this.names[this.names.length - 1] as [string, string];
      if (this.allowNesting) prefix = fullname;
      else if (namePrefix) prefix = namePrefix.replace(/^\.+|\.+$/g, '');
    }
    if (prefix) {
      this.env.refContext.set('py:class', prefix);
      if (this.allowNesting) this.env.refList('py:classes').push(prefix);
    }
    if ('module' in this.options) {
      this.env.refList('py:modules').push(this.env.refName('py:module'));
      this.env.refContext.set('py:module', this.options['module'] as string);
    }
  }

  protected override afterContent(): void {
    const classes = this.env.refList('py:classes');
    if (this.allowNesting) classes.pop();
    this.env.refContext.set('py:class', classes.length > 0 ? classes[classes.length - 1]! : null);
    if ('module' in this.options) {
      const modules = this.env.refList('py:modules');
      if (modules.length > 0) this.env.refContext.set('py:module', modules.pop()!);
      else this.env.refContext.delete('py:module');
    }
  }

  /** PyVariable, PyAttribute and PyProperty: the :type: (and :value:) after the name. */
  protected appendTypeAndValue(signode: Element, withValue: boolean): void {
    const type = this.options['type'] as string | undefined;
    if (type) {
      signode.append(descNode('desc_annotation', type, '', [descNode('desc_sig_punctuation', '', ':'), space(), ...parseAnnotation(type, this.env)]));
    }
    const value = this.options['value'] as string | undefined;
    if (withValue && value) {
      signode.append(descNode('desc_annotation', value, '', [space(), descNode('desc_sig_punctuation', '', '='), space(), new Text(value)]));
    }
  }
}

/** An option spec: flags for the flag options, the text for the others. */
function options(names: readonly string[]): OptionSpec {
  return Object.fromEntries(names.map((name) => [name, FLAG_OPTIONS.has(name) ? flag : unchanged]));
}

/** PyFunction (and, renamed to py:function, PyDecoratorFunction). */
class PyFunction extends PyObject {
  static override optionSpec = options([...PY_OBJECT, 'async']);
  protected override signaturePrefix(): Node[] {
    return 'async' in this.options ? [descNode('desc_sig_keyword', '', 'async'), space()] : [];
  }
  protected override needsArglist(): boolean {
    return true;
  }
  protected override addTargetAndIndex(nameClass: unknown, signature: string, signode: Element): void {
    super.addTargetAndIndex(nameClass, signature, signode);
    if ('noindexentry' in this.options) return;
    const modname = this.modname;
    const nodeId = signode.ids[0]!;
    const [name] = nameClass as [string, string];
    if (modname) this.indexEntries.push(indexEntry('single', `${name}() (in module ${modname})`, nodeId, '', null));
    else this.indexEntries.push(indexEntry('pair', `built-in function; ${name}()`, nodeId, '', null));
  }
}

class PyVariable extends PyObject {
  static override optionSpec = options([...PY_OBJECT, 'type', 'value']);
  protected override handleSignature(signature: string, signode: Element): [string, string] {
    const result = super.handleSignature(signature, signode);
    this.appendTypeAndValue(signode, true);
    return result;
  }
  protected override indexText(modname: string | null, [name]: [string, string]): string {
    return modname ? `${name} (in module ${modname})` : `${name} (built-in variable)`;
  }
}

class PyClasslike extends PyObject {
  static override optionSpec = options([...PY_OBJECT, 'final']);
  protected override allowNesting = true;
  protected override signaturePrefix(): Node[] {
    const prefix: Node[] = 'final' in this.options ? [new Text('final'), space()] : [];
    return [...prefix, new Text(this.objtype), space()];
  }
  protected override indexText(modname: string | null, [name]: [string, string]): string {
    if (this.objtype === 'class') return modname ? `${name} (class in ${modname})` : `${name} (built-in class)`;
    if (this.objtype === 'exception') return name;
    return '';
  }
}

/** How a member's index text names its class (PyMethod, PyAttribute, PyProperty). */
function memberIndexText(
  directive: { env: { config: { add_module_names: boolean } } },
  modname: string | null,
  name: string,
  inModule: (name: string, modname: string) => string,
  bare: (name: string) => string,
  member: (member: string, classname: string) => string,
): string {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return modname ? inModule(name, modname) : bare(name);
  let classname = name.slice(0, dot);
  if (modname && directive.env.config.add_module_names) classname = `${modname}.${classname}`;
  return member(name.slice(dot + 1), classname);
}

class PyMethod extends PyObject {
  static override optionSpec = options(PY_METHOD);
  protected override needsArglist(): boolean {
    return !('property' in this.options);
  }
  protected override signaturePrefix(): Node[] {
    const prefix: Node[] = [];
    const add = (text: string): void => {
      prefix.push(new Text(text), space());
    };
    if ('final' in this.options) add('final');
    if ('abstractmethod' in this.options) add('abstract');
    if ('async' in this.options) add('async');
    if ('classmethod' in this.options) add('classmethod');
    if ('property' in this.options) {
      this.env.warn('Using the :property: flag with the py:method directiveis deprecated, use ".. py:property::" instead.', null, { source: null });
      add('property');
    }
    if ('staticmethod' in this.options) add('static');
    return prefix;
  }
  protected override indexText(modname: string | null, [name]: [string, string]): string {
    return memberIndexText(
      this,
      modname,
      name,
      (bareName, module) => `${bareName}() (in module ${module})`,
      (bareName) => `${bareName}()`,
      (method, classname) => {
        if ('classmethod' in this.options) return `${method}() (${classname} class method)`;
        if ('property' in this.options) return `${method} (${classname} property)`;
        if ('staticmethod' in this.options) return `${method}() (${classname} static method)`;
        return `${method}() (${classname} method)`;
      },
    );
  }
}

/** PyClassMethod / PyStaticMethod: a py:method with the flag set. */
function methodWithFlag(flagName: 'classmethod' | 'staticmethod'): DirectiveClass {
  return class extends PyMethod {
    static override optionSpec = options(PY_OBJECT);
    override run(): Node[] {
      (this as { name: string }).name = 'py:method';
      this.options[flagName] = null;
      return super.run();
    }
  } as unknown as DirectiveClass;
}

/** PyDecoratorFunction / PyDecoratorMethod: the object renamed, "@" before the name, no empty argument list. */
function decorator(base: typeof PyFunction | typeof PyMethod, name: 'py:function' | 'py:method'): DirectiveClass {
  const Base = base as unknown as new (...args: ConstructorParameters<DirectiveClass>) => PyObject;
  return class extends Base {
    override run(): Node[] {
      (this as { name: string }).name = name;
      return super.run();
    }
    protected override handleSignature(signature: string, signode: Element): [string, string] {
      const result = super.handleSignature(signature, signode);
      signode.insert(0, descNode('desc_addname', '@', '@'));
      return result;
    }
    protected override needsArglist(): boolean {
      return false;
    }
  } as unknown as DirectiveClass;
}

class PyAttribute extends PyVariable {
  protected override indexText(modname: string | null, [name]: [string, string]): string {
    return memberIndexText(this, modname, name, (bareName, module) => `${bareName} (in module ${module})`, (bareName) => bareName, (attribute, classname) => `${attribute} (${classname} attribute)`);
  }
}

class PyProperty extends PyObject {
  static override optionSpec = options([...PY_OBJECT, 'abstractmethod', 'classmethod', 'type']);
  protected override handleSignature(signature: string, signode: Element): [string, string] {
    const result = super.handleSignature(signature, signode);
    this.appendTypeAndValue(signode, false);
    return result;
  }
  protected override signaturePrefix(): Node[] {
    const prefix: Node[] = [];
    if ('abstractmethod' in this.options) prefix.push(new Text('abstract'), space());
    if ('classmethod' in this.options) prefix.push(new Text('class'), space());
    prefix.push(new Text('property'), space());
    return prefix;
  }
  protected override indexText(modname: string | null, [name]: [string, string]): string {
    return memberIndexText(this, modname, name, (bareName, module) => `${bareName} (in module ${module})`, (bareName) => bareName, (property, classname) => `${property} (${classname} property)`);
  }
}

/** sphinx.domains.javascript.JSObject: a member of the current object, in the current module. */
class JSObject extends DottedObjectDescription {
  static override optionSpec: OptionSpec = options(JS_OBJECT);
  protected hasArguments = false;
  protected allowNesting = false;

  protected displayPrefix(): Node[] {
    return [];
  }

  protected override handleSignature(signature: string, signode: Element): [string, string | null] {
    signature = strip(signature);
    let member: string;
    let arglist: string | null;
    if (signature.includes('(') && signature.endsWith(')')) {
      const open = signature.indexOf('(');
      member = strip(signature.slice(0, open));
      arglist = strip(signature.slice(open + 1, -1));
    } else {
      member = signature;
      arglist = null;
    }
    let prefix = this.env.refName('js:object');
    const modname = this.env.refName('js:module');
    const dot = member.lastIndexOf('.');
    const memberPrefix = dot >= 0 ? member.slice(0, dot) : '';
    const name = dot >= 0 ? member.slice(dot + 1) : member;
    if (prefix && memberPrefix) prefix = `${prefix}.${memberPrefix}`;
    else if (prefix === null && memberPrefix) prefix = memberPrefix;
    const fullname = prefix ? `${prefix}.${name}` : name;
    signode.set('module', modname);
    signode.set('object', prefix);
    signode.set('fullname', fullname);
    const display = this.displayPrefix();
    if (display.length > 0) signode.append(descNode('desc_annotation', '', '', display));
    const actualPrefix = prefix || modname;
    if (actualPrefix) {
      const addname = descNode('desc_addname');
      for (const part of actualPrefix.split('.')) {
        addname.append(descNode('desc_sig_name', part, part));
        addname.append(descNode('desc_sig_punctuation', '.', '.'));
      }
      signode.append(addname);
    }
    signode.append(descNode('desc_name', '', '', [descNode('desc_sig_name', name, name)]));
    if (this.hasArguments) {
      if (!arglist) signode.append(descNode('desc_parameterlist'));
      else pseudoParseArglist(signode, arglist);
    }
    return [fullname, prefix];
  }

  protected override addTargetAndIndex(nameObject: unknown, _signature: string, signode: Element): void {
    const [name, object] = nameObject as [string, string | null];
    const modname = this.env.refName('js:module');
    const fullname = (modname ? modname + '.' : '') + name;
    const nodeId = sphinxMakeId(this.env, this.state.document.idMap, '', fullname);
    signode.ids.push(nodeId);
    this.state.document.noteExplicitTarget(signode);
    this.env.noteDomainObject('js', fullname, this.objtype, { source: signode.source, line: signode.line });
    if ('noindexentry' in this.options) return;
    let text = '';
    // Python's %s of the object: None when there is none.
    const objectText = object ?? 'None';
    if (this.objtype === 'function') text = object ? `${name}() (${objectText} method)` : `${name}() (built-in function)`;
    else if (this.objtype === 'class') text = `${name}() (class)`;
    else if (this.objtype === 'data') text = `${name} (global variable or constant)`;
    else if (this.objtype === 'attribute') text = `${name} (${objectText} attribute)`;
    if (text) this.indexEntries.push(indexEntry('single', text, nodeId, '', null));
  }

  protected override beforeContent(): void {
    let prefix: string | null = null;
    if (this.names.length > 0) {
      const [objectName, objectPrefix] = this.names.pop() as [string, string | null];
      prefix = objectPrefix ? objectPrefix.replace(/^\.+|\.+$/g, '') : null;
      if (this.allowNesting) prefix = objectName;
    }
    if (prefix) {
      this.env.refContext.set('js:object', prefix);
      if (this.allowNesting) this.env.refList('js:objects').push(prefix);
    }
  }

  protected override afterContent(): void {
    const objects = this.env.refList('js:objects');
    if (this.allowNesting) objects.pop();
    this.env.refContext.set('js:object', objects.length > 0 ? objects[objects.length - 1]! : null);
  }
}

/** JSCallable: a function or method, with an argument list and doc fields. */
class JSCallable extends JSObject {
  protected override hasArguments = true;
  protected override docFields(): readonly DocField[] {
    return JAVASCRIPT_CALLABLE_DOC_FIELDS;
  }
}

/** JSConstructor: a class, whose members nest under it. */
class JSConstructor extends JSCallable {
  protected override allowNesting = true;
  protected override displayPrefix(): Node[] {
    return [descNode('desc_sig_keyword', 'class', 'class'), descNode('desc_sig_space', '', ' ')];
  }
}

/** sphinx.domains.rst.ReSTMarkup: targets and index entries by object type and name. */
abstract class ReSTMarkup extends ObjectDescription {
  static override optionSpec: OptionSpec = options(JS_OBJECT);

  protected indexTextFor(_name: string): string {
    return '';
  }

  protected override addTargetAndIndex(name: unknown, _signature: string, signode: Element): void {
    const nodeId = sphinxMakeId(this.env, this.state.document.idMap, this.objtype, name as string);
    signode.ids.push(nodeId);
    this.state.document.noteExplicitTarget(signode);
    this.env.noteDomainObject('rst', name as string, this.objtype, { source: signode.source, line: signode.line });
    if (!('noindexentry' in this.options)) {
      const text = this.indexTextFor(name as string);
      if (text) this.indexEntries.push(indexEntry('single', text, nodeId, '', null));
    }
  }

  protected override objectHierarchyParts(signode: Element): string[] {
    const fullname = signode.get('fullname');
    if (typeof fullname !== 'string') return [];
    return [...this.env.refList('rst:directives').flatMap((parent) => (parent ?? '').split(':')), ...fullname.split(':')];
  }

  protected override tocEntryName(signode: Element): string {
    const parts = this.objectHierarchyParts(signode);
    const objtype = signode.parent?.get('objtype');
    let name = parts[parts.length - 1]!;
    if (objtype === 'directive:option') return `:${name}:`;
    if (this.env.config.toc_object_entries_show_parents === 'domain' || this.env.config.toc_object_entries_show_parents === 'all') name = parts.join(':');
    if (objtype === 'role') return `:${name}:`;
    if (objtype === 'directive') return `.. ${name}::`;
    return '';
  }
}

/** sphinx.domains.rst.parse_directive. */
function parseDirective(signature: string): [string, string] {
  const directive = strip(signature);
  if (!directive.startsWith('.')) return [directive, ''];
  const match = /^\.\. (.+?)::(.*)$/.exec(directive);
  if (!match) return [directive, ''];
  const args = strip(match[2]!);
  return [strip(match[1]!), args ? ' ' + args : ''];
}

class ReSTDirective extends ReSTMarkup {
  protected override handleSignature(signature: string, signode: Element): string {
    const [name, args] = parseDirective(signature);
    const descName = `.. ${name}::`;
    signode.set('fullname', strip(name));
    signode.append(descNode('desc_name', descName, descName));
    if (args.length > 0) signode.append(descNode('desc_addname', args, args));
    return name;
  }
  protected override indexTextFor(name: string): string {
    return `${name} (directive)`;
  }
  protected override beforeContent(): void {
    if (this.names.length > 0) this.env.refList('rst:directives').push(this.names[0] as string);
  }
  protected override afterContent(): void {
    this.env.refList('rst:directives').pop();
  }
}

class ReSTDirectiveOption extends ReSTMarkup {
  static override optionSpec: OptionSpec = options([...JS_OBJECT, 'type']);
  protected override handleSignature(signature: string, signode: Element): string {
    const split = /\s*:\s+/.exec(strip(signature));
    const name = split ? strip(signature).slice(0, split.index) : signature;
    const argument = split ? strip(signature).slice(split.index + split[0].length) : null;
    const descName = `:${name}:`;
    signode.set('fullname', strip(name));
    signode.append(descNode('desc_name', descName, descName));
    if (argument) signode.append(descNode('desc_annotation', ' ' + argument, ' ' + argument));
    const type = this.options['type'] as string | undefined;
    if (type) signode.append(descNode('desc_annotation', ` (${type})`, ` (${type})`));
    return name;
  }
  protected override addTargetAndIndex(name: unknown, _signature: string, signode: Element): void {
    const optionName = name as string;
    const directives = this.env.refContext.get('rst:directives');
    const directive = Array.isArray(directives) && directives.length > 0 ? (directives[directives.length - 1] ?? '') : '';
    const prefix = directive ? `${this.objtype}-${directive}` : this.objtype;
    const objname = directive ? `${directive}:${optionName}` : optionName;
    const nodeId = sphinxMakeId(this.env, this.state.document.idMap, prefix, optionName);
    signode.ids.push(nodeId);
    this.state.document.noteExplicitTarget(signode);
    this.env.noteDomainObject('rst', objname, this.objtype, { source: signode.source, line: signode.line });
    const key = optionName.slice(0, 1).toUpperCase();
    if (directive) this.indexEntries.push(indexEntry('pair', `${directive} (directive); :${optionName}: (directive option)`, nodeId, '', key));
    else this.indexEntries.push(indexEntry('single', `:${optionName}: (directive option)`, nodeId, '', key));
  }
}

class ReSTRole extends ReSTMarkup {
  protected override handleSignature(signature: string, signode: Element): string {
    const descName = `:${signature}:`;
    signode.set('fullname', strip(signature));
    signode.append(descNode('desc_name', descName, descName));
    return signature;
  }
  protected override indexTextFor(name: string): string {
    return `${name} (role)`;
  }
}

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
    // Sphinx sets the section's document: nodes appended under it get the current line.
    contentNode.document = this.state.document;
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

/** A domain's directives by name (directive classes are constructors of several shapes). */
function table(classes: Record<string, unknown>): Map<string, DirectiveClass> {
  return new Map(Object.entries(classes) as [string, DirectiveClass][]);
}

/** Directives of the py, c, cpp, js and rst domains, by domain. */
export function codeDomainDirectives(): Map<string, Map<string, DirectiveClass>> {
  const cObject = objectDirective(C_OBJECT);
  const cppObject = objectDirective(CPP_OBJECT);
  const alias = objectDirective(ALIAS);
  const withScope = namespaceDirective(1);
  const popScope = namespaceDirective(0);
  const scopes = { namespace: withScope, 'namespace-push': withScope, 'namespace-pop': popScope, alias };
  const same = (names: readonly string[], directive: DirectiveClass): Record<string, DirectiveClass> =>
    Object.fromEntries(names.map((name) => [name, directive]));
  return new Map([
    [
      'py',
      table({
        function: PyFunction,
        data: PyVariable,
        class: PyClasslike,
        exception: PyClasslike,
        method: PyMethod,
        classmethod: methodWithFlag('classmethod'),
        staticmethod: methodWithFlag('staticmethod'),
        attribute: PyAttribute,
        property: PyProperty,
        module: PyModule,
        currentmodule: PyCurrentModule,
        decorator: decorator(PyFunction, 'py:function'),
        decoratormethod: decorator(PyMethod, 'py:method'),
      }),
    ],
    ['c', table({ ...same(['member', 'var', 'function', 'macro', 'struct', 'union', 'enum', 'enumerator', 'type'], cObject), ...scopes })],
    [
      'cpp',
      table({
        ...same(['class', 'struct', 'union', 'function', 'member', 'var', 'type', 'concept', 'enum', 'enum-struct', 'enum-class', 'enumerator'], cppObject),
        ...scopes,
      }),
    ],
    ['js', table({ function: JSCallable, method: JSCallable, class: JSConstructor, data: JSObject, attribute: JSObject, module: JSModule })],
    ['rst', table({ directive: ReSTDirective, 'directive:option': ReSTDirectiveOption, role: ReSTRole })],
  ]);
}
