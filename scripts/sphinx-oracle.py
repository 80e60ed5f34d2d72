#!/usr/bin/python3
"""Reference output for specwright's sphinx profile (development time only).

Needs Debian 12's Sphinx 5.3 and the extensions named:
  apt-get install -y python3-sphinx python3-sphinxcontrib.seqdiag \
      python3-sphinxcontrib.blockdiag python3-sphinxcontrib.nwdiag \
      python3-sphinxcontrib.actdiag python3-openstackdocstheme

What it prints is what `specwright doctree --profile sphinx` aims at: docutils'
full publish with the docutils oracle's settings (report_level=1,
halt_level=5, syntax_highlight=none, no config files), where roles and
directives are looked up as Sphinx looks them up while reading a document
(domains first, then docutils), with a Sphinx application's environment set.
Sphinx's own read transforms and post-transforms are not applied.

Usage (run from the source directory; paths relative to it):
  sphinx-oracle.py [--extensions a,b,c] FILE.rst...
  sphinx-oracle.py [--extensions a,b,c] --messages-only FILE.rst...
  sphinx-oracle.py [--extensions a,b,c] --out DIR FILE.rst...
      writes DIR/<FILE minus .rst>.pseudoxml and .messages (docutils'
      warning stream, then Sphinx's warnings as "SPHINX: ..." lines)

Sphinx's own warnings (logger, not docutils) are printed on stderr prefixed
with "SPHINX: ".
"""
import io
import logging
from sphinx.util.console import nocolor
import os
import sys
import tempfile

from docutils.core import publish_string
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils, sphinx_domains

OVERRIDES = {
    'report_level': 1,
    'halt_level': 5,
    'input_encoding': 'utf-8',
    '_disable_config': True,
    'traceback': True,
    'syntax_highlight': 'none',
}

DEFAULT_EXTENSIONS = [
    'openstackdocstheme',
    'sphinx.ext.todo',
    'sphinxcontrib.seqdiag',
    'sphinxcontrib.blockdiag',
    'sphinxcontrib.nwdiag',
    'sphinxcontrib.actdiag',
]


def main(argv):
    extensions = DEFAULT_EXTENSIONS
    messages_only = False
    out_dir = None
    files = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == '--extensions':
            extensions = [e for e in argv[index + 1].split(',') if e]
            index += 2
            continue
        if arg == '--out':
            out_dir = argv[index + 1]
            index += 2
            continue
        if arg == '--messages-only':
            messages_only = True
        else:
            files.append(arg)
        index += 1
    srcdir = os.getcwd()
    sphinx_warnings = io.StringIO()
    with tempfile.TemporaryDirectory() as outdir, patch_docutils(None), docutils_namespace():
        app = Sphinx(srcdir, None, outdir, os.path.join(outdir, '.doctrees'), 'dummy',
                     confoverrides={'extensions': extensions}, status=None,
                     warning=sphinx_warnings, freshenv=True)
        env = app.env
        env.find_files(app.config, app.builder)
        for path in files:
            docname = os.path.normpath(os.path.splitext(path)[0])
            env.temp_data.clear()
            env.prepare_settings(docname)
            env.ref_context.clear()
            with open(path, encoding='utf-8', errors='surrogateescape') as f:
                text = f.read()
            stream = io.StringIO()
            settings = dict(OVERRIDES, warning_stream=stream, env=env, output_encoding='unicode')
            with sphinx_domains(env):
                out = publish_string(text, source_path=path, writer_name='pseudoxml',
                                     settings_overrides=settings)
            messages = stream.getvalue()
            for line in sphinx_warnings.getvalue().splitlines():
                messages += 'SPHINX: ' + line + '\n'
            # Each file's messages carry only its own Sphinx warnings.
            sphinx_warnings.seek(0)
            sphinx_warnings.truncate()
            if out_dir:
                base = os.path.join(out_dir, os.path.splitext(path)[0])
                os.makedirs(os.path.dirname(base), exist_ok=True)
                with open(base + '.pseudoxml', 'w') as f:
                    f.write(out)
                with open(base + '.messages', 'w') as f:
                    f.write(messages)
                continue
            if not messages_only:
                sys.stdout.write(out)
            sys.stderr.write(messages)
    return 0


if __name__ == '__main__':
    nocolor()
    sys.exit(main(sys.argv[1:]))
