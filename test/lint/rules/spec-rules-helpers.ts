/**
 * A small spec repository for the rules that read specs against their
 * template: a compact Watcher-style template and a spec built from parts.
 */
import { lintJson, specRepository } from '../lint-helpers.js';
import type { JsonFinding } from '../../../src/lint/formatters/json.js';

export const TEMPLATE = `==========================================
Example Spec - The title of your blueprint
==========================================

Include the URL of your launchpad blueprint:

https://blueprints.launchpad.net/watcher/+spec/example

Problem description
===================

A detailed description of the problem. What problem is this blueprint
addressing?

Proposed change
===============

REST API impact
---------------

Each API method which is either added or changed should have the following

Security impact
---------------

Describe any potential security impact on the system.  Some of the items to
consider include:

Implementation
==============

Assignee(s)
-----------

Who is leading the writing of the code? Or is this a blueprint where you're
throwing it out there to see who picks it up?

Primary assignee:
  <launchpad-id or None>

References
==========

History
=======
`;

export interface SpecParts {
  title?: string;
  url?: string | null;
  problem?: string;
  restApi?: string;
  security?: string;
  assignee?: string;
  references?: string;
  extra?: string;
}

export function buildSpec(parts: SpecParts = {}): string {
  const title = parts.title ?? 'Audit scopes for storage pools';
  const bar = '='.repeat(title.length);
  const url = parts.url === undefined ? 'https://blueprints.launchpad.net/watcher/+spec/audit-scope-storage' : parts.url;
  return [
    bar,
    title,
    bar,
    '',
    ...(url === null ? [] : [url, '']),
    'Problem description',
    '===================',
    '',
    parts.problem ?? 'Audits cannot be limited to storage pools.',
    '',
    'Proposed change',
    '===============',
    '',
    'REST API impact',
    '---------------',
    '',
    parts.restApi ?? 'None',
    '',
    'Security impact',
    '---------------',
    '',
    parts.security ?? 'None',
    '',
    'Implementation',
    '==============',
    '',
    'Assignee(s)',
    '-----------',
    '',
    parts.assignee ?? 'Primary assignee:\n  jdoe',
    '',
    'References',
    '==========',
    '',
    parts.references ?? '',
    ...(parts.extra ? [parts.extra] : []),
    '',
  ].join('\n');
}

/** Lints one spec (specs/rocky/approved/<name>.rst) and returns the findings of `rule`. */
export function lintSpecRule(rule: string, text: string, options: { name?: string; config?: string; template?: string } = {}): JsonFinding[] {
  const name = options.name ?? 'audit-scope-storage';
  const root = specRepository({
    'specs/rocky-template.rst': options.template ?? TEMPLATE,
    [`specs/rocky/approved/${name}.rst`]: text,
    ...(options.config ? { 'specwright.toml': options.config } : {}),
  });
  return lintJson(root, [], { rule: [`${rule}=error`] }).findings.filter((finding) => finding.rule === rule);
}

export const messages = (findings: readonly JsonFinding[]) => findings.map((finding) => `${finding.line}: ${finding.message}`);
