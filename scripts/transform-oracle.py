#!/usr/bin/env python3
"""Reference output for transform fixtures that change settings.
Development-time only (docutils 0.19, as ../shared/tools/docutils-oracle):

    python3 scripts/transform-oracle.py FILE.rst '{"report_level": 2}'

Prints docutils' full-publish pseudo-XML on stdout and the warning stream on
stderr, with the oracle's profile (report_level=1, halt_level=5,
syntax_highlight=none, no config files) updated by the JSON settings
(docutils' own setting names).
"""
import io
import json
import sys

from docutils.core import publish_string


def main(path, overrides_json):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    stream = io.StringIO()
    settings = {
        'report_level': 1,
        'halt_level': 5,
        'input_encoding': 'utf-8',
        '_disable_config': True,
        'traceback': True,
        'syntax_highlight': 'none',
        'output_encoding': 'unicode',
        'warning_stream': stream,
    }
    settings.update(json.loads(overrides_json))
    out = publish_string(text, source_path=path, writer_name='pseudoxml',
                         settings_overrides=settings)
    sys.stdout.write(out)
    sys.stderr.write(stream.getvalue())


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else '{}')
