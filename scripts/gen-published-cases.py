#!/usr/bin/env python3
"""Writes test/fixtures/transforms/docutils-parser-cases-published.jsonl:
docutils 0.19's full publish (standard transforms, pseudo-XML writer) of
every input in test/fixtures/docutils-parser-cases.jsonl, with the warning
stream. Development-time only:

    python3 scripts/gen-published-cases.py

Profile as ../shared/tools/docutils-oracle (report_level=1, halt_level=5,
syntax_highlight=none, no config files), source "test data". Each case runs
in a forked child, so process-wide docutils state (local roles, language
module caches) starts fresh for every document, as with one oracle run per
file. Where docutils raises, "expected" is "EXCEPTION: Type: message".
"""
import io
import json
import os
import sys

from docutils.core import publish_string

OVERRIDES = {
    'report_level': 1,
    'halt_level': 5,
    'input_encoding': 'utf-8',
    '_disable_config': True,
    'traceback': True,
    'syntax_highlight': 'none',
    'output_encoding': 'unicode',
}


def publish(text):
    stream = io.StringIO()
    try:
        out = publish_string(text, source_path='test data', writer_name='pseudoxml',
                             settings_overrides=dict(OVERRIDES, warning_stream=stream))
    except Exception as error:
        out = 'EXCEPTION: %s: %s\n' % (type(error).__name__, error)
    return out, stream.getvalue()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.path.join(here, '..', 'test', 'fixtures', 'docutils-parser-cases.jsonl')
    target = os.path.join(here, '..', 'test', 'fixtures', 'transforms', 'docutils-parser-cases-published.jsonl')
    with open(source, encoding='utf-8') as f:
        cases = [json.loads(line) for line in f if line.strip()]
    with open(target, 'w', encoding='utf-8') as out:
        for case in cases:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                tree, messages = publish(case['input'])
                with os.fdopen(write_end, 'w', encoding='utf-8') as pipe:
                    json.dump({'id': case['id'], 'expected': tree, 'messages': messages}, pipe,
                              ensure_ascii=False)
                os._exit(0)
            os.close(write_end)
            with os.fdopen(read_end, encoding='utf-8') as pipe:
                line = pipe.read()
            os.waitpid(pid, 0)
            out.write(line + '\n')
    print('%d cases' % len(cases), file=sys.stderr)


if __name__ == '__main__':
    main()
