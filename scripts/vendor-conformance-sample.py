#!/usr/bin/env python3
"""Copies a small, deterministic sample of ../shared/conformance (specs with
docutils' expected output) into test/fixtures/conformance, so `npm test`
checks real specs without ../shared. Development-time only."""
import os
import shutil
import sys

SHARED = os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'conformance')
DEST = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'conformance')
PER_FOLDER = 9

for kind in ('corpus', 'mutants'):
    for repo in sorted(os.listdir(os.path.join(SHARED, kind))):
        root = os.path.join(SHARED, kind, repo)
        if not os.path.isdir(root):
            continue
        specs = []
        for dirpath, _, files in os.walk(root):
            for name in files:
                if name.endswith('.rst'):
                    specs.append(os.path.relpath(os.path.join(dirpath, name), root))
        specs.sort()
        by_messages = sorted(specs, key=lambda rel: -os.path.getsize(os.path.join(root, rel[:-4] + '.messages')))
        chosen = by_messages[:4]
        templates = [rel for rel in specs if rel.endswith('template.rst')]
        chosen += templates[-1:]
        step = max(1, len(specs) // (PER_FOLDER - len(chosen)))
        for rel in specs[::step]:
            if len(chosen) >= PER_FOLDER:
                break
            if rel not in chosen:
                chosen.append(rel)
        for rel in chosen:
            for ext in ('.rst', '.pseudoxml', '.messages'):
                source = os.path.join(root, rel[:-4] + ext)
                target = os.path.join(DEST, kind, repo, rel[:-4] + ext)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(source, target)
        print(kind, repo, len(chosen), file=sys.stderr)
