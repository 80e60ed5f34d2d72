#!/usr/bin/env python3
"""Recreate lint-verdicts.json for a directory of mutated specs.

Usage: make-parity-verdicts.py REPO_NAME MUTANTS_ROOT [CORPUS_ROOT]

MUTANTS_ROOT is laid out as a spec repository (specs/<release>/<status>/
*.rst, as ../shared/tools/mutate-specs writes it). Release templates are
copied in from CORPUS_ROOT/specs if missing. The verdicts reproduce:

  - "titles": the checks of the repository's tests/test_titles.py
    (documents published with halt_level 5: a severe message does not stop
    docutils)
    (watcher-specs; nova-specs adds the zero-width-space check and its
    optional subsections), run on the text read with newline='' as the
    shared verdicts were made, documents published with halt_level 5 (a
    severe message does not stop docutils);
  - "doc8": doc8's report (python3-doc8 0.10.1) as [line, code] pairs.

Checked against ../shared/conformance/mutants/*/lint-verdicts.json: it
reproduces every verdict there. Needs python3-docutils and python3-doc8.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import docutils.core

OPTIONAL_SECTIONS = ("History",)
NOVA_OPTIONAL_SUBSECTIONS = {None: ("Feature Liaison",), "queens": ("Upgrade impact",)}


def get_title(section_tree):
    section = {"subtitles": []}
    for node in section_tree:
        if node.tagname == "title":
            section["name"] = node.rawsource
        elif node.tagname == "section":
            section["subtitles"].append(get_title(node)["name"])
    return section


def get_titles(spec):
    titles = {}
    for node in spec:
        if node.tagname == "section":
            section = get_title(node)
            titles[section["name"]] = section["subtitles"]
    return titles


def check_titles(filename, expect, actual, optional_subsections):
    missing = [x for x in expect if x not in actual and x not in OPTIONAL_SECTIONS]
    extra = [x for x in actual if x not in expect]
    msgs = []
    if missing:
        msgs.append("Missing sections: %s" % missing)
    if extra:
        msgs.append("Extra sections: %s" % extra)
    for section in expect:
        missing_sub = [x for x in expect[section]
                       if x not in actual.get(section, {}) and x not in optional_subsections]
        if missing_sub:
            msgs.append("Section '%s' is missing subsections: %s" % (section, missing_sub))
    # The shared verdicts keep the failure message without its
    # "While checking '<file>':" preamble.
    return "\n  ".join(msgs) if msgs else None


def check_lines_wrapping(tpl, raw):
    code_block = False
    for i, line in enumerate(raw.split("\n")):
        if code_block:
            if not line or line.startswith(" "):
                continue
            code_block = False
        if "::" in line:
            code_block = True
        if "http://" in line or "https://" in line:
            continue
        if line.startswith("..") and "image::" in line:
            continue
        if re.match(r"\s*[^\s]+$", line):
            continue
        if not len(line) < 80:
            return "%s:%d: Line limited to a maximum of 79 characters." % (tpl, i + 1)
    return None


def check_no_cr(tpl, raw):
    n = len(re.findall("\r", raw))
    return None if n == 0 else "%d != 0: Found %d literal carriage returns in file %s" % (n, n, tpl)


def check_trailing_spaces(tpl, raw):
    for i, line in enumerate(raw.split("\n")):
        if re.findall(" +$", line):
            return "1 != 0: Found trailing spaces on line %s of %s" % (i + 1, tpl)
    return None


def check_no_zwsp(tpl, raw):
    at = raw.find("\u200b")
    return None if at == -1 else "%d != -1: Found zero width space characters in file %s" % (at, tpl)


def main(argv):
    repo, root = argv[0], argv[1]
    corpus = argv[2] if len(argv) > 2 else None
    nova = repo.startswith("nova")
    os.chdir(root)
    files = sorted(glob.glob("specs/*/*/*.rst"))
    templates = {}
    verdicts = {}
    for filename in files:
        release = filename.split("/")[1]
        template_path = "specs/%s-template.rst" % release
        if not os.path.exists(template_path) and corpus:
            source = os.path.join(corpus, template_path)
            if os.path.exists(source):
                shutil.copy(source, template_path)
        if not os.path.exists(template_path):
            continue
        if release not in templates:
            with open(template_path) as f:
                templates[release] = get_titles(docutils.core.publish_doctree(f.read()))
        with open(filename, newline="") as f:
            data = f.read()
        failures = []
        try:
            spec = docutils.core.publish_doctree(data, settings_overrides={"report_level": 5, "halt_level": 5})
        except Exception as error:  # a severe message halts docutils
            print("%s: %s" % (filename, str(error).splitlines()[0]), file=sys.stderr)
            raise
        optional = ()
        if nova:
            optional = NOVA_OPTIONAL_SUBSECTIONS.get(release, NOVA_OPTIONAL_SUBSECTIONS[None])
        message = check_titles(filename, templates[release], get_titles(spec), optional)
        if message:
            failures.append("titles: " + message)
        checks = [("lines_wrapping", check_lines_wrapping), ("no_cr", check_no_cr),
                  ("trailing_spaces", check_trailing_spaces)]
        if nova:
            checks.append(("no_zwsp", check_no_zwsp))
        for name, check in checks:
            message = check(filename, data)
            if message:
                failures.append("%s: %s" % (name, message))
        verdicts[filename] = {"titles": failures, "doc8": []}
    out = subprocess.run([sys.executable, "-m", "doc8", "--quiet"] + list(verdicts),
                         capture_output=True, text=True)
    if "No module named" in out.stderr:
        raise SystemExit("doc8 is not importable by %s (Debian: /usr/bin/python3 with python3-doc8)" % sys.executable)
    for line in out.stdout.splitlines():
        match = re.match(r"^(.*?):(\d+): (D\d{3}) ", line)
        if match and match.group(1) in verdicts:
            verdicts[match.group(1)]["doc8"].append([int(match.group(2)), match.group(3)])
    with open("lint-verdicts.json", "w") as f:
        json.dump(verdicts, f, indent=1, sort_keys=True)
    print("%d verdicts in %s" % (len(verdicts), root), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
