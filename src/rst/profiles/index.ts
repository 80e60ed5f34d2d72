/**
 * Profiles: which directives and roles the engine knows. `docutils` is
 * docutils' standard set; `sphinx` adds what Sphinx and the extensions spec
 * repositories load.
 */
import type { Registry } from '../registry.js';
import { docutilsRegistry } from './docutils.js';
import { sphinxRegistry } from './sphinx.js';
import { setDefaultRegistryFactory } from '../parse.js';

export const PROFILE_NAMES = ['docutils', 'sphinx'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

setDefaultRegistryFactory(docutilsRegistry);

export function profileRegistry(name: ProfileName): Registry {
  switch (name) {
    case 'docutils':
      return docutilsRegistry();
    case 'sphinx':
      return sphinxRegistry();
  }
}
