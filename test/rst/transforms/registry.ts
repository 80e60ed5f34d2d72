/**
 * The directive/role registry transform tests publish with: docutils'
 * standard profile when it exists, otherwise an empty registry (fixtures
 * that need directives are then skipped, never passed).
 */
import { Registry } from '../../../src/rst/registry.js';

export async function testRegistry(): Promise<() => Registry> {
  try {
    const profile = (await import('../../../src/rst/profiles/docutils.js' as string)) as {
      docutilsRegistry: () => Registry;
    };
    return profile.docutilsRegistry;
  } catch {
    return () => new Registry(new Map(), new Map());
  }
}
