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

/** Registries built so far, per profile, extension list and source directory. */
const sharedRegistries = new Map<string, Registry>();

/**
 * A profile's registry, built once per extension list and source directory
 * (sphinx profile; the docutils profile has neither): each parse works on
 * a fork of it. No extensions: the OpenStack set; no srcdir: the working
 * directory.
 */
export function sharedRegistry(name: ProfileName, options: { extensions?: readonly string[]; srcdir?: string } = {}): Registry {
  const key = name === 'sphinx' ? JSON.stringify([name, options.extensions ?? null, options.srcdir ?? null]) : name;
  let registry = sharedRegistries.get(key);
  if (!registry) {
    registry =
      name === 'sphinx'
        ? sphinxRegistry({
            ...(options.extensions !== undefined ? { extensions: [...options.extensions] } : {}),
            ...(options.srcdir !== undefined ? { srcdir: options.srcdir } : {}),
          })
        : profileRegistry(name);
    sharedRegistries.set(key, registry);
  }
  return registry;
}
