import io, os, sys
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
src, dst = sys.argv[1], sys.argv[2]
n = 0
for dirpath, _, files in os.walk(src):
    for name in sorted(files):
        if not name.endswith('.rst'): continue
        full = os.path.join(dirpath, name)
        rel = os.path.relpath(full, src)
        cwd = os.getcwd(); os.chdir(src)
        try:
            with open(rel, encoding='utf-8', errors='surrogateescape') as f: text = f.read()
            settings = get_default_settings(Parser)
            stream = io.StringIO()
            settings.warning_stream = stream
            settings.report_level = 1; settings.halt_level = 5; settings.syntax_highlight = 'none'
            doc = new_document(rel, settings)
            Parser().parse(text, doc)
            out, msgs = doc.pformat(), stream.getvalue()
        finally:
            os.chdir(cwd)
        base = os.path.join(dst, rel)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        open(base[:-4] + '.pseudoxml', 'w').write(out)
        open(base[:-4] + '.messages', 'w').write(msgs)
        n += 1
print(n, file=sys.stderr)
