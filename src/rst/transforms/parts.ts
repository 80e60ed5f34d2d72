/**
 * Document parts (docutils.transforms.parts): section numbering and the
 * table of contents, both scheduled by their directives' pending nodes.
 */
import { Element, Node, Text, element } from '../nodes.js';
import { TransformCrash, hasDetail, type TransformDefinition } from './transform.js';

const MODULE = 'docutils.transforms.parts';

/** Three no-break spaces separate a section number from its title. */
const SECTION_NUMBER_SPACING = '\u00a0'.repeat(3);

/** Python's sys.maxsize: "no depth limit". */
const NO_DEPTH_LIMIT = Number.MAX_SAFE_INTEGER;

/** Numbers section titles (the `sectnum` directive). */
export const SectNum: TransformDefinition = {
  name: `${MODULE}.SectNum`,
  defaultPriority: 710,
  apply({ document, startnode }) {
    const pending = startnode!;
    const details = pending.details;
    let maxDepth = hasDetail(pending, 'depth') ? (details['depth'] as number | null) : null;
    const startValue = hasDetail(pending, 'start') ? (details['start'] as number) : 1;
    const prefix = hasDetail(pending, 'prefix') ? (details['prefix'] as string) : '';
    const suffix = hasDetail(pending, 'suffix') ? (details['suffix'] as string) : '';
    pending.parent!.remove(pending);
    if (document.settings.sectnumXform) {
      if (maxDepth === null) maxDepth = NO_DEPTH_LIMIT;
      const limit = maxDepth;
      const update = (node: Element, numbers: string[], depth: number): void => {
        depth += 1;
        let sectionNumber = numbers.length > 0 ? 1 : startValue;
        const children = node.children;
        for (let index = 0; index < children.length; index++) {
          const child = children[index]!;
          if (!child.is('section')) continue;
          const childNumbers = [...numbers, String(sectionNumber)];
          const title = (child as Element).children[0] as Element;
          const generated = element('generated', '', prefix + childNumbers.join('.') + suffix + SECTION_NUMBER_SPACING, [], {
            classes: ['sectnum'],
          });
          title.insert(0, generated);
          title.set('auto', 1);
          if (depth < limit) update(child as Element, childNumbers, depth);
          sectionNumber += 1;
        }
      };
      update(document, [], 0);
    } else {
      // Left to the writer, as docutils stores them.
      const settings = document.settings as unknown as Record<string, unknown>;
      settings['sectnumDepth'] = maxDepth;
      settings['sectnumStart'] = startValue;
      settings['sectnumPrefix'] = prefix;
      settings['sectnumSuffix'] = suffix;
    }
  },
};

/** Builds the table of contents that replaces the `contents` directive's pending node. */
export const Contents: TransformDefinition = {
  name: `${MODULE}.Contents`,
  defaultPriority: 720,
  apply({ document, startnode }) {
    const pending = startnode!;
    const details = pending.details;
    const tocByWriter = Boolean((document.settings as { useLatexToc?: boolean }).useLatexToc);
    let root: Element;
    if (hasDetail(pending, 'local')) {
      root = pending.parent!.parent!;
      while (!(root.is('section') || root.is('document'))) root = root.parent!;
    } else {
      root = document;
    }
    const topic = pending.parent!;
    const tocId = topic.ids[0];
    if (tocId === undefined) throw new TransformCrash('IndexError', 'the contents topic has no ids', Contents.name);
    const backlinks = hasDetail(pending, 'backlinks')
      ? (details['backlinks'] as string | null)
      : (document.settings.tocBacklinks as string | null);
    const depth = hasDetail(pending, 'depth') ? (details['depth'] as number) : NO_DEPTH_LIMIT;
    if (tocByWriter) {
      for (const [key, value] of Object.entries(details)) {
        if (value !== undefined && !(value instanceof Node) && !Array.isArray(value)) topic.set(key, value as string);
        else if (Array.isArray(value) && !value.some((item) => item instanceof Node)) topic.set(key, value as string[]);
      }
      topic.remove(pending);
      return;
    }
    const buildContents = (node: Element, level: number): Element | null => {
      level += 1;
      const sections = node.children.filter((child) => child.is('section')) as Element[];
      const entries: Element[] = [];
      let auto: unknown = undefined;
      for (const section of sections) {
        const title = section.children[0] as Element;
        auto = title.get('auto');
        const entryText = copyAndFilter(title);
        const sectionId = section.ids[0];
        if (sectionId === undefined) throw new TransformCrash('IndexError', 'a section has no ids', Contents.name);
        const reference = new Element('reference', '', entryText, { refid: sectionId });
        const refId = document.setId(reference, null, 'toc-entry');
        const entry = new Element('paragraph', '', [reference]);
        const item = new Element('list_item', '', [entry]);
        if ((backlinks === 'entry' || backlinks === 'top') && title.nextNode('reference') === null) {
          if (backlinks === 'entry') title.set('refid', refId);
          else title.set('refid', tocId);
        }
        if (level < depth) {
          const subsections = buildContents(section, level);
          if (subsections) item.append(subsections);
        }
        entries.push(item);
      }
      if (entries.length === 0) return null;
      const contents = new Element('bullet_list', '', entries);
      if (auto !== undefined && auto !== null && auto !== 0 && auto !== '' && auto !== false) {
        contents.classes.push('auto-toc');
      }
      return contents;
    };
    const contents = buildContents(root, 0);
    if (contents) pending.replaceSelf(contents);
    else topic.parent!.remove(topic);
  },
};

/**
 * docutils' ContentsFilter: a copy of a title's contents without footnote
 * and citation references, images replaced by their alt text and the
 * wrappers of references, targets and problematic nodes dropped.
 */
function copyAndFilter(title: Element): Node[] {
  const root = title.copy();
  const copyInto = (node: Node, parent: Element): void => {
    if (node instanceof Text) {
      parent.append(node.copy());
      return;
    }
    const source = node as Element;
    switch (source.tagname) {
      case 'citation_reference':
      case 'footnote_reference':
        return;
      case 'image':
        if (source.has('alt')) parent.append(new Text(String(source.get('alt'))));
        return;
      case 'problematic':
      case 'reference':
      case 'target':
        for (const child of [...source.children]) copyInto(child, parent);
        return;
      default: {
        const copy = source.copy();
        parent.append(copy);
        for (const child of [...source.children]) copyInto(child, copy);
      }
    }
  };
  for (const child of [...title.children]) copyInto(child, root);
  return [...root.children];
}

export const transforms: readonly TransformDefinition[] = [SectNum, Contents];
