#!/usr/bin/python3
"""Which texts Pygments 2.14's JSON lexer cannot lex (an Error token), as
Sphinx's highlighting meets them ("Could not lex literal_block as "json"").

Usage: gen-json-lex-cases.py COUNT SEED > test/fixtures/rst/sphinx/json-lex-cases.json

Writes [text, fails] pairs: JSON documents, Python-style literals and
random mutations of them. Needs Debian's python3-pygments (2.14).
"""
import json
import random
import sys

from pygments import highlight
from pygments.filters import ErrorToken
from pygments.formatters import NullFormatter
from pygments.lexers import get_lexer_by_name

SEEDS = [
    '{"server": {"name": "vm", "flavorRef": 1, "metadata": {}, "ok": true, "n": null}}',
    '[1, -2.5e+3, "x\\u00e9\\n", false] // comment\n/* block */',
    "{'python': True, 'none': None}",
    '{"a": [1, 2,],\n "b": "unterminated',
    'GET /servers HTTP/1.1\nHost: x\n\n{"a": 1}',
    '{\n    "type": "object",\n    "properties": {"id": {"type": "string", "format": "uuid"}},\n    "additionalProperties": false\n}',
    '{"text": "with \\"escaped\\" quotes and \\\\ backslash", "u": "\\u12"}',
    '...',
]
ALPHABET = list('{}[],:"\'/\\*-+.eE0123456789 \n\ttfnurlsxyzTNF#$?!<>') + ['true', 'null', 'false', '//', '/*', '*/', '\\u', '\\"']


def fails(text):
    lexer = get_lexer_by_name('json')
    lexer.add_filter('raiseonerror')
    try:
        highlight(text, lexer, NullFormatter())
        return False
    except ErrorToken:
        return True


def mutate(rng, text):
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.5:
            text = text[:position] + rng.choice(ALPHABET) + text[position:]
        elif choice < 0.8:
            text = text[:position] + text[position + rng.randint(1, 3):]
        else:
            text = text[:position]
    return text


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    texts = list(SEEDS) + [mutate(rng, rng.choice(SEEDS)) for _ in range(count)]
    json.dump([[text, fails(text)] for text in texts], sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
